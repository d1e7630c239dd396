# Translation status: machine-drafted, needs review by a professional translator before use with children.
# The child's conversation (flows/feedback.toml), in Welsh. Written for a 9-year-old reader with
# "ti" forms: short, warm, plain, never blaming. { $authority } is the council's name.

chat-hello = Helo! Mae hwn yn le diogel i ddweud wrth { $authority } beth rwyt ti'n ei feddwl.
chat-hello-safe = Gelli di stopio unrhyw bryd. Fydd dim byd yn cael ei anfon nes i ti ddweud.
ask-kind = Beth rwyt ti eisiau ei ddweud wrthon ni?
kind-complaint = Mae rhywbeth o'i le
kind-compliment = Mae rhywbeth yn dda
kind-comment = Syniad neu sylw
kind-unsafe = Dw i ddim yn ddiogel nawr

unsafe-title = Gelli di gael help nawr
unsafe-danger = Os wyt ti mewn perygl nawr, ffonia 999.
unsafe-childline = Gelli di siarad â Childline am ddim ar 0800 1111. Fydd yr alwad ddim yn dangos ar y bil ffôn.
unsafe-council = Gelli di hefyd ffonio { $authority } ar { $help_phone }. Yn y nos neu ar y penwythnos, ffonia { $out_of_hours_phone }.
ask-tell-someone = Wyt ti eisiau i ni ddweud wrth rywun sy'n gallu helpu?
tell-someone-yes = Ydw, dwedwch wrth rywun, plis
tell-someone-no = Na, ddim nawr
unsafe-end-ok = Mae hynny'n iawn. Gelli di ddod yn ôl unrhyw bryd. Mae'r rhifau yma os bydd eu hangen nhw arnat ti.
urgent-we-will-tell = Byddwn ni'n dweud wrth rywun yn { $authority } ar unwaith. Mae ychydig o eiriau yn iawn.
ask-urgent-what = Beth sy'n digwydd?
ask-urgent-name = Beth yw dy enw cyntaf?
urgent-optional = Gelli di hepgor unrhyw un o'r cwestiynau nesaf.
ask-urgent-where = Ble rwyt ti nawr?
ask-urgent-call = Ydy hi'n ddiogel i rywun dy ffonio di?
urgent-call-yes = Ydy, gallan nhw fy ffonio i
urgent-call-no = Na, peidiwch â ffonio
urgent-call-not-sure = Dwi ddim yn siŵr
ask-urgent-reach = Sut gallwn ni gysylltu â ti'n ddiogel? Er enghraifft rhif ffôn, neu drwy dy weithiwr.
ask-urgent-send = Anfon hwn nawr?

chat-thanks = Diolch. Gad i ni ddechrau.
ask-role = Pwy wyt ti?
role-young-person = Fi yw'r person ifanc
role-helping = Dw i'n helpu person ifanc
role-parent-carer = Dw i'n rhiant neu'n ofalwr
role-someone-else = Rhywun arall

ask-about = Am beth mae hyn?
about-social-worker = Fy ngweithiwr cymdeithasol neu fy nghynghorydd personol
about-where-i-live = Y lle dw i'n byw
about-seeing-family = Gweld fy nheulu
about-money = Arian
about-leaving-care = Gadael gofal
about-school = Ysgol neu goleg
about-health = Iechyd
about-how-treated = Sut ces i fy nhrin
about-something-else = Rhywbeth arall

chat-tell-us = Cymer dy amser. Defnyddia dy eiriau dy hun.
ask-what-happened = Beth ddigwyddodd?
chat-thank-you-for-telling = Diolch am ddweud wrthon ni.
ask-what-would-help = Beth fyddai'n gwneud pethau'n well?

chat-lovely = Mae hynny'n hyfryd i'w glywed!
ask-what-was-good = Beth oedd yn dda?

ask-what-to-say = Beth hoffet ti ei ddweud wrthon ni?

chat-advocate-intro = Mae eiriolwr yn rhywun sydd ar dy ochr di. Maen nhw'n gallu dy helpu di i ddweud beth rwyt ti eisiau.
ask-advocate = Hoffet ti gael eiriolwr i dy helpu di?
advocate-help = Oedolyn yw eiriolwr sydd ddim yn gweithio i dîm dy weithiwr cymdeithasol. Maen nhw'n gwrando arnat ti, yn dy helpu di i ddweud beth rwyt ti'n ei feddwl, ac yn gwneud yn siŵr bod pobl yn dy glywed di. Mae am ddim.
    .summary = Beth yw eiriolwr?
advocate-yes = Hoffwn, plis
advocate-no = Na, dim diolch
advocate-not-sure = Dw i ddim yn siŵr eto

chat-contact-intro = Hoffen ni ddweud wrthot ti beth sy'n digwydd nesaf.
chat-contact-private = Dim ond y bobl sy'n gweithio ar dy neges di fydd yn gweld sut i gysylltu â ti.
ask-contact = Sut gallwn ni gysylltu â ti?
contact-phone = Ffoniwch fi
contact-email = E-bostiwch fi
contact-worker = Drwy fy ngweithiwr
contact-carer = Drwy fy ngofalwr
contact-none = Peidiwch â chysylltu â fi, plis

ask-contact-phone = Beth yw dy rif ffôn?
ask-contact-email = Beth yw dy gyfeiriad e-bost?

ask-first-name = Beth yw dy enw cyntaf?
ask-age = Faint yw dy oed di?

chat-nearly-done = Bron wedi gorffen!
ask-check = Gwiria dy atebion
ask-send = Barod i anfon?
