# Translation status: machine-drafted, needs review by a professional translator before use with children.
# Words on every page, and on the pages around the conversation. "Have Your Say" stays in English
# (the service's name). "Childline (0800 1111)" is kept together so the number shows in the right
# order inside right-to-left text.

service-name = Have Your Say
skip-to-content = اصل مواد پر جائیں
exit-skip-link = یہ صفحہ جلدی سے چھوڑیں
exit-button = یہ صفحہ چھوڑیں
footer-who = { $authority } – Have Your Say
title-error-prefix = خرابی:

start-title = Have Your Say – اپنی بات کہیں
start-hello = ہیلو! آپ ہمیں کوئی ایسی بات بتا سکتے ہیں جو غلط ہے، کوئی ایسی بات جو اچھی ہے، یا کوئی خیال۔
start-what-it-is = ہم آپ سے چند چھوٹے سوال پوچھیں گے، ایک وقت میں ایک۔ اس میں تقریباً 5 منٹ لگتے ہیں۔
start-private = اسے صرف { $authority } کے وہ لوگ پڑھیں گے جو بچوں اور نوجوانوں کی مدد کرتے ہیں۔
start-button = شروع کریں
start-unsafe-button = میں ابھی محفوظ نہیں ہوں
start-exit-title = جلدی سے جانا ہے؟
start-exit-explain = کسی بھی وقت اوپر "یہ صفحہ چھوڑیں" پر ٹیپ کریں۔ یہ صفحہ موسم کی ویب سائٹ میں بدل جائے گا اور آپ کے جوابات مٹ جائیں گے۔
start-exit-history = اس سے آپ کے براؤزر کی ہسٹری صاف نہیں ہوتی۔ کسی ایسے شخص سے پوچھیں جس پر آپ بھروسہ کرتے ہیں کہ یہ کیسے کرتے ہیں، یا پرائیویٹ ونڈو استعمال کریں۔
feeling-question = آپ کا موڈ کیسا ہے؟
feeling-optional = چاہیں تو کوئی چہرہ چنیں۔ یہ سوال چھوڑا بھی جا سکتا ہے۔
feeling-1 = بہت اداس
feeling-2 = اداس
feeling-3 = ٹھیک ٹھاک
feeling-4 = خوش
feeling-5 = بہت خوش

transcript-label = اب تک کی آپ کی بات چیت
speaker-service = Have Your Say
speaker-you = آپ

continue-button = آگے بڑھیں
back-button = واپس
consent-agree = ہاں، میں متفق ہوں
hint-optional = اس کا جواب دینا ضروری نہیں۔ آپ اسے خالی چھوڑ سکتے ہیں۔
hint-max-characters =
    { $max ->
        [one] آپ زیادہ سے زیادہ { $max } حرف لکھ سکتے ہیں۔
       *[other] آپ زیادہ سے زیادہ { $max } حروف لکھ سکتے ہیں۔
    }
answer-skipped = (آپ نے جواب نہیں دیا)
answer-yes = ہاں
answer-no = نہیں

check-change = تبدیل کریں
check-continue = یہ ٹھیک ہیں
send-explain = جب آپ "بھیجیں" دبائیں گے تو ہمیں آپ کا پیغام مل جائے گا۔
send-button = بھیجیں

help-panel-title = وہ لوگ جو مدد کر سکتے ہیں
help-call-999 = اگر آپ ابھی خطرے میں ہیں تو 999 پر فون کریں
help-call-childline = Childline: 0800 1111 (مفت)
help-call-council = { $authority }: { $help_phone }
help-call-out-of-hours = رات کو اور ہفتے کے آخر میں – { $authority }: { $out_of_hours_phone }
help-childline-bill = Childline کو فون کرنا مفت ہے اور یہ فون کے بل پر نظر نہیں آتا۔
help-back-to-start = شروع پر واپس جائیں
help-leave = یہ صفحہ چھوڑیں

done-title = شکریہ۔ ہمیں آپ کا پیغام مل گیا۔
done-your-reference = آپ کا ریفرنس یہ ہے:
done-your-secret = آپ کے خفیہ الفاظ یہ ہیں:
done-secret-hidden = آپ کی حفاظت کے لیے ہم آپ کے خفیہ الفاظ دوبارہ نہیں دکھائیں گے۔
done-keep-safe = اپنا ریفرنس اور خفیہ الفاظ کسی محفوظ جگہ رکھیں۔ آگے کیا ہوتا ہے، یہ دیکھنے کے لیے آپ کو ان کی ضرورت ہوگی۔
done-next-title = آگے کیا ہوگا
done-next-read = جلد ہی کوئی آپ کا پیغام پڑھے گا۔
done-next-reply-by = ہم { $date } تک جواب دیں گے۔
done-if-unsafe = اگر آپ محفوظ نہیں ہیں تو 999 پر یا Childline (0800 1111) پر فون کریں۔
done-finish = ختم کریں اور باہر جائیں
done-urgent-title = شکریہ۔ ہم ابھی کسی کو بتا رہے ہیں۔
done-urgent-next = ہم نے آپ کا پیغام ابھی { $authority } کی ڈیوٹی ٹیم کو بھیج دیا ہے۔ آج ہی کوئی اسے پڑھے گا اور اسی طریقے سے آپ سے رابطہ کرنے کی کوشش کرے گا جو آپ نے ہمیں بتایا۔ اگر آپ خطرے میں ہیں تو 999 پر کال کریں۔
send-urgent-explain = جب آپ "ابھی بھیجیں" دبائیں گے تو ہم فوراً کسی کو بتائیں گے۔
send-urgent-button = ابھی بھیجیں

# The email a child gets when staff reply, if they chose email. It never holds the reply.
email-child-subject = آپ کو Have Your Say سے جواب آیا ہے
email-child-body = { $authority } میں کسی نے آپ کے پیغام کا جواب دیا ہے۔ اسے پڑھنے کے لیے نیچے دیے گئے لنک پر جائیں اور اپنا ریفرنس اور خفیہ الفاظ لکھیں۔
email-child-link = اپنا جواب پڑھیں
email-child-footer = اگر آپ محفوظ نہیں ہیں تو 999 پر یا Childline (0800 1111) پر فون کریں۔

# Shown calmly when something a child wrote sounds like they may not be safe.
safety-title = لگتا ہے کہ حالات شاید بہت مشکل ہیں
safety-text = آپ نے ہمیں بتا کر اچھا کیا۔
safety-carry-on = جب آپ اپنا پیغام بھیجیں گے تو وہ سیدھا { $authority } کی ڈیوٹی ٹیم کو جائے گا، اور آج ہی کوئی اسے پڑھے گا۔ جب آپ تیار ہوں تو آگے بڑھیں۔
safety-added-duty-team = ہم نے آپ کی لکھی بات ابھی { $authority } کی ڈیوٹی ٹیم کو بھیج دی ہے۔ آج ہی کوئی اسے پڑھے گا۔

footer-privacy = آپ کی بتائی ہوئی بات کون دیکھتا ہے
footer-track = پیغام کی صورتحال دیکھیں
footer-staying-safe = آن لائن محفوظ رہنا
privacy-just-in-time = اسے کون دیکھ سکتا ہے؟ پڑھیں کہ ہم اسے کیسے نجی رکھتے ہیں۔

# Coming back to a message you sent.
track-title = اپنے پیغام کی صورتحال دیکھیں
track-intro = وہ ریفرنس اور خفیہ الفاظ لکھیں جو آپ کو پیغام بھیجتے وقت، یا "بعد میں مکمل کریں" چننے پر ملے تھے۔
track-reference = آپ کا ریفرنس
track-reference-hint = یہ اس طرح کا ہوتا ہے: HYS-7K4P-Q2MX
track-secret = آپ کے خفیہ الفاظ
track-secret-hint = چار الفاظ اور ایک نمبر، جیسے: بلی گیند بادل ہرا 472
track-button = مجھے دکھائیں
track-no-match = یہ تفصیلات میل نہیں کھاتیں۔ ریفرنس اور خفیہ الفاظ چیک کریں اور دوبارہ کوشش کریں۔
track-throttled = بہت زیادہ کوششیں ہو گئی ہیں۔ براہ مہربانی ایک گھنٹہ انتظار کریں اور پھر کوشش کریں، یا ہمیں فون کریں۔
track-resume-link = میں نے ابھی اسے نہیں بھیجا۔ مجھے اسے مکمل کرنا ہے۔
track-case-title = آپ کا پیغام
track-status-received = ہمیں آپ کا پیغام مل گیا ہے۔ جلد ہی کوئی اسے دیکھے گا۔
track-status-looking = کوئی اسے دیکھ رہا ہے۔
track-status-replied = ہم نے جواب دے دیا ہے۔ آپ اسے نیچے پڑھ سکتے ہیں۔
track-status-paused = ہم مل کر اس بارے میں بات کر رہے ہیں تاکہ اسے حل کیا جا سکے۔
track-status-closed = ہم نے اسے دیکھنا مکمل کر لیا ہے۔ اگر آپ خوش نہیں ہیں تو نیچے ہمیں بتا سکتے ہیں۔
track-due = ہم { $date } تک جواب دیں گے۔
track-messages = پیغامات
track-no-messages = ابھی کوئی پیغام نہیں۔
track-speaker-staff = { $authority }
track-add = کیا آپ ہمیں کچھ اور بتانا چاہتے ہیں؟
track-add-button = بھیجیں
track-too-long = براہ مہربانی اسے چھوٹا کریں۔ آپ زیادہ سے زیادہ 5000 حروف لکھ سکتے ہیں۔
track-who-sees-title = اسے کون دیکھ سکتا ہے؟
track-who-sees = جو لوگ آپ کے پیغام پر کام کر رہے ہیں وہ دیکھ سکتے ہیں کہ آپ نے ہمیں کیا بتایا اور آپ یہاں کیا لکھتے ہیں۔ وہ آپ کے خفیہ الفاظ نہیں دیکھ سکتے، اور نہ ہی آپ کے فون پر کچھ اور دیکھ سکتے ہیں۔

# Finish later.
later-button = بعد میں مکمل کریں
later-title = آپ بعد میں مکمل کر سکتے ہیں
later-your-code = آپ کا ریفرنس یہ ہے:
later-your-secret = آپ کے خفیہ الفاظ یہ ہیں:
later-until = آپ نے جو لکھا ہے وہ ہم { $date } تک رکھیں گے۔ اس کے بعد اسے مٹا دیا جائے گا۔
later-how = دوبارہ شروع کرنے کے لیے "پیغام کی صورتحال دیکھیں" پر جائیں اور اپنا ریفرنس اور خفیہ الفاظ لکھیں۔ آپ کوئی بھی فون یا کمپیوٹر استعمال کر سکتے ہیں۔ پیغام بھیجنے کے بعد بھی یہی رہتے ہیں، اس لیے آپ کو صرف انہی کو سنبھال کر رکھنا ہے۔
later-carry-on = ابھی جاری رکھیں
later-leave = ابھی کے لیے چھوڑ دیں
resume-title = اپنا پیغام مکمل کریں
resume-code = آپ کا کوڈ
resume-button = جاری رکھیں
resume-no-match = یہ تفصیلات میل نہیں کھاتیں، یا آپ کا پیغام چند دن بعد مٹا دیا گیا تھا۔ انہیں چیک کر کے دوبارہ کوشش کریں، یا نئے سرے سے شروع کریں۔
language-picker = اپنی زبان چنیں
read-aloud = 🔊 مجھے پڑھ کر سنائیں

honeypot-label = اس خانے کو خالی چھوڑ دیں

chat-no-signal = سگنل نہیں ہے — ہم دوبارہ کوشش کریں گے۔ آپ کا جواب ابھی یہیں ہے۔
start-carry-on = جہاں چھوڑا تھا وہیں سے جاری رکھیں
start-again-button = دوبارہ شروع کریں

done-next-no-contact = آپ نے کہا تھا کہ ہم آپ سے رابطہ نہ کریں، اس لیے ہم نہیں کریں گے۔ آپ اپنے حوالہ نمبر اور خفیہ الفاظ سے کسی بھی وقت اپنا پیغام دیکھ سکتے ہیں۔
done-next-advocate = ایک حمایتی { $date } تک آپ سے رابطہ کرے گا۔ حمایتی آپ کا ساتھ دیتا ہے اور آپ کو اپنی بات کہنے میں مدد دیتا ہے۔
done-next-advocate-call = آپ نے حمایتی مانگا ہے۔ آپ نے یہ بھی کہا کہ ہم آپ سے رابطہ نہ کریں، اس لیے جب آپ کسی حمایتی سے بات کرنا چاہیں تو ہمیں { $help_phone } پر فون کریں۔

keep-write-down = انہیں ابھی لکھ لیں یا اسکرین کی تصویر لے لیں۔
keep-copy-button = انہیں کاپی کریں
keep-copied = کاپی ہو گیا۔ انہیں ایسی جگہ پیسٹ کریں جہاں صرف آپ دیکھ سکیں۔
keep-email-explain = ہم آپ کا حوالہ نمبر اور خفیہ الفاظ اس ای میل پتے پر بھیج سکتے ہیں جو آپ نے ہمیں دیا ہے۔ ہم انہیں صرف ایک بار بھیجتے ہیں۔
keep-email-button = انہیں مجھے ای میل کر دیں
keep-email-sent = ہو گیا۔ ہم آپ کا حوالہ نمبر اور خفیہ الفاظ اس ای میل پتے پر بھیج رہے ہیں جو آپ نے ہمیں دیا ہے۔ اپنا ان باکس دیکھیں، اور انہیں لکھ بھی لیں، کہیں ای میل نہ پہنچے۔
keep-email-subject = Have Your Say کے لیے آپ کا حوالہ نمبر
keep-email-intro = آپ نے ہم سے کہا تھا کہ آپ کا حوالہ نمبر اور خفیہ الفاظ آپ کو ای میل کر دیں۔ اپنے پیغام کے بارے میں جاننے کے لیے آپ کو دونوں کی ضرورت ہے۔
keep-email-private = یہ ای میل کسی کو نہ دکھائیں۔ جس کے پاس بھی آپ کا حوالہ نمبر اور خفیہ الفاظ ہوں، وہ آپ کے پیغامات پڑھ سکتا ہے۔
keep-email-reference = حوالہ نمبر
keep-email-words = خفیہ الفاظ
keep-email-link = دیکھیں کیا ہو رہا ہے

progress-left = { $count ->
    [one] یہ آخری سوال ہے
   *[other] { $count } سوال باقی ہیں
}

## Tracking: what was sent, and once a complaint is closed, what was decided and what comes next
track-due-here = ہم { $date } تک اپنا جواب یہاں لکھ دیں گے۔
track-sent-title = آپ نے کیا بھیجا
track-sent-facts = { $kind }، موضوع: { $topic }۔ { $date } کو بھیجا گیا۔
track-sent-facts-no-topic = { $kind }۔ { $date } کو بھیجا گیا۔
track-sent-date = { $date } کو بھیجا گیا۔
track-sent-show = جو میں نے بھیجا وہ دکھائیں
track-outcome-title = ہم نے کیا فیصلہ کیا
track-outcome-upheld = ہم آپ کی شکایت سے متفق ہیں، اور ہم چیزیں ٹھیک کر رہے ہیں۔
track-outcome-partly_upheld = ہم آپ کی شکایت کے کچھ حصے سے متفق ہیں۔
track-outcome-not_upheld = ہم نے اسے غور سے دیکھا، اور ہم آپ کی شکایت سے متفق نہیں ہیں۔
track-outcome-withdrawn = آپ نے ہم سے کہا کہ آپ کی شکایت کو دیکھنا بند کر دیں۔
track-outcome-outside_jurisdiction = یہ ایسی بات ہے جسے ہمارا شکایت کا طریقہ نہیں دیکھ سکتا۔
track-outcome-inconclusive = ہم یقین سے معلوم نہیں کر سکے کہ کیا ہوا تھا۔
track-next-stage = اگر آپ ہمارے جواب سے خوش نہیں ہیں تو آپ اپنی شکایت کا مرحلہ { $stage } مانگ سکتے ہیں۔ { $date } تک مانگیں: نیچے والے خانے میں لکھ دیں۔
track-next-formal = اگر آپ خوش نہیں ہیں تو آپ اب بھی باقاعدہ شکایت کر سکتے ہیں۔ نیچے والے خانے میں لکھ دیں۔
track-next-ombudsman = اگر آپ اب بھی خوش نہیں ہیں تو آپ مقامی حکومت اور سماجی نگہداشت کے محتسب (Ombudsman) سے کہہ سکتے ہیں کہ وہ اسے دیکھیں۔ یہ مفت ہے، اور وہ کونسل کا حصہ نہیں ہیں۔
track-ombudsman-call = محتسب کو فون کریں: ⁦0300 061 0614⁩
track-next-advocate = ایک حمایتی اس میں آپ کی مفت مدد کر سکتا ہے۔ ہم سے مانگیں۔

## The guide who asks the questions (a name only; the drawing beside it is decorative)
guide-name = اسکائی
