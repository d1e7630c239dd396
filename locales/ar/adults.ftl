# Translation status: machine-drafted, needs review by a professional translator before use with children.
# The conversation for adults on a child's behalf: plain, polite Arabic. UK legal roles keep the
# English term in brackets so the adult can match it to their status.

adult-intro = شكرًا لمساعدتك طفلًا أو شابًا على التعبير عن رأيه. سنسألك عن نفسك أولًا، ثم عن الطفل أو الشاب.
ask-adult-role = أي مما يلي يصفك بشكل أفضل؟
adult-role-advocate = مُناصِر (advocate) من خدمة مناصرة
adult-role-professional = مختص آخر (مثل معلم أو ممرض)
adult-role-family-member = أحد أفراد العائلة
adult-role-other = شخص آخر يهتم بمصلحة الطفل
adult-role-parent = أحد الوالدين
adult-role-parental-responsibility = شخص لديه مسؤولية أبوية (parental responsibility)
adult-role-foster-carer = مقدّم رعاية بديلة (foster carer)
adult-role-special-guardian = وصي خاص (special guardian)
ask-adult-name = ما اسمك؟
ask-adult-organisation = الجهة التي تعمل لديها، إن وُجدت
adult-about-child = والآن عن الطفل أو الشاب.
ask-child-first-name = ما الاسم الأول للطفل أو الشاب؟
ask-child-age = كم عمر الطفل أو الشاب؟
ask-child-knows = هل يعرف الطفل أو الشاب أنك تخبرنا بهذا الأمر؟
ask-child-agrees = هل يوافق على أن تخبرنا؟
child-knows-yes = نعم
child-knows-no = لا
child-knows-too-young = صغير جدًا على أن يعبّر عن رأيه
child-knows-dont-know = لا أعرف
ask-child-has-advocate = هل لدى الطفل أو الشاب مُناصِر بالفعل؟
ask-about-adult = ما الموضوع؟
ask-what-happened-adult = ماذا حدث؟ يُرجى ذكر التواريخ والأشخاص المعنيين، إن كنت تعرفها.
ask-what-was-good-adult = ما الشيء الجيد؟ يُرجى ذكر الشخص المعني، إن أمكن.
ask-what-to-say-adult = ماذا تود أن تخبرنا؟
ask-child-words = هل لديك كلمات الطفل نفسه؟ يمكنك أن تكتبها هنا.
ask-what-would-help-adult = ماذا يريد الطفل أو الشاب أن يحدث؟
ask-advocate-adult = هل يرغب الطفل أو الشاب في الحصول على مُناصِر؟
advocate-help-adult = يجب على المجلس أن يعرض مُناصِرًا مستقلًا على كل طفل يقدّم شكوى أو يريد أن يقدّمها (Children Act 1989، المادة 26A). يساعد المُناصِرون الطفل على التعبير عن رأيه ويتأكدون من أن صوته مسموع.
    .summary = عن المناصرة (advocacy)
advocate-not-sure-adult = غير متأكد/متأكدة: يُرجى إخبار الطفل عن المناصرة
ask-adult-contact = كيف يمكننا التواصل معك؟
adult-contact-phone = بالهاتف
adult-contact-email = بالبريد الإلكتروني
ask-adult-phone = ما رقم هاتفك؟
ask-adult-email = ما عنوان بريدك الإلكتروني؟
