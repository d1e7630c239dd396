# Translation status: machine-drafted, needs review by a professional translator before use with children.
# The child's conversation (flows/feedback.toml), in simple Modern Standard Arabic for a 9-year-old
# reader. { $authority } is the council's name. "Childline (0800 1111)" is kept together so the
# number shows in the right order inside right-to-left text.

chat-hello = مرحبًا! هذا مكان آمن لتخبر { $authority } برأيك.
chat-hello-safe = يمكنك أن تتوقف في أي وقت. لن نرسل أي شيء حتى تقول ذلك.
ask-kind = ماذا تريد أن تخبرنا؟
kind-complaint = هناك شيء ليس على ما يرام
kind-compliment = هناك شيء جيد
kind-comment = فكرة أو رأي
kind-unsafe = أنا لست بأمان الآن

unsafe-title = يمكنك أن تحصل على مساعدة الآن
unsafe-danger = إذا كنت في خطر الآن، اتصل بالرقم 999.
unsafe-childline = يمكنك أن تتحدث مجانًا مع خط مساعدة الأطفال Childline (0800 1111). لن يظهر الاتصال في فاتورة الهاتف.
unsafe-council = يمكنك أيضًا أن تتصل بـ { $authority } ({ $help_phone }). وفي الليل أو في عطلة نهاية الأسبوع، اتصل بـ { $authority } ({ $out_of_hours_phone }).
ask-tell-someone = هل تريد أن نخبر شخصًا يستطيع أن يساعدك؟
tell-someone-yes = نعم، من فضلكم أخبروا شخصًا
tell-someone-no = لا، ليس الآن
unsafe-end-ok = لا بأس. يمكنك أن تعود في أي وقت. الأرقام موجودة هنا إذا احتجت إليها.
urgent-we-will-tell = سنخبر شخصًا في { $authority } فورًا. بضع كلمات فقط تكفي.
ask-urgent-what = ماذا يحدث؟
ask-urgent-name = ما اسمك الأول؟
urgent-optional = يمكنك تخطي أي سؤال من الأسئلة التالية.
ask-urgent-where = أين أنت الآن؟
ask-urgent-call = هل من الآمن أن يتصل بك أحد هاتفيًا؟
urgent-call-yes = نعم، يمكنهم الاتصال بي
urgent-call-no = لا، من فضلكم لا تتصلوا
urgent-call-not-sure = لست متأكدًا / متأكدة
ask-urgent-reach = كيف يمكننا التواصل معك بأمان؟ مثلًا رقم هاتف، أو عن طريق الأخصائي الاجتماعي الخاص بك.
ask-urgent-send = هل نرسل هذا الآن؟

chat-thanks = شكرًا لك. لنبدأ.
ask-role = من أنت؟
role-young-person = أنا نفسي الطفل/الطفلة أو الشاب/الشابة
role-helping = أنا أساعد طفلًا أو شابًا
role-parent-carer = أنا أحد الوالدين أو مقدّم/مقدّمة رعاية
role-someone-else = شخص آخر

ask-about = ما الموضوع؟
about-social-worker = الأخصائي الاجتماعي أو المستشار الشخصي الخاص بي
about-where-i-live = المكان الذي أعيش فيه
about-seeing-family = رؤية عائلتي
about-money = المال
about-leaving-care = الخروج من الرعاية
about-school = المدرسة أو الكلية
about-health = الصحة
about-how-treated = الطريقة التي عوملت بها
about-something-else = شيء آخر

chat-tell-us = لا داعي للعجلة. يمكنك أن تكتب بكلماتك الخاصة.
ask-what-happened = ماذا حدث؟
chat-thank-you-for-telling = شكرًا لأنك أخبرتنا.
ask-what-would-help = ما الذي يجعل الأمور أفضل؟

chat-lovely = يسعدنا كثيرًا أن نسمع هذا!
ask-what-was-good = ما الشيء الجيد؟

ask-what-to-say = ماذا تريد أن تخبرنا؟

chat-advocate-intro = المُناصِر شخص يقف إلى جانبك. يمكنه أن يساعدك على قول ما تريد.
ask-advocate = هل تريد مُناصِرًا ليساعدك؟
advocate-help = المُناصِر شخص بالغ لا يعمل لدى فريق الأخصائي الاجتماعي الخاص بك. يستمع إليك، ويساعدك على قول ما تفكر فيه، ويتأكد من أن صوتك مسموع. وهو مجاني.
    .summary = من هو المُناصِر؟
advocate-yes = نعم، من فضلكم
advocate-no = لا، شكرًا
advocate-not-sure = لا أعرف بعد

chat-contact-intro = نريد أن نخبرك بما سيحدث بعد ذلك.
chat-contact-private = فقط الأشخاص الذين يعملون على رسالتك سيعرفون كيف يتواصلون معك.
ask-contact = كيف يمكننا أن نتواصل معك؟
contact-phone = اتصلوا بي بالهاتف
contact-email = راسلوني بالبريد الإلكتروني
contact-worker = عن طريق الموظف المسؤول عني
contact-carer = عن طريق الشخص الذي يعتني بي
contact-none = من فضلكم لا تتواصلوا معي

ask-contact-phone = ما رقم هاتفك؟
ask-contact-email = ما عنوان بريدك الإلكتروني؟

ask-first-name = ما اسمك الأول؟
ask-age = كم عمرك؟

chat-nearly-done = انتهينا تقريبًا!
ask-check = مراجعة إجاباتك
ask-send = هل تريد الإرسال الآن؟
