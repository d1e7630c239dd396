# Translation status: machine-drafted, needs review by a professional translator before use with children.
# Only the category labels from en-GB staff.ftl: they are options in the adults' flow. The rest of
# staff.ftl stays in English (staff read English).

label-category-social_worker = سوشل ورکر یا پرسنل ایڈوائزر
label-category-where_i_live = جہاں وہ رہتے ہیں (پلیسمنٹ)
label-category-seeing_family = گھر والوں سے ملنا (رابطہ)
label-category-money = پیسے اور الاؤنس
label-category-leaving_care = کیئر چھوڑنا
label-category-school = اسکول یا کالج
label-category-health = صحت
label-category-how_treated = ان کے ساتھ کیسا سلوک کیا گیا
label-category-something_else = کچھ اور
