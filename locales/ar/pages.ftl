# Translation status: machine-drafted, needs review by a professional translator before use with children.
# Words on every page, and on the pages around the conversation. "Have Your Say" stays in English
# (the service's name). "Childline (0800 1111)" is kept together so the number shows in the right
# order inside right-to-left text.

service-name = Have Your Say
skip-to-content = انتقل إلى المحتوى الرئيسي
exit-skip-link = مغادرة هذه الصفحة بسرعة
exit-button = مغادرة هذه الصفحة
footer-who = { $authority } – Have Your Say
title-error-prefix = خطأ:

start-title = Have Your Say – قل رأيك
start-hello = مرحبًا! يمكنك أن تخبرنا عن شيء ليس على ما يرام، أو عن شيء جيد، أو عن فكرة.
start-what-it-is = سنسألك بعض الأسئلة القصيرة، سؤالًا بعد سؤال. يستغرق ذلك حوالي 5 دقائق.
start-private = لن يقرأ ما تكتبه إلا الأشخاص الذين يساعدون الأطفال والشباب في { $authority }.
start-button = ابدأ
start-unsafe-button = أنا لست بأمان الآن
start-exit-title = هل تحتاج أن تخرج بسرعة؟
start-exit-explain = اضغط على "مغادرة هذه الصفحة" في الأعلى في أي وقت. ستتغير هذه الصفحة إلى موقع للطقس، وستختفي إجاباتك.
start-exit-history = هذا لا يمسح سجل المتصفح. اطلب من شخص تثق به أن يعلّمك كيف تفعل ذلك، أو استخدم نافذة خاصة.
feeling-question = كيف حالك الآن؟
feeling-optional = اختر وجهًا إن أردت. يمكنك تخطي هذا السؤال.
feeling-1 = حزن شديد
feeling-2 = حزن
feeling-3 = بين بين
feeling-4 = فرح
feeling-5 = فرح كبير

transcript-label = محادثتك حتى الآن
speaker-service = Have Your Say
speaker-you = أنت

continue-button = متابعة
back-button = رجوع
consent-agree = نعم، أوافق
hint-optional = ليس عليك أن تجيب عن هذا السؤال. يمكنك أن تتركه فارغًا.
hint-max-characters =
    { $max ->
        [zero] يمكنك أن تكتب حتى { $max } حرف.
        [one] يمكنك أن تكتب حرفًا واحدًا فقط.
        [two] يمكنك أن تكتب حتى حرفين.
        [few] يمكنك أن تكتب حتى { $max } أحرف.
        [many] يمكنك أن تكتب حتى { $max } حرفًا.
       *[other] يمكنك أن تكتب حتى { $max } حرف.
    }
answer-skipped = (لم تُجب)
answer-yes = نعم
answer-no = لا

check-change = تغيير
check-continue = الإجابات صحيحة
send-explain = عندما تضغط على "إرسال"، ستصلنا رسالتك.
send-button = إرسال

help-panel-title = أشخاص يمكنهم مساعدتك
help-call-999 = اتصل بالرقم 999 إذا كنت في خطر الآن
help-call-childline = خط مساعدة الأطفال Childline: 0800 1111 (مجاني)
help-call-council = { $authority }: { $help_phone }
help-call-out-of-hours = في الليل وفي عطلة نهاية الأسبوع – { $authority }: { $out_of_hours_phone }
help-childline-bill = الاتصال بـ Childline مجاني، ولن يظهر في فاتورة الهاتف.
help-back-to-start = العودة إلى البداية
help-leave = مغادرة هذه الصفحة

done-title = شكرًا لك. وصلتنا رسالتك.
done-your-reference = رقمك المرجعي هو:
done-your-secret = كلماتك السرية هي:
done-secret-hidden = لكي تبقى بأمان، لن نعرض كلماتك السرية مرة أخرى.
done-keep-safe = احتفظ برقمك المرجعي وكلماتك السرية في مكان آمن. ستحتاج إليها لترى ما سيحدث بعد ذلك.
done-next-title = ماذا سيحدث بعد ذلك
done-next-read = سيقرأ شخص ما رسالتك قريبًا.
done-next-reply-by = سنرد عليك بحلول { $date }.
done-if-unsafe = إذا لم تكن بأمان، اتصل بالرقم 999 أو بـ Childline (0800 1111).
done-finish = إنهاء ومغادرة
done-urgent-title = شكرًا لك. نحن نخبر شخصًا الآن.
done-urgent-next = أرسلنا رسالتك الآن إلى فريق المناوبة في { $authority }. سيقرؤها شخص اليوم وسيحاول التواصل معك بالطريقة التي أخبرتنا بها. إذا كنت في خطر، اتصل بالرقم 999.
send-urgent-explain = عندما تضغط على "إرسال الآن"، سنخبر شخصًا فورًا.
send-urgent-button = إرسال الآن

# The email a child gets when staff reply, if they chose email. It never holds the reply.
email-child-subject = لديك رد من Have Your Say
email-child-body = ردّ شخص في { $authority } على رسالتك. لقراءة الرد، افتح الرابط أدناه واكتب رقمك المرجعي وكلماتك السرية.
email-child-link = اقرأ الرد
email-child-footer = إذا لم تكن بأمان، اتصل بالرقم 999 أو بـ Childline (0800 1111).

# Shown calmly when something a child wrote sounds like they may not be safe.
safety-title = يبدو أن الأمور قد تكون صعبة جدًا عليك
safety-text = من الجيد أنك أخبرتنا.
safety-carry-on = عندما ترسل رسالتك، ستذهب مباشرة إلى فريق المناوبة في { $authority }، وسيقرؤها شخص اليوم. يمكنك المتابعة عندما تكون مستعدًا.
safety-added-duty-team = أرسلنا ما كتبته الآن إلى فريق المناوبة في { $authority }. سيقرؤه شخص اليوم.

footer-privacy = من يرى ما تخبرنا به
footer-track = متابعة رسالة
footer-staying-safe = الأمان على الإنترنت
privacy-just-in-time = من يستطيع أن يرى هذا؟ اقرأ كيف نحافظ على خصوصيته.

# Coming back to a message you sent.
track-title = متابعة رسالتك
track-intro = اكتب الرقم المرجعي والكلمات السرية التي حصلت عليها عندما أرسلت رسالتك، أو عندما اخترت "أكمل لاحقًا".
track-reference = رقمك المرجعي
track-reference-hint = يشبه هذا: HYS-7K4P-Q2MX
track-secret = كلماتك السرية
track-secret-hint = أربع كلمات ورقم، مثل: قطة كرة غيمة أخضر 472
track-button = أرني
track-no-match = هذه المعلومات غير متطابقة. تحقق من الرقم المرجعي والكلمات السرية وحاول مرة أخرى.
track-throttled = كانت هناك محاولات كثيرة جدًا. من فضلك انتظر ساعة ثم حاول مرة أخرى، أو اتصل بنا.
track-resume-link = لم أرسلها بعد. أريد أن أكملها.
track-case-title = رسالتك
track-status-received = وصلتنا رسالتك. سينظر فيها شخص ما قريبًا.
track-status-looking = شخص ما ينظر فيها الآن.
track-status-replied = لقد رددنا عليك. يمكنك أن تقرأ الرد في الأسفل.
track-status-paused = نحن نتحدث عنها معًا لنجد حلًّا.
track-status-closed = انتهينا من النظر فيها. إذا لم تكن راضيًا، يمكنك أن تخبرنا في الأسفل.
track-due = سنرد عليك بحلول { $date }.
track-messages = الرسائل
track-no-messages = لا توجد رسائل بعد.
track-speaker-staff = { $authority }
track-add = هل تريد أن تخبرنا بشيء آخر؟
track-add-button = إرسال
track-too-long = من فضلك اجعلها أقصر. يمكنك أن تكتب حتى 5000 حرف.
track-who-sees-title = من يستطيع أن يرى هذا؟
track-who-sees = الأشخاص الذين يعملون على رسالتك يستطيعون أن يروا ما أخبرتنا به وما تضيفه هنا. لا يستطيعون أن يروا كلماتك السرية، ولا أي شيء آخر على هاتفك.

# Finish later.
later-button = أكمل لاحقًا
later-title = يمكنك أن تكمل لاحقًا
later-your-code = رقمك المرجعي هو:
later-your-secret = كلماتك السرية هي:
later-until = سنحتفظ بما كتبته حتى { $date }. بعد ذلك سيُحذف.
later-how = لكي تكمل، اذهب إلى "متابعة رسالة" واكتب رقمك المرجعي وكلماتك السرية. يمكنك أن تستخدم أي هاتف أو كمبيوتر. تبقى كما هي عندما ترسل رسالتك، فهي الشيء الوحيد الذي تحتاج أن تحتفظ به.
later-carry-on = أكمل الآن
later-leave = الخروج الآن
resume-title = أكمل رسالتك
resume-code = رمزك
resume-button = متابعة
resume-no-match = هذه المعلومات غير متطابقة، أو ربما حُذفت رسالتك بعد بضعة أيام. تحقق منها وحاول مرة أخرى، أو ابدأ من جديد.
language-picker = اختر لغتك
read-aloud = 🔊 اقرأ لي النص

honeypot-label = اترك هذا المربع فارغًا

chat-no-signal = لا توجد إشارة — سنحاول مرة أخرى. إجابتك ما زالت هنا.
start-carry-on = تابع من حيث توقفت
start-again-button = ابدأ من جديد

done-next-no-contact = طلبت منا ألا نتواصل معك، لذلك لن نفعل. يمكنك متابعة رسالتك في أي وقت باستخدام الرقم المرجعي والكلمات السرية.
done-next-advocate = سيتواصل معك مُناصِر بحلول { $date }. المُناصِر يقف إلى جانبك ويساعدك على قول ما تريد.
done-next-advocate-call = طلبت مُناصِرًا، وطلبت أيضًا ألا نتواصل معك، لذلك اتصل بنا على { $help_phone } عندما تريد التحدث إلى مُناصِر.

keep-write-down = اكتب هذه الآن أو التقط صورة للشاشة.
keep-copy-button = انسخها
keep-copied = تم النسخ. الصقها في مكان لا يراه أحد غيرك.
keep-email-explain = يمكننا أن نرسل رقمك المرجعي وكلماتك السرية إلى عنوان البريد الإلكتروني الذي أعطيتنا إياه. نرسلها مرة واحدة فقط.
keep-email-button = أرسلها إلى بريدي الإلكتروني
keep-email-sent = تم. نحن نرسل رقمك المرجعي وكلماتك السرية إلى عنوان البريد الإلكتروني الذي أعطيتنا إياه. تفقّد بريدك، واكتبها أيضًا في حال لم تصل الرسالة.
keep-email-subject = رقمك المرجعي في Have Your Say
keep-email-intro = طلبت منا أن نرسل إليك رقمك المرجعي وكلماتك السرية بالبريد الإلكتروني. تحتاج إلى الاثنين معًا لترى ما يحدث برسالتك.
keep-email-private = احتفظ بهذه الرسالة لنفسك. أي شخص لديه رقمك المرجعي وكلماتك السرية يستطيع أن يقرأ رسائلك.
keep-email-reference = الرقم المرجعي
keep-email-words = الكلمات السرية
keep-email-link = اعرف ما يحدث

progress-left = { $count ->
    [one] هذا هو السؤال الأخير
    [two] بقي سؤالان
    [few] بقيت { $count } أسئلة
   *[other] بقي { $count } سؤالًا
}

## Tracking: what was sent, and once a complaint is closed, what was decided and what comes next
track-due-here = سنضع ردّنا هنا بحلول { $date }.
track-sent-title = ما أرسلته
track-sent-facts = { $kind }، عن: { $topic }. أُرسلت في { $date }.
track-sent-facts-no-topic = { $kind }. أُرسلت في { $date }.
track-sent-date = أُرسلت في { $date }.
track-sent-show = أرني ما أرسلته
track-outcome-title = ما قرّرناه
track-outcome-upheld = اتفقنا مع شكواك، ونحن نُصلح الأمور.
track-outcome-partly_upheld = اتفقنا مع جزء من شكواك.
track-outcome-not_upheld = نظرنا فيها بعناية، ولم نتفق مع شكواك.
track-outcome-withdrawn = طلبت منا أن نتوقف عن النظر في شكواك.
track-outcome-outside_jurisdiction = هذا أمر لا تستطيع طريقة الشكاوى لدينا أن تنظر فيه.
track-outcome-inconclusive = لم نستطع أن نعرف بالتأكيد ماذا حدث.
track-next-stage = إذا لم تكن راضيًا عن ردّنا، يمكنك أن تطلب المرحلة { $stage } من شكواك. اطلبها في موعد أقصاه { $date }: اكتب ذلك في المربع في الأسفل.
track-next-formal = إذا لم تكن راضيًا، ما زال بإمكانك أن تقدّم شكوى رسمية. اكتب ذلك في المربع في الأسفل.
track-next-ombudsman = إذا كنت ما زلت غير راضٍ، يمكنك أن تطلب من أمين المظالم للحكومة المحلية والرعاية الاجتماعية (Ombudsman) أن ينظر فيها. هذا مجاني، وهم ليسوا جزءًا من المجلس.
track-ombudsman-call = اتصل بأمين المظالم: ⁦0300 061 0614⁩
track-next-advocate = يمكن لمُناصِر أن يساعدك في هذا مجانًا. اطلب منا واحدًا.

## The guide who asks the questions (a name only; the drawing beside it is decorative)
guide-name = سكاي
