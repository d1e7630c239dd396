# Translation status: machine-drafted, needs review by a professional translator before use with children.
# Words on every page, and on the pages around the conversation ("ti" forms for children).

service-name = Have Your Say
skip-to-content = Neidio i'r prif gynnwys
exit-skip-link = Gadael y dudalen hon yn gyflym
exit-button = Gadael y dudalen hon
footer-who = { $authority } – Have Your Say
title-error-prefix = Gwall:

start-title = Dweud dy ddweud
start-hello = Helo! Gelli di ddweud wrthon ni am rywbeth sydd o'i le, rhywbeth sy'n dda, neu syniad.
start-what-it-is = Byddwn ni'n gofyn ychydig o gwestiynau byr i ti, un ar y tro. Mae'n cymryd tua 5 munud.
start-private = Dim ond y bobl sy'n helpu plant a phobl ifanc yn { $authority } fydd yn ei ddarllen.
start-button = Dechrau
start-unsafe-button = Dw i ddim yn ddiogel nawr
start-exit-title = Angen gadael yn gyflym?
start-exit-explain = Tapia "Gadael y dudalen hon" ar y brig unrhyw bryd. Bydd y dudalen hon yn newid i wefan tywydd a bydd dy atebion yn diflannu.
start-exit-history = Dydy hyn ddim yn clirio hanes dy borwr. Gofynna i rywun rwyt ti'n ymddiried ynddyn nhw sut i wneud hynny, neu defnyddia ffenest breifat.
feeling-question = Sut wyt ti'n teimlo?
feeling-optional = Dewisa wyneb os wyt ti eisiau. Gelli di hepgor hyn.
feeling-1 = Trist iawn
feeling-2 = Trist
feeling-3 = Gweddol
feeling-4 = Hapus
feeling-5 = Hapus iawn

transcript-label = Dy sgwrs hyd yma
speaker-service = Have Your Say
speaker-you = Ti

continue-button = Parhau
back-button = Yn ôl
consent-agree = Ydw, dw i'n cytuno
hint-optional = Does dim rhaid i ti ateb hwn. Gelli di ei adael yn wag.
hint-max-characters = Gelli di ysgrifennu hyd at { $max ->
        [zero] { $max } llythyren
        [one] { $max } llythyren
        [two] { $max } llythyren
        [few] { $max } llythyren
        [many] { $max } llythyren
       *[other] { $max } o lythrennau
    }.
answer-skipped = (Wnest ti ddim ateb)
answer-yes = Ie
answer-no = Na

check-change = Newid
check-continue = Mae'r rhain yn gywir
send-explain = Pan fyddi di'n pwyso Anfon, byddwn ni'n cael dy neges.
send-button = Anfon

help-panel-title = Pobl sy'n gallu helpu
help-call-999 = Ffonia 999 os wyt ti mewn perygl nawr
help-call-childline = Childline: 0800 1111 (am ddim)
help-call-council = { $authority }: { $help_phone }
help-call-out-of-hours = Nosweithiau a phenwythnosau: { $out_of_hours_phone }
help-childline-bill = Mae galwadau i Childline am ddim, a fyddan nhw ddim yn dangos ar y bil ffôn.
help-back-to-start = Yn ôl i'r dechrau
help-leave = Gadael y dudalen hon

done-title = Diolch. Rydyn ni wedi cael dy neges.
done-your-reference = Dy gyfeirnod yw:
done-your-secret = Dy eiriau cyfrinachol yw:
done-secret-hidden = Er mwyn dy gadw di'n ddiogel, fyddwn ni ddim yn dangos dy eiriau cyfrinachol eto.
done-keep-safe = Cadwa dy gyfeirnod a dy eiriau cyfrinachol yn rhywle diogel. Bydd eu hangen nhw arnat ti i weld beth sy'n digwydd nesaf.
done-next-title = Beth sy'n digwydd nesaf
done-next-read = Bydd rhywun yn darllen dy neges yn fuan.
done-next-reply-by = Byddwn ni'n ateb erbyn { $date }.
done-if-unsafe = Os nad wyt ti'n ddiogel, ffonia 999 neu Childline ar 0800 1111.
done-finish = Gorffen a gadael
done-urgent-title = Diolch. Rydyn ni'n dweud wrth rywun nawr.
done-urgent-next = Rydyn ni wedi anfon dy neges at y tîm dyletswydd yn { $authority } nawr. Bydd rhywun yn ei darllen heddiw ac yn ceisio cysylltu â ti yn y ffordd ddwedaist ti wrthon ni. Os wyt ti mewn perygl, ffonia 999.
send-urgent-explain = Pan fyddi di'n pwyso Anfon, byddwn ni'n dweud wrth rywun ar unwaith.
send-urgent-button = Anfon nawr

# The email a child gets when staff reply, if they chose email. It never holds the reply.
email-child-subject = Mae gen ti ateb gan Have Your Say
email-child-body = Mae rhywun yn { $authority } wedi ateb dy neges. I'w ddarllen, dilyna'r ddolen isod a theipia dy gyfeirnod a dy eiriau cyfrinachol.
email-child-link = Darllen dy ateb
email-child-footer = Os nad wyt ti'n ddiogel, ffonia 999 neu Childline ar 0800 1111.

# Shown calmly when something a child wrote sounds like they may not be safe.
safety-title = Mae'n swnio fel bod pethau'n anodd iawn
safety-text = Gwnest ti'r peth iawn drwy ddweud wrthon ni.
safety-carry-on = Pan fyddi di'n anfon dy neges, bydd yn mynd yn syth at y tîm dyletswydd yn { $authority }, a bydd rhywun yn ei darllen heddiw. Gelli di barhau pan fyddi di'n barod.
safety-added-duty-team = Rydyn ni wedi rhoi'r hyn ysgrifennaist ti i'r tîm dyletswydd yn { $authority } nawr. Bydd rhywun yn ei ddarllen heddiw.

footer-privacy = Pwy sy'n gweld beth rwyt ti'n ei ddweud wrthon ni
footer-track = Gwirio neges
footer-staying-safe = Cadw'n ddiogel ar-lein
privacy-just-in-time = Pwy sy'n gallu gweld hyn? Darllena sut rydyn ni'n ei gadw'n breifat.

# Coming back to a message you sent.
track-title = Gwirio dy neges
track-intro = Teipia'r cyfeirnod a'r geiriau cyfrinachol gest ti pan anfonaist ti dy neges, neu pan ddewisaist ti "Gorffen wedyn".
track-reference = Dy gyfeirnod
track-reference-hint = Mae'n edrych fel HYS-7K4P-Q2MX.
track-secret = Dy eiriau cyfrinachol
track-secret-hint = Pedwar gair a rhif, fel: cath pêl cwmwl gwyrdd 472
track-button = Dangos i fi
track-no-match = Dydy'r manylion yna ddim yn cyfateb. Gwiria'r cyfeirnod a'r geiriau cyfrinachol a rho gynnig arall arni.
track-throttled = Mae gormod o ymdrechion wedi bod. Arhosa am awr a rho gynnig arall arni, neu ffonia ni.
track-resume-link = Dw i heb ei hanfon hi eto. Dw i eisiau ei gorffen hi.
track-case-title = Dy neges
track-status-received = Rydyn ni wedi cael dy neges. Bydd rhywun yn edrych arni'n fuan.
track-status-looking = Mae rhywun yn edrych arni.
track-status-replied = Rydyn ni wedi ateb. Gelli di ddarllen yr ateb isod.
track-status-paused = Rydyn ni'n siarad amdani gyda'n gilydd i'w datrys.
track-status-closed = Rydyn ni wedi gorffen edrych arni. Os nad wyt ti'n hapus, gelli di ddweud wrthon ni isod.
track-due = Byddwn ni'n ateb erbyn { $date }.
track-messages = Negeseuon
track-no-messages = Dim negeseuon eto.
track-speaker-staff = { $authority }
track-add = Wyt ti eisiau dweud mwy wrthon ni?
track-add-button = Anfon
track-too-long = Gwna hwn yn fyrrach, plis. Gelli di ysgrifennu hyd at 5000 o lythrennau.
track-who-sees-title = Pwy sy'n gallu gweld hyn?
track-who-sees = Mae'r bobl sy'n gweithio ar dy neges yn gallu gweld beth ddwedaist ti wrthon ni a beth rwyt ti'n ei ychwanegu yma. Dydyn nhw ddim yn gallu gweld dy eiriau cyfrinachol, a dydyn nhw ddim yn gallu gweld dim byd arall ar dy ffôn.

# Finish later.
later-button = Gorffen wedyn
later-title = Gelli di orffen wedyn
later-your-code = Dy gyfeirnod yw:
later-your-secret = Dy eiriau cyfrinachol yw:
later-until = Byddwn ni'n cadw beth ysgrifennaist ti tan { $date }. Ar ôl hynny, bydd yn cael ei ddileu.
later-how = I barhau, cer i "Gwirio neges" a theipia dy gyfeirnod a'th eiriau cyfrinachol. Gelli di ddefnyddio unrhyw ffôn neu gyfrifiadur. Maen nhw'n aros yr un fath pan fyddi di'n anfon dy neges, felly dyma'r unig rai sydd angen i ti eu cadw.
later-carry-on = Parhau nawr
later-leave = Gadael am y tro
resume-title = Gorffen dy neges
resume-code = Dy god
resume-button = Parhau
resume-no-match = Dydy'r manylion yna ddim yn cyfateb, neu cafodd dy neges ei dileu ar ôl ychydig ddyddiau. Gwiria nhw a rho gynnig arall arni, neu dechreua eto.
language-picker = Dewisa dy iaith
read-aloud = 🔊 Darllena fe i fi

honeypot-label = Gad y blwch hwn yn wag

chat-no-signal = Dim signal — byddwn ni'n trio eto. Mae dy ateb yma o hyd.
start-carry-on = Parhau o ble wnest ti adael
start-again-button = Dechrau eto

done-next-no-contact = Gofynnaist ti i ni beidio â chysylltu â ti, felly wnawn ni ddim. Gelli di weld beth sy'n digwydd i dy neges unrhyw bryd gyda dy gyfeirnod a dy eiriau cyfrinachol.
done-next-advocate = Bydd eiriolwr yn cysylltu â ti erbyn { $date }. Mae eiriolwr ar dy ochr di ac yn dy helpu di i ddweud beth rwyt ti eisiau.
done-next-advocate-call = Gofynnaist ti am eiriolwr. Gofynnaist ti hefyd i ni beidio â chysylltu â ti, felly ffonia ni ar { $help_phone } pan fyddi di eisiau siarad ag un.

keep-write-down = Ysgrifenna'r rhain i lawr neu tynna lun o'r sgrin nawr.
keep-copy-button = Copïo nhw
keep-copied = Wedi'u copïo. Gluda nhw rywle dim ond ti sy'n gallu ei weld.
keep-email-explain = Gallwn ni anfon dy gyfeirnod a dy eiriau cyfrinachol i'r cyfeiriad e-bost a roddaist ti i ni. Rydyn ni'n eu hanfon unwaith.
keep-email-button = Anfon nhw ata i drwy e-bost
keep-email-sent = Wedi'i wneud. Rydyn ni'n anfon dy gyfeirnod a dy eiriau cyfrinachol i'r cyfeiriad e-bost a roddaist ti i ni. Edrycha yn dy fewnflwch, ac ysgrifenna nhw i lawr hefyd rhag ofn na fydd yr e-bost yn cyrraedd.
keep-email-subject = Dy gyfeirnod ar gyfer Have Your Say
keep-email-intro = Gofynnaist ti i ni anfon dy gyfeirnod a dy eiriau cyfrinachol atat ti drwy e-bost. Mae angen y ddau arnat ti i weld beth sy'n digwydd gyda dy neges.
keep-email-private = Cadwa'r e-bost hwn yn breifat. Gall unrhyw un sydd â dy gyfeirnod a dy eiriau cyfrinachol ddarllen dy negeseuon.
keep-email-reference = Cyfeirnod
keep-email-words = Geiriau cyfrinachol
keep-email-link = Gweld beth sy'n digwydd

progress-left = { $count ->
    [one] Dyma'r cwestiwn olaf
   *[other] { $count } cwestiwn arall
}

## Tracking: what was sent, and once a complaint is closed, what was decided and what comes next
track-due-here = Byddwn ni'n rhoi ein hateb yma erbyn { $date }.
track-sent-title = Beth anfonaist ti
track-sent-facts = { $kind }, am: { $topic }. Anfonwyd ar { $date }.
track-sent-facts-no-topic = { $kind }. Anfonwyd ar { $date }.
track-sent-date = Anfonwyd ar { $date }.
track-sent-show = Dangos beth anfonais i
track-outcome-title = Beth wnaethon ni benderfynu
track-outcome-upheld = Roedden ni'n cytuno â dy gŵyn, ac rydyn ni'n rhoi pethau'n iawn.
track-outcome-partly_upheld = Roedden ni'n cytuno â rhan o dy gŵyn.
track-outcome-not_upheld = Fe edrychon ni arni'n ofalus, a doedden ni ddim yn cytuno â dy gŵyn.
track-outcome-withdrawn = Fe ofynnaist ti i ni stopio edrych ar dy gŵyn.
track-outcome-outside_jurisdiction = Mae hyn yn rhywbeth na all ein proses gwyno edrych arno.
track-outcome-inconclusive = Doedden ni ddim yn gallu darganfod yn sicr beth ddigwyddodd.
track-next-stage = Os nad wyt ti'n hapus gyda'n hateb, gelli di ofyn am Gam { $stage } dy gŵyn. Gofynna erbyn { $date }: ysgrifenna fe yn y blwch isod.
track-next-formal = Os nad wyt ti'n hapus, gelli di wneud cwyn ffurfiol o hyd. Ysgrifenna fe yn y blwch isod.
track-next-ombudsman = Os nad wyt ti'n hapus o hyd, gelli di ofyn i'r Ombwdsmon Llywodraeth Leol a Gofal Cymdeithasol edrych arno. Mae am ddim, a dydyn nhw ddim yn rhan o'r cyngor.
track-ombudsman-call = Ffonio'r Ombwdsmon: 0300 061 0614
track-next-advocate = Gall eiriolwr dy helpu gyda hyn, am ddim. Gofynna i ni am un.

## The guide who asks the questions (a name only; the drawing beside it is decorative)
guide-name = Sky
