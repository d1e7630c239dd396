# Translation status: machine-drafted, needs review by a professional translator before use with children.
# Kind messages when something is not right ("ti" forms). Never blame the person.

error-summary-title = Mae problem
error-prefix = Gwall:
error-start-again = Dechrau eto
error-title = Sori, aeth rhywbeth o'i le
error-not-found-title = Dydyn ni ddim yn gallu dod o hyd i'r dudalen yna
error-not-found = Efallai bod y dudalen wedi symud. Gelli di ddechrau eto o'r dechrau.
error-expired-title = Mae dy sgwrs wedi dod i ben
error-expired = Gall hyn ddigwydd os gadewaist ti hi am sbel neu os pwysaist ti "Gadael y dudalen hon". Does dim byd ysgrifennaist ti wedi cael ei anfon. Gelli di ddechrau eto.
error-bad-text = Doedden ni ddim yn gallu darllen beth gafodd ei anfon. Rho gynnig arall arni, plis.
error-bad-request = Doedden ni ddim yn gallu darllen beth gafodd ei anfon. Cer yn ôl a rho gynnig arall arni, plis.
error-too-large = Roedd hynny'n ormod i'w anfon ar unwaith. Gwna fe'n fyrrach, plis.
error-media-type = Doedden ni ddim yn gallu darllen beth gafodd ei anfon. Cer yn ôl a rho gynnig arall arni, plis.
error-internal = Nid dy fai di yw hyn. Rho gynnig arall arni mewn munud. Os nad wyt ti'n ddiogel, ffonia 999 neu Childline ar 0800 1111.
error-not-current-step = Mae'r cwestiwn yma wedi symud ymlaen. Dyma ble rwyt ti nawr.

error-choose-one = Dewisa un ateb, plis.
error-consent = Ticia'r blwch i ddweud dy fod ti'n cytuno, plis.
error-choose-from-list = Dewisa o'r rhestr, plis.
error-choose-at-least-one = Dewisa o leiaf un, plis.
error-choose-at-most = Paid â dewis mwy na { $max ->
        [zero] { $max } ateb
        [one] { $max } ateb
        [two] { $max } ateb
        [few] { $max } ateb
        [many] { $max } ateb
       *[other] { $max } o atebion
    }, plis.
error-type-something = Ysgrifenna rywbeth yma, plis.
error-too-long = Gwna hwn yn fyrrach, plis. Gelli di ysgrifennu hyd at { $max ->
        [zero] { $max } llythyren
        [one] { $max } llythyren
        [two] { $max } llythyren
        [few] { $max } llythyren
        [many] { $max } llythyren
       *[other] { $max } o lythrennau
    }.
error-too-short = Ysgrifenna ychydig mwy, plis: o leiaf { $min ->
        [zero] { $min } llythyren
        [one] { $min } llythyren
        [two] { $min } llythyren
        [few] { $min } llythyren
        [many] { $min } llythyren
       *[other] { $min } o lythrennau
    }.
error-email-missing = Ysgrifenna dy gyfeiriad e-bost, plis.
error-email = Gwiria dy gyfeiriad e-bost, plis. Dylai edrych fel enw@example.com.
error-phone-missing = Ysgrifenna dy rif ffôn, plis.
error-phone = Gwiria dy rif ffôn, plis. Dylai edrych fel 07700 900123.
error-number = Ysgrifenna rif o { $min } i { $max }, plis.
error-forbidden = Mae'r ffurflen yna wedi dod i ben, neu mae hi wedi dod o rywle arall. Cer yn ôl, ail-lwytha'r dudalen a rho gynnig arall arni, plis.
