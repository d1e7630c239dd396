# Translation status: machine-drafted, needs review by a professional translator before use with children.
# Dates as people say them: "سه شنبه، 9 دسمبر". Weekday names as used in Afghanistan (the same words as
# Dari); Gregorian month names as in BBC Pashto. Pashto has no customary abbreviations, so the
# short forms equal the long forms.
# $this_year is "yes" when the date falls in the current year; another year's date says its year.
date-long = { $this_year ->
    [yes] { $weekday }، { $day } { $month }
   *[other] { $weekday }، { $day } { $month } { $year }
}
weekday-1 = دوشنبه
weekday-2 = سه شنبه
weekday-3 = چهارشنبه
weekday-4 = پنجشنبه
weekday-5 = جمعه
weekday-6 = شنبه
weekday-7 = یکشنبه
month-1 = جنوري
month-2 = فبروري
month-3 = مارچ
month-4 = اپرېل
month-5 = مۍ
month-6 = جون
month-7 = جولای
month-8 = اګست
month-9 = سپتمبر
month-10 = اکتوبر
month-11 = نومبر
month-12 = دسمبر

# Short dates for email subjects and staff tables.
date-short = { $weekday }، { $day } { $month }
weekday-short-1 = دوشنبه
weekday-short-2 = سه شنبه
weekday-short-3 = چهارشنبه
weekday-short-4 = پنجشنبه
weekday-short-5 = جمعه
weekday-short-6 = شنبه
weekday-short-7 = یکشنبه
month-short-1 = جنوري
month-short-2 = فبروري
month-short-3 = مارچ
month-short-4 = اپرېل
month-short-5 = مۍ
month-short-6 = جون
month-short-7 = جولای
month-short-8 = اګست
month-short-9 = سپتمبر
month-short-10 = اکتوبر
month-short-11 = نومبر
month-short-12 = دسمبر
