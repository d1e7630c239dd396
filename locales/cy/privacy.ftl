# Translation status: machine-drafted, needs review by a professional translator before use with children.
# Privacy and staying safe online. Children's pages at a 9-year-old reading age ("ti" forms); the
# adults' page in plain adult Welsh ("chi" forms).

privacy-child-title = Pwy sy'n gweld beth rwyt ti'n ei ddweud wrthon ni
privacy-child-intro = Mae beth rwyt ti'n ei ddweud wrthon ni yn breifat. Dyma beth sy'n digwydd iddo fe.
privacy-child-who-title = Pwy sy'n gallu ei weld
privacy-child-who = Mae'r swyddog hawliau plant yn { $authority } yn ei ddarllen. Efallai y byddan nhw'n ei rannu gyda'r bobl sy'n gallu helpu, fel rheolwr dy weithiwr cymdeithasol. Os gofynnaist ti am eiriolwr, bydd yr eiriolwr yn ei weld hefyd.
privacy-child-who-not = Dydyn ni ddim yn dweud wrth dy ofalwyr na dy deulu, oni bai bod angen i ni dy gadw di neu rywun arall yn ddiogel.
privacy-child-why-title = Pam rydyn ni'n ei gadw
privacy-child-why = Rydyn ni'n ei gadw er mwyn i ni allu datrys beth ddwedaist ti wrthon ni, ateb i ti, a gwneud pethau'n well i bobl ifanc eraill.
privacy-child-safe = Os byddi di'n dweud rhywbeth wrthon ni sy'n golygu nad wyt ti neu rywun arall yn ddiogel, mae'n rhaid i ni ddweud wrth bobl sy'n gallu helpu. Byddwn ni'n ceisio siarad â ti yn gyntaf.
privacy-child-keep-title = Am faint rydyn ni'n ei gadw
privacy-child-keep = Os nad wyt ti'n ei anfon, rydyn ni'n ei ddileu ar ôl ychydig ddyddiau. Os wyt ti'n ei anfon, rydyn ni'n ei gadw am 6 blynedd ar ôl iddo orffen. Wedyn rydyn ni'n dileu dy enw a dy eiriau.
privacy-child-rights-title = Ei weld neu ei ddileu
privacy-child-rights = Gelli di ofyn am gael gweld beth rydyn ni'n ei gadw amdanat ti. Gelli di ofyn i ni newid rhywbeth sy'n anghywir, neu ei ddileu.
privacy-child-ask = I ofyn, ffonia { $authority } ar { $help_phone }, neu gofynna i dy eiriolwr neu weithiwr rwyt ti'n ymddiried ynddyn nhw ofyn ar dy ran.

privacy-adult-title = Hysbysiad preifatrwydd i oedolion sy'n defnyddio Have Your Say
privacy-adult-intro = { $authority } yw'r rheolydd data ar gyfer yr hyn rydych chi'n ei anfon drwy Have Your Say. Mae'r hysbysiad hwn yn esbonio sut rydyn ni'n ei ddefnyddio.
privacy-adult-data-title = Beth rydyn ni'n ei gasglu
privacy-adult-data = Beth rydych chi'n ei ddweud wrthon ni am y pryder, y ganmoliaeth neu'r sylw; pwy ydych chi a'ch cysylltiad â'r plentyn; enw cyntaf ac oedran y plentyn; a sut i gysylltu â chi. Dydyn ni ddim yn casglu mwy nag sydd ei angen arnon ni i ymateb.
privacy-adult-basis-title = Ein sail gyfreithlon
privacy-adult-basis = Rydyn ni'n prosesu'r wybodaeth hon i gyflawni tasg gyhoeddus: y weithdrefn sylwadau o dan adran 26 o Ddeddf Plant 1989 a Rheoliadau Gweithdrefn Sylwadau Deddf Plant 1989 (Lloegr) 2006. Mae gwybodaeth am iechyd, neu wybodaeth a allai ddatgelu pryder diogelu, yn ddata categori arbennig. Rydyn ni'n prosesu'r data hwn am resymau o fudd sylweddol i'r cyhoedd (diogelu plant ac unigolion sy'n wynebu risg).
privacy-adult-sharing-title = Gyda phwy rydyn ni'n ei rannu
privacy-adult-sharing = Y swyddog hawliau plant a'r rheolwyr sy'n gyfrifol am y gwasanaeth y mae'r gŵyn amdano; y darparwr eiriolaeth a gomisiynwyd, pan fydd rhywun yn gofyn am eiriolwr; ac, os gall plentyn fod mewn perygl, tîm diogelu'r cyngor ac asiantaethau partner. Dydyn ni byth yn ei werthu nac yn ei ddefnyddio ar gyfer marchnata.
privacy-adult-keep-title = Am faint rydyn ni'n ei gadw
privacy-adult-keep = Mae sgyrsiau sydd heb eu hanfon yn cael eu dileu ar ôl ychydig ddyddiau. Mae achosion yn cael eu cadw am 6 blynedd ar ôl iddyn nhw gau. Wedyn mae manylion personol yn cael eu dileu, a dim ond ffigurau dienw sy'n cael eu cadw ar gyfer yr adroddiad blynyddol.
privacy-adult-rights-title = Eich hawliau
privacy-adult-rights = Gallwch ofyn am gopi o'ch gwybodaeth, am gywiriadau, neu am ei dileu lle mae'r gyfraith yn caniatáu hynny, a gallwch gwyno i Swyddfa'r Comisiynydd Gwybodaeth. Cysylltwch â { $authority } ar { $help_phone }.

online-title = Cadw'n ddiogel ar-lein
online-intro = Os oes rhywun arall yn defnyddio dy ffôn neu dy gyfrifiadur, gall yr awgrymiadau hyn dy helpu di i gadw beth rwyt ti'n ei wneud yma yn breifat.
online-exit-title = Gadael y dudalen hon
online-exit = Tapia "Gadael y dudalen hon" ar frig pob tudalen. Mae'r dudalen yn newid i wefan tywydd ar unwaith, ac mae beth ysgrifennaist ti'n cael ei ddileu os nad wyt ti wedi'i anfon.
online-shift = Ar gyfrifiadur, gelli di hefyd bwyso'r fysell Shift dair gwaith.
online-private-title = Defnyddia ffenest breifat
online-private = Dydy ffenest breifat neu incognito ddim yn cadw hanes o'r tudalennau rwyt ti'n ymweld â nhw. Chwilia amdani yn newislen dy borwr.
online-history-title = Clirio dy hanes
online-history = Dydy gadael y dudalen hon ddim yn clirio hanes dy borwr. Gelli di ddileu'r wefan hon o dy hanes yng ngosodiadau dy borwr. Dilea'r tudalennau sydd angen eu dileu yn unig, achos gall hanes gwag edrych yn od.
online-back = Ar y rhan fwyaf o ffonau, dim ond un dudalen yn dy hanes yw'r sgwrs gyfan, ac mae Gadael y dudalen hon yn rhoi'r dudalen tywydd yn ei lle, felly dydy'r botwm Nôl ddim yn dod â'r wefan hon yn ôl. Os na all dy borwr redeg sgriptiau, mae pob cwestiwn yn dudalen ar wahân yn dy hanes (dydy dy atebion ddim ynddyn nhw): dilea'r tudalennau hynny yng ngosodiadau dy borwr.
online-help-title = Os oes angen help arnat ti nawr
online-help = Os wyt ti mewn perygl, ffonia 999. Gelli di ffonio Childline am ddim ar 0800 1111.
