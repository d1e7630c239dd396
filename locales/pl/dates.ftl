# Translation status: machine-drafted, needs review by a professional translator before use with children.
# Dates as people say them: "wtorek, 9 grudnia". Month names are in the genitive, as used after a
# day number. Messages that show a date put it after a colon ("Odpowiemy najpóźniej: wtorek,
# 9 grudnia"), so the weekday can stay in the nominative.
# $this_year is "yes" when the date falls in the current year; another year's date says its year.
date-long = { $this_year ->
    [yes] { $weekday }, { $day } { $month }
   *[other] { $weekday }, { $day } { $month } { $year }
}
weekday-1 = poniedziałek
weekday-2 = wtorek
weekday-3 = środa
weekday-4 = czwartek
weekday-5 = piątek
weekday-6 = sobota
weekday-7 = niedziela
month-1 = stycznia
month-2 = lutego
month-3 = marca
month-4 = kwietnia
month-5 = maja
month-6 = czerwca
month-7 = lipca
month-8 = sierpnia
month-9 = września
month-10 = października
month-11 = listopada
month-12 = grudnia

# Short dates for email subjects and staff tables: "wt., 9 gru".
date-short = { $weekday }, { $day } { $month }
weekday-short-1 = pon.
weekday-short-2 = wt.
weekday-short-3 = śr.
weekday-short-4 = czw.
weekday-short-5 = pt.
weekday-short-6 = sob.
weekday-short-7 = niedz.
month-short-1 = sty
month-short-2 = lut
month-short-3 = mar
month-short-4 = kwi
month-short-5 = maj
month-short-6 = cze
month-short-7 = lip
month-short-8 = sie
month-short-9 = wrz
month-short-10 = paź
month-short-11 = lis
month-short-12 = gru
