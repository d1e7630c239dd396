# Translation status: machine-drafted, needs review by a professional translator before use with children.
# Only the category labels from en-GB staff.ftl: they are options in the adults' flow. The rest of
# staff.ftl stays in English (staff read English).

label-category-social_worker = الأخصائي الاجتماعي أو المستشار الشخصي
label-category-where_i_live = مكان السكن (مكان الرعاية)
label-category-seeing_family = رؤية العائلة (التواصل)
label-category-money = المال والمخصصات
label-category-leaving_care = الخروج من الرعاية
label-category-school = المدرسة أو الكلية
label-category-health = الصحة
label-category-how_treated = الطريقة التي عومل بها
label-category-something_else = شيء آخر
