# Translation status: machine-drafted, needs review by a professional translator before use with children.
# برابری کی نگرانی: بچے کی بات چیت کے آخر میں "آپ کے بارے میں" کے اختیاری سوال، احترام والے "آپ" کے ساتھ۔
# First-person answers avoid verb endings that mark a boy or a girl.

equality-why = ایک آخری بات۔ یہ استعمال کرنے والے ہر شخص سے ہم اس کے بارے میں چند سوال پوچھتے ہیں، تاکہ دیکھ سکیں کہ ہم سب کے ساتھ انصاف کرتے ہیں۔
equality-private = یہ آپ کی مرضی ہے۔ کوئی بھی یہ جواب آپ کے نام یا آپ کے پیغام کے ساتھ نہیں دیکھے گا۔
ask-equality = کیا ہم آپ سے آپ کے بارے میں 3 چھوٹے سوال پوچھ سکتے ہیں؟
equality-yes = جی ہاں، ٹھیک ہے
equality-skip = یہ سوال چھوڑ دیں

equality-rather-not-say = نہ بتانا بہتر ہے

ask-equality-gender = ان میں سے کون سا آپ کو بیان کرتا ہے؟
equality-gender-girl = لڑکی یا نوجوان عورت
equality-gender-boy = لڑکا یا نوجوان مرد
equality-gender-another_way = کسی اور طرح

ask-equality-disability = کیا آپ کو کوئی معذوری یا لمبے عرصے کی صحت کی کوئی حالت ہے؟
equality-disability-help = آپ کے جسم، ذہن یا صحت کی کوئی بات جو روزمرہ کے کام مشکل بناتی ہے، اور ایک سال یا اس سے زیادہ رہی ہے (یا رہے گی)۔ مثلاً: بہرا پن یا نابینا پن، آٹزم، ADHD، ڈسلیکسیا، ذیابیطس، مرگی، یا ذہنی صحت کی کوئی حالت۔
    .summary = اس کا کیا مطلب ہے؟
equality-disability-yes = جی ہاں
equality-disability-no = نہیں
equality-disability-not_sure = پکا معلوم نہیں

ask-equality-ethnicity = کون سا گروپ آپ کو سب سے بہتر بیان کرتا ہے؟
equality-ethnicity-help = ایشیائی میں انڈین، پاکستانی، بنگلہ دیشی اور چینی شامل ہیں۔ سفید فام میں انگریز، ویلش، اسکاٹش، آئرش، پولش، جپسی، آئرش ٹریولر اور روما شامل ہیں۔ کسی اور گروپ میں عرب شامل ہیں۔ جو آپ کے سب سے قریب ہو، وہ چنیں۔
    .summary = ان کا کیا مطلب ہے؟
equality-ethnicity-asian = ایشیائی یا برطانوی ایشیائی
equality-ethnicity-black = سیاہ فام، برطانوی سیاہ فام، کیریبین یا افریقی
equality-ethnicity-mixed = مخلوط، یا ایک سے زیادہ گروپ
equality-ethnicity-white = سفید فام
equality-ethnicity-other = کوئی اور گروپ
