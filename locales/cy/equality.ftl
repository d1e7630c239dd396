# Translation status: machine-drafted, needs review by a professional translator before use with children.
# Monitro cydraddoldeb: y cwestiynau dewisol "Amdanat ti" ar ddiwedd sgwrs plentyn ("ti" forms).

equality-why = Un peth olaf. Rydyn ni'n gofyn ychydig o gwestiynau i bawb sy'n defnyddio hwn, er mwyn gwirio ein bod ni'n trin pawb yn deg.
equality-private = Ti sy'n dewis. Fydd neb yn gweld yr atebion hyn gyda dy enw na dy neges.
ask-equality = Gawn ni ofyn 3 chwestiwn cyflym amdanat ti?
equality-yes = Cewch, mae hynny'n iawn
equality-skip = Hepgor y cwestiynau hyn

equality-rather-not-say = Byddai'n well gen i beidio â dweud

ask-equality-gender = Pa un o'r rhain sy'n dy ddisgrifio di?
equality-gender-girl = Merch neu fenyw ifanc
equality-gender-boy = Bachgen neu ddyn ifanc
equality-gender-another_way = Rwy'n disgrifio fy hun mewn ffordd arall

ask-equality-disability = Oes gen ti anabledd neu gyflwr iechyd hirdymor?
equality-disability-help = Rhywbeth am dy gorff, dy feddwl neu dy iechyd sy'n gwneud pethau bob dydd yn anoddach, ac sydd wedi para, neu a fydd yn para, blwyddyn neu fwy. Er enghraifft: bod yn fyddar neu'n ddall, awtistiaeth, ADHD, dyslecsia, diabetes, epilepsi, neu gyflwr iechyd meddwl.
    .summary = Beth mae hyn yn ei olygu?
equality-disability-yes = Oes
equality-disability-no = Nac oes
equality-disability-not_sure = Dydw i ddim yn siŵr

ask-equality-ethnicity = Pa grŵp sy'n dy ddisgrifio di orau?
equality-ethnicity-help = Mae Asiaidd yn cynnwys Indiaidd, Pacistanaidd, Bangladeshaidd a Tsieineaidd. Mae Gwyn yn cynnwys Cymreig, Seisnig, Albanaidd, Gwyddelig, Pwylaidd, Sipsi, Teithiwr Gwyddelig a Roma. Mae grŵp arall yn cynnwys Arabaidd. Dewis yr un sy'n teimlo agosaf.
    .summary = Beth mae'r rhain yn ei olygu?
equality-ethnicity-asian = Asiaidd neu Asiaidd Prydeinig
equality-ethnicity-black = Du, Du Prydeinig, Caribïaidd neu Affricanaidd
equality-ethnicity-mixed = Cymysg, neu fwy nag un grŵp
equality-ethnicity-white = Gwyn
equality-ethnicity-other = Grŵp arall
