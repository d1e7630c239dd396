# Translation status: machine-drafted, needs review by a professional translator before use with children.
# Dates as people say them: "dydd Mawrth 9 Rhagfyr". Dates appear mid-sentence ("erbyn dydd
# Mawrth 9 Rhagfyr"), so "dydd" is lower case and the day's name capitalised, as in Welsh style.
# $this_year is "yes" when the date falls in the current year; another year's date says its year.
date-long = { $this_year ->
    [yes] { $weekday } { $day } { $month }
   *[other] { $weekday } { $day } { $month } { $year }
}
weekday-1 = dydd Llun
weekday-2 = dydd Mawrth
weekday-3 = dydd Mercher
weekday-4 = dydd Iau
weekday-5 = dydd Gwener
weekday-6 = dydd Sadwrn
weekday-7 = dydd Sul
month-1 = Ionawr
month-2 = Chwefror
month-3 = Mawrth
month-4 = Ebrill
month-5 = Mai
month-6 = Mehefin
month-7 = Gorffennaf
month-8 = Awst
month-9 = Medi
month-10 = Hydref
month-11 = Tachwedd
month-12 = Rhagfyr

# Short dates for email subjects and staff tables: "Maw 9 Rhag".
date-short = { $weekday } { $day } { $month }
weekday-short-1 = Llun
weekday-short-2 = Maw
weekday-short-3 = Mer
weekday-short-4 = Iau
weekday-short-5 = Gwe
weekday-short-6 = Sad
weekday-short-7 = Sul
month-short-1 = Ion
month-short-2 = Chwef
month-short-3 = Maw
month-short-4 = Ebr
month-short-5 = Mai
month-short-6 = Meh
month-short-7 = Gorff
month-short-8 = Awst
month-short-9 = Medi
month-short-10 = Hyd
month-short-11 = Tach
month-short-12 = Rhag
