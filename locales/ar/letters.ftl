# Translation status: machine-drafted, needs review by a professional translator before use with children.
# Letters to the person who raised a case (see en-GB/letters.ftl for the placeholders).

letter-greeting = عزيزي/عزيزتي { $name }،
letter-greeting-unnamed = مرحبًا،
letter-sign-off = مع أطيب التمنيات،
    خدمة حقوق الأطفال، { $authority }
letter-acknowledgement-subject = وصلتنا رسالتك
letter-acknowledgement = شكرًا لأنك أخبرتنا. وصلتنا رسالتك في { $received }، ورقمك المرجعي هو { $reference }. هناك شخص ينظر فيها الآن، وسنرد عليك بحلول { $due }. إذا احتجت إلى مساعدة قبل ذلك، اتصل بنا على { $help_phone }.
letter-stage1_response = هذا هو ردنا على شكواك { $reference } التي وصلتنا في { $received }.

    ما وجدناه وما سنفعله: [اكتب هنا.]

    إذا لم تكن راضيًا عن هذا الرد، يمكنك أن تطلب أن ينظر شخص مستقل في شكواك (المرحلة 2). يرجى أن تطلب ذلك منا بحلول { $next_stage_by }. يمكننا مساعدتك في الطلب، ويمكن لمناصر (advocate) أن يساعدك أيضًا.
letter-extension = ما زلنا نعمل على شكواك { $reference }. الأمر يأخذ وقتًا أطول مما توقعنا بسبب [اكتب السبب]. سنرد عليك الآن بحلول { $due }. نأسف على الانتظار.
letter-closing = انتهينا من النظر في شكواك { $reference }.

    إذا لم تكن راضيًا عن قرارنا، يمكنك أن تطلب تحقيقًا مستقلًا (المرحلة 2 من إجراءات الشكاوى). يرجى أن تطلب ذلك منا بحلول { $next_stage_by }، أي بعد 20 يوم عمل من ردنا. يمكننا مساعدتك في الطلب، ويمكن لمناصر (advocate) أن يساعدك أيضًا.

    يمكنك أيضًا أن تطلب من أمين المظالم للحكومة المحلية والرعاية الاجتماعية (Local Government and Social Care Ombudsman) النظر في شكواك: { $ombudsman }.
