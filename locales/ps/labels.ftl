# Translation status: machine-drafted, needs review by a professional translator before use with children.
# Only the category labels from en-GB staff.ftl: they are options in the adults' flow. The rest of
# staff.ftl stays in English (staff read English).

label-category-social_worker = سوشل ورکر یا شخصي سلاکار
label-category-where_i_live = هغه ځای چې پکې اوسېږي (placement)
label-category-seeing_family = له کورنۍ سره لیدل (اړیکه)
label-category-money = پیسې او لګښتي پیسې (allowance)
label-category-leaving_care = له پالنې (care) څخه وتل
label-category-school = ښوونځی یا کالج
label-category-health = روغتیا
label-category-how_treated = له هغوی سره څنګه چلند وشو
label-category-something_else = بل څه
