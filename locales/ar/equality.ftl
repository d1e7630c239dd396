# Translation status: machine-drafted, needs review by a professional translator before use with children.
# متابعة المساواة: أسئلة "عنك" الاختيارية في نهاية محادثة الطفل. Answers are worded so they fit a
# girl or a boy alike (the ethnic groups agree with "خلفية", not with the child).

equality-why = شيء أخير. نسأل كل من يستخدم هذه الخدمة بعض الأسئلة عن نفسه، لنتأكد أننا نعامل الجميع بعدل.
equality-private = الأمر يعود إليك. لن يرى أحد هذه الإجابات مع اسمك أو رسالتك.
ask-equality = هل يمكننا أن نسألك 3 أسئلة سريعة عنك؟
equality-yes = نعم، لا بأس
equality-skip = تجاوز هذه الأسئلة

equality-rather-not-say = أفضّل ألّا أقول

ask-equality-gender = أيّ من هذه يصفك؟
equality-gender-girl = فتاة أو شابة
equality-gender-boy = فتى أو شاب
equality-gender-another_way = أصف نفسي بطريقة أخرى

ask-equality-disability = هل لديك إعاقة أو حالة صحية طويلة الأمد؟
equality-disability-help = شيء في جسمك أو عقلك أو صحتك يجعل الأمور اليومية أصعب، واستمر (أو سيستمر) سنة أو أكثر. مثلًا: الصمم أو العمى، التوحد، فرط الحركة وتشتت الانتباه (ADHD)، عسر القراءة، السكري، الصرع، أو حالة تخص الصحة النفسية.
    .summary = ماذا يعني هذا؟
equality-disability-yes = نعم
equality-disability-no = لا
equality-disability-not_sure = لا أعرف بالتأكيد

ask-equality-ethnicity = ما الخلفية التي تصفك أكثر؟
equality-ethnicity-help = الآسيوية تشمل الهندية والباكستانية والبنغلاديشية والصينية. البيضاء تشمل الإنجليزية والويلزية والاسكتلندية والأيرلندية والبولندية والغجر والرُّحَّل الأيرلنديين والروما. المجموعة الأخرى تشمل العربية. يمكنك اختيار الأقرب إليك.
    .summary = ماذا تعني هذه؟
equality-ethnicity-asian = آسيوية أو آسيوية بريطانية
equality-ethnicity-black = سوداء، سوداء بريطانية، كاريبية أو أفريقية
equality-ethnicity-mixed = مختلطة، أو من أكثر من مجموعة
equality-ethnicity-white = بيضاء
equality-ethnicity-other = مجموعة أخرى
