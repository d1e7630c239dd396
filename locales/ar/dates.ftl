# Translation status: machine-drafted, needs review by a professional translator before use with children.
# Dates as people say them: "الثلاثاء 9 ديسمبر". Gregorian month names in the يناير/فبراير form
# (Egyptian, Gulf, Sudanese and North African use; understood across the Arab world). Arabic has no
# customary abbreviations, so the short forms equal the long forms.
# $this_year is "yes" when the date falls in the current year; another year's date says its year.
date-long = { $this_year ->
    [yes] { $weekday } { $day } { $month }
   *[other] { $weekday } { $day } { $month } { $year }
}
weekday-1 = الاثنين
weekday-2 = الثلاثاء
weekday-3 = الأربعاء
weekday-4 = الخميس
weekday-5 = الجمعة
weekday-6 = السبت
weekday-7 = الأحد
month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = مايو
month-6 = يونيو
month-7 = يوليو
month-8 = أغسطس
month-9 = سبتمبر
month-10 = أكتوبر
month-11 = نوفمبر
month-12 = ديسمبر

# Short dates for email subjects and staff tables.
date-short = { $weekday } { $day } { $month }
weekday-short-1 = الاثنين
weekday-short-2 = الثلاثاء
weekday-short-3 = الأربعاء
weekday-short-4 = الخميس
weekday-short-5 = الجمعة
weekday-short-6 = السبت
weekday-short-7 = الأحد
month-short-1 = يناير
month-short-2 = فبراير
month-short-3 = مارس
month-short-4 = أبريل
month-short-5 = مايو
month-short-6 = يونيو
month-short-7 = يوليو
month-short-8 = أغسطس
month-short-9 = سبتمبر
month-short-10 = أكتوبر
month-short-11 = نوفمبر
month-short-12 = ديسمبر
