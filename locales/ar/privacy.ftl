# Translation status: machine-drafted, needs review by a professional translator before use with children.
# Privacy and staying safe online. Children's pages in simple Arabic for a 9-year-old; the adults'
# page in plain, polite Arabic. UK law names and official bodies keep their English names in brackets.

privacy-child-title = من يرى ما تخبرنا به
privacy-child-intro = ما تخبرنا به خاص. إليك ما يحدث له.
privacy-child-who-title = من يستطيع أن يراه
privacy-child-who = يقرؤه مسؤول حقوق الأطفال في { $authority }. وقد يشاركه مع الأشخاص الذين يستطيعون المساعدة، مثل مدير الأخصائي الاجتماعي الخاص بك. إذا طلبت مُناصِرًا، فسيراه المُناصِر أيضًا.
privacy-child-who-not = لا نخبر الأشخاص الذين يعتنون بك أو عائلتك، إلا إذا احتجنا إلى ذلك لكي نحميك أو نحمي شخصًا آخر.
privacy-child-why-title = لماذا نحتفظ به
privacy-child-why = نحتفظ به لكي نحل ما أخبرتنا به، ونرد عليك، ونجعل الأمور أفضل للشباب الآخرين.
privacy-child-safe = إذا أخبرتنا بشيء يعني أنك لست بأمان، أو أن شخصًا آخر ليس بأمان، يجب علينا أن نخبر أشخاصًا يستطيعون المساعدة. سنحاول أن نتحدث معك أولًا.
privacy-child-keep-title = كم من الوقت نحتفظ به
privacy-child-keep = إذا لم ترسله، نحذفه بعد بضعة أيام. إذا أرسلته، نحتفظ به لمدة 6 سنوات بعد أن ينتهي الأمر. ثم نحذف اسمك وكلماتك.
privacy-child-rights-title = رؤيته أو حذفه
privacy-child-rights = يمكنك أن تطلب رؤية ما نحتفظ به عنك. ويمكنك أن تطلب منا تغيير شيء غير صحيح، أو حذفه.
privacy-child-ask = لكي تطلب ذلك، اتصل بـ { $authority } ({ $help_phone })، أو اطلب من المُناصِر أو من موظف تثق به أن يطلب ذلك عنك.

privacy-adult-title = إشعار الخصوصية للبالغين الذين يستخدمون Have Your Say
privacy-adult-intro = { $authority } هو المتحكم في البيانات (data controller) لما ترسله عبر Have Your Say. يوضح هذا الإشعار كيف نستخدم هذه البيانات.
privacy-adult-data-title = ما الذي نجمعه
privacy-adult-data = ما تخبرنا به عن المشكلة أو الإشادة أو التعليق؛ ومن أنت وما صلتك بالطفل؛ والاسم الأول للطفل وعمره؛ وكيفية التواصل معك. لا نجمع أكثر مما نحتاج إليه للرد.
privacy-adult-basis-title = الأساس القانوني لدينا
privacy-adult-basis = نعالج هذه المعلومات لأداء مهمة عامة: إجراءات تقديم الشكاوى والملاحظات (representations procedure) بموجب المادة 26 من قانون الأطفال لعام 1989 (Children Act 1989)، ولوائح عام 2006 الخاصة بهذه الإجراءات في إنجلترا (Children Act 1989 Representations Procedure (England) Regulations 2006). المعلومات المتعلقة بالصحة، أو التي قد تكشف عن قلق بشأن حماية طفل (safeguarding)، هي بيانات من فئة خاصة، ونعالجها لأسباب تتعلق بمصلحة عامة جوهرية (حماية الأطفال والأفراد المعرّضين للخطر).
privacy-adult-sharing-title = مع من نشاركها
privacy-adult-sharing = مسؤول حقوق الأطفال والمديرون المسؤولون عن الخدمة التي قُدّمت الشكوى بشأنها؛ وجهة المناصرة المتعاقد معها عند طلب مُناصِر؛ وفريق الحماية (safeguarding) في المجلس والجهات الشريكة، إذا كان الطفل قد يكون في خطر. لا نبيعها أبدًا ولا نستخدمها للتسويق.
privacy-adult-keep-title = كم من الوقت نحتفظ بها
privacy-adult-keep = تُحذف المحادثات التي لم تُرسل بعد بضعة أيام. تُحفظ الحالات لمدة 6 سنوات بعد إغلاقها، ثم تُزال البيانات الشخصية ولا يُحتفظ إلا بأرقام مجهولة الهوية للتقرير السنوي.
privacy-adult-rights-title = حقوقك
privacy-adult-rights = يمكنك أن تطلب نسخة من معلوماتك، أو تصحيحها، أو حذفها حيث يسمح القانون بذلك، ويمكنك أن تقدّم شكوى إلى مكتب مفوّض المعلومات (Information Commissioner's Office). تواصل مع { $authority } ({ $help_phone }).

online-title = الأمان على الإنترنت
online-intro = إذا كان شخص آخر يستخدم هاتفك أو الكمبيوتر الخاص بك، فهذه النصائح تساعدك على أن يبقى ما تفعله هنا خاصًا.
online-exit-title = مغادرة هذه الصفحة
online-exit = اضغط على "مغادرة هذه الصفحة" في أعلى كل صفحة. تتغير الصفحة فورًا إلى موقع للطقس، ويُحذف ما كتبته إذا لم تكن قد أرسلته.
online-shift = على الكمبيوتر، يمكنك أيضًا أن تضغط على زر Shift ثلاث مرات.
online-private-title = استخدم نافذة خاصة
online-private = النافذة الخاصة أو نافذة التصفح المتخفي (incognito) لا تحتفظ بسجل الصفحات التي تزورها. ابحث عنها في قائمة المتصفح.
online-history-title = مسح السجل
online-history = مغادرة هذه الصفحة لا تمسح سجل المتصفح. يمكنك أن تحذف هذا الموقع من السجل في إعدادات المتصفح. احذف فقط الصفحات التي تحتاج إلى حذفها، لأن السجل الفارغ تمامًا قد يبدو غريبًا.
online-help-title = إذا كنت تحتاج إلى مساعدة الآن
online-help = إذا كنت في خطر، اتصل بالرقم 999. يمكنك أن تتصل مجانًا بـ Childline (0800 1111).
