# Translation status: machine-drafted, needs review by a professional translator before use with children.
# Dates as people say them: "منگل، 9 دسمبر". Urdu has no customary abbreviations for days and
# months, so the short forms equal the long forms.
# $this_year is "yes" when the date falls in the current year; another year's date says its year.
date-long = { $this_year ->
    [yes] { $weekday }، { $day } { $month }
   *[other] { $weekday }، { $day } { $month } { $year }
}
weekday-1 = پیر
weekday-2 = منگل
weekday-3 = بدھ
weekday-4 = جمعرات
weekday-5 = جمعہ
weekday-6 = ہفتہ
weekday-7 = اتوار
month-1 = جنوری
month-2 = فروری
month-3 = مارچ
month-4 = اپریل
month-5 = مئی
month-6 = جون
month-7 = جولائی
month-8 = اگست
month-9 = ستمبر
month-10 = اکتوبر
month-11 = نومبر
month-12 = دسمبر

# Short dates for email subjects and staff tables.
date-short = { $weekday }، { $day } { $month }
weekday-short-1 = پیر
weekday-short-2 = منگل
weekday-short-3 = بدھ
weekday-short-4 = جمعرات
weekday-short-5 = جمعہ
weekday-short-6 = ہفتہ
weekday-short-7 = اتوار
month-short-1 = جنوری
month-short-2 = فروری
month-short-3 = مارچ
month-short-4 = اپریل
month-short-5 = مئی
month-short-6 = جون
month-short-7 = جولائی
month-short-8 = اگست
month-short-9 = ستمبر
month-short-10 = اکتوبر
month-short-11 = نومبر
month-short-12 = دسمبر
