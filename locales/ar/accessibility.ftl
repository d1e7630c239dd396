# Translation status: machine-drafted, needs review by a professional translator before use with children.
# The accessibility statement (public sector bodies must publish one). Technical and official names
# (WCAG, axe-core, EASS) stay in English.
accessibility-title = بيان إمكانية الوصول
accessibility-intro = { $authority } يريد أن يتمكن أكبر عدد ممكن من الناس من استخدام Have Your Say. يجب أن تستطيع تغيير الألوان وحجم النص، والتكبير حتى 400% دون أن يخرج النص عن حدود الشاشة، واستخدام الموقع بلوحة المفاتيح فقط أو بمفتاح تحكم (switch)، واستخدامه مع قارئ الشاشة.
accessibility-how-title = كيف جعلنا الموقع سهل الوصول
accessibility-how = كل صفحة تعمل بدون JavaScript. لكل سؤال عنوانه الخاص، وكل زر كبير، والألوان ليست الطريقة الوحيدة لعرض المعلومات، وتتوقف الحركات المتحركة إذا طلب جهازك حركة أقل. يمكنك أن تطلب قراءة الأسئلة بصوت عالٍ، وأن تختار من بين عدة لغات.
accessibility-known-title = ما نعرف أنه ليس كاملًا بعد
accessibility-known = بعض الترجمات لم يراجعها مترجم محترف بعد. زر "اقرأ لي النص" يعمل فقط إذا كان متصفحك يستطيع النطق.
accessibility-contact-title = إذا واجهتك مشكلة
accessibility-contact = اتصل بـ { $authority } ({ $help_phone })، أو اطلب من شخص تثق به أن يتواصل معنا نيابةً عنك. إذا لم تكن راضيًا عن ردنا، تواصل مع Equality Advisory and Support Service (EASS)، وهي خدمة تقدّم النصح والدعم في مسائل المساواة.
accessibility-status-title = مدى تحقيقه للمعيار
accessibility-status = يهدف Have Your Say إلى تحقيق إرشادات إمكانية الوصول إلى محتوى الويب (WCAG) الإصدار 2.2 بالمستوى AA. تُختبر كل صفحة تلقائيًا باستخدام axe-core عند كل تغيير.
footer-accessibility = إمكانية الوصول
