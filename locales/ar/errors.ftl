# Translation status: machine-drafted, needs review by a professional translator before use with children.
# Kind messages when something is not right. Never blame the person.
# Plurals use Arabic CLDR categories: zero, one, two, few (3-10), many (11-99), other (100+).

error-summary-title = هناك مشكلة
error-prefix = خطأ:
error-start-again = ابدأ من جديد
error-title = عذرًا، حدث خطأ ما
error-not-found-title = لا نستطيع أن نجد هذه الصفحة
error-not-found = ربما نُقلت الصفحة إلى مكان آخر. يمكنك أن تبدأ من جديد من البداية.
error-expired-title = انتهت محادثتك
error-expired = يمكن أن يحدث هذا إذا تركتها لبعض الوقت أو ضغطت على "مغادرة هذه الصفحة". لم نرسل أي شيء مما كتبته. يمكنك أن تبدأ من جديد.
error-bad-text = لم نستطع أن نقرأ ما أُرسل. من فضلك حاول مرة أخرى.
error-bad-request = لم نستطع أن نقرأ ما أُرسل. من فضلك ارجع وحاول مرة أخرى.
error-too-large = كان هذا كثيرًا جدًا لإرساله مرة واحدة. من فضلك اجعله أقصر.
error-media-type = لم نستطع أن نقرأ ما أُرسل. من فضلك ارجع وحاول مرة أخرى.
error-internal = هذا ليس خطأك. من فضلك حاول مرة أخرى بعد دقيقة. إذا لم تكن بأمان، اتصل بالرقم 999 أو بـ Childline (0800 1111).
error-not-current-step = لقد انتقلنا من هذا السؤال. أنت الآن هنا.

error-choose-one = من فضلك اختر إجابة واحدة.
error-consent = من فضلك ضع علامة في المربع لتقول إنك توافق.
error-choose-from-list = من فضلك اختر من القائمة.
error-choose-at-least-one = من فضلك اختر إجابة واحدة على الأقل.
error-choose-at-most =
    { $max ->
        [zero] من فضلك لا تختر أكثر من { $max } إجابة.
        [one] من فضلك اختر إجابة واحدة فقط.
        [two] من فضلك لا تختر أكثر من إجابتين.
        [few] من فضلك لا تختر أكثر من { $max } إجابات.
        [many] من فضلك لا تختر أكثر من { $max } إجابة.
       *[other] من فضلك لا تختر أكثر من { $max } إجابة.
    }
error-type-something = من فضلك اكتب شيئًا هنا.
error-too-long =
    { $max ->
        [zero] من فضلك اجعله أقصر. يمكنك أن تكتب حتى { $max } حرف.
        [one] من فضلك اجعله أقصر. يمكنك أن تكتب حرفًا واحدًا فقط.
        [two] من فضلك اجعله أقصر. يمكنك أن تكتب حتى حرفين.
        [few] من فضلك اجعله أقصر. يمكنك أن تكتب حتى { $max } أحرف.
        [many] من فضلك اجعله أقصر. يمكنك أن تكتب حتى { $max } حرفًا.
       *[other] من فضلك اجعله أقصر. يمكنك أن تكتب حتى { $max } حرف.
    }
error-too-short =
    { $min ->
        [zero] من فضلك اكتب أكثر بقليل: { $min } حرف على الأقل.
        [one] من فضلك اكتب أكثر بقليل: حرفًا واحدًا على الأقل.
        [two] من فضلك اكتب أكثر بقليل: حرفين على الأقل.
        [few] من فضلك اكتب أكثر بقليل: { $min } أحرف على الأقل.
        [many] من فضلك اكتب أكثر بقليل: { $min } حرفًا على الأقل.
       *[other] من فضلك اكتب أكثر بقليل: { $min } حرف على الأقل.
    }
error-email-missing = من فضلك اكتب عنوان بريدك الإلكتروني.
error-email = من فضلك تحقق من عنوان بريدك الإلكتروني. يجب أن يكون مثل name@example.com
error-phone-missing = من فضلك اكتب رقم هاتفك.
error-phone = من فضلك تحقق من رقم هاتفك. يجب أن يكون مثل 07700900123
error-number = من فضلك اكتب رقمًا من { $min } إلى { $max }.
error-forbidden = انتهت صلاحية هذا النموذج أو جاء من مكان آخر. من فضلك ارجع، وأعد تحميل الصفحة، وحاول مرة أخرى.
