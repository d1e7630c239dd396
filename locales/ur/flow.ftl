# Translation status: machine-drafted, needs review by a professional translator before use with children.
# The child's conversation (flows/feedback.toml), in simple Urdu with respectful "آپ" for a 9-year-old
# reader. { $authority } is the council's name. "Childline (0800 1111)" is kept together so the
# number shows in the right order inside right-to-left text.

chat-hello = ہیلو! یہ ایک محفوظ جگہ ہے جہاں آپ { $authority } کو بتا سکتے ہیں کہ آپ کیا سوچتے ہیں۔
chat-hello-safe = آپ کسی بھی وقت رک سکتے ہیں۔ جب تک آپ نہ کہیں، کچھ بھی نہیں بھیجا جائے گا۔
ask-kind = آپ ہمیں کیا بتانا چاہتے ہیں؟
kind-complaint = کچھ غلط ہے
kind-compliment = کچھ اچھا ہے
kind-comment = کوئی خیال یا رائے
kind-unsafe = میں ابھی محفوظ نہیں ہوں

unsafe-title = آپ ابھی مدد لے سکتے ہیں
unsafe-danger = اگر آپ ابھی خطرے میں ہیں تو 999 پر فون کریں۔
unsafe-childline = آپ بچوں کی ہیلپ لائن Childline (0800 1111) سے مفت بات کر سکتے ہیں۔ یہ فون کے بل پر نظر نہیں آئے گا۔
unsafe-council = آپ { $authority } ({ $help_phone }) کو بھی فون کر سکتے ہیں۔ رات کو یا ہفتے کے آخر میں { $authority } ({ $out_of_hours_phone }) کو فون کریں۔
ask-tell-someone = کیا آپ چاہتے ہیں کہ ہم کسی ایسے شخص کو بتائیں جو مدد کر سکے؟
tell-someone-yes = ہاں، براہ مہربانی کسی کو بتائیں
tell-someone-no = نہیں، ابھی نہیں
unsafe-end-ok = کوئی بات نہیں۔ آپ کسی بھی وقت واپس آ سکتے ہیں۔ اگر آپ کو ضرورت ہو تو نمبر یہاں موجود ہیں۔
urgent-we-will-tell = ہم فوراً { $authority } میں کسی کو بتائیں گے۔ صرف چند الفاظ بھی کافی ہیں۔
ask-urgent-what = کیا ہو رہا ہے؟
ask-urgent-name = آپ کا پہلا نام کیا ہے؟
urgent-optional = آپ اگلے سوالوں میں سے کوئی بھی چھوڑ سکتے ہیں۔
ask-urgent-where = آپ اس وقت کہاں ہیں؟
ask-urgent-call = کیا کسی کا آپ کو فون کرنا محفوظ ہے؟
urgent-call-yes = ہاں، وہ مجھے فون کر سکتے ہیں
urgent-call-no = نہیں، براہ کرم فون نہ کریں
urgent-call-not-sure = مجھے یقین نہیں
ask-urgent-reach = ہم آپ سے محفوظ طریقے سے کیسے رابطہ کریں؟ مثلاً فون نمبر، یا آپ کے سوشل ورکر کے ذریعے۔
ask-urgent-send = کیا یہ ابھی بھیج دیں؟

chat-thanks = شکریہ۔ چلیں شروع کرتے ہیں۔
ask-role = آپ کون ہیں؟
role-young-person = میں خود بچہ/بچی یا نوجوان ہوں
role-helping = میں کسی بچے یا نوجوان کی مدد کر رہا/رہی ہوں
role-parent-carer = میں ماں، باپ یا دیکھ بھال کرنے والا/والی ہوں
role-someone-else = کوئی اور

ask-about = یہ کس بارے میں ہے؟
about-social-worker = میرا سوشل ورکر یا پرسنل ایڈوائزر
about-where-i-live = میرے رہنے کی جگہ
about-seeing-family = اپنے گھر والوں سے ملنا
about-money = پیسے
about-leaving-care = کیئر چھوڑنا
about-school = اسکول یا کالج
about-health = صحت
about-how-treated = میرے ساتھ کیسا سلوک کیا گیا
about-something-else = کچھ اور

chat-tell-us = آرام سے لکھیں۔ اپنے الفاظ استعمال کریں۔
ask-what-happened = کیا ہوا؟
chat-thank-you-for-telling = ہمیں بتانے کا شکریہ۔
ask-what-would-help = کس چیز سے حالات بہتر ہوں گے؟

chat-lovely = یہ سن کر بہت اچھا لگا!
ask-what-was-good = کیا اچھا تھا؟

ask-what-to-say = آپ ہمیں کیا بتانا چاہیں گے؟

chat-advocate-intro = حمایتی ایک ایسا شخص ہے جو آپ کی طرف ہوتا ہے۔ وہ آپ کو اپنی بات کہنے میں مدد دے سکتا ہے۔
ask-advocate = کیا آپ چاہیں گے کہ کوئی حمایتی آپ کی مدد کرے؟
advocate-help = حمایتی ایک بالغ شخص ہوتا ہے جو آپ کے سوشل ورکر کی ٹیم کے لیے کام نہیں کرتا۔ وہ آپ کی بات سنتا ہے، آپ کو اپنی سوچ بتانے میں مدد دیتا ہے، اور یہ یقینی بناتا ہے کہ آپ کی بات سنی جائے۔ یہ مفت ہے۔
    .summary = حمایتی کون ہوتا ہے؟
advocate-yes = ہاں، براہ مہربانی
advocate-no = نہیں، شکریہ
advocate-not-sure = مجھے ابھی پکا نہیں پتا

chat-contact-intro = ہم آپ کو بتانا چاہیں گے کہ آگے کیا ہوگا۔
chat-contact-private = آپ سے رابطے کا طریقہ صرف وہی لوگ دیکھیں گے جو آپ کے پیغام پر کام کر رہے ہیں۔
ask-contact = ہم آپ سے کیسے رابطہ کریں؟
contact-phone = مجھے فون کریں
contact-email = مجھے ای میل کریں
contact-worker = میرے ورکر کے ذریعے
contact-carer = میری دیکھ بھال کرنے والے کے ذریعے
contact-none = براہ مہربانی مجھ سے رابطہ نہ کریں

ask-contact-phone = آپ کا فون نمبر کیا ہے؟
ask-contact-email = آپ کا ای میل ایڈریس کیا ہے؟

ask-first-name = آپ کا پہلا نام کیا ہے؟
ask-age = آپ کی عمر کتنی ہے؟

chat-nearly-done = بس تقریباً ہو گیا!
ask-check = اپنے جوابات چیک کریں
ask-send = کیا بھیجنے کے لیے تیار ہیں؟
