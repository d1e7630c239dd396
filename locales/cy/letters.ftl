# Translation status: machine-drafted, needs review by a professional translator before use with children.
# Letters to the person who raised a case (see en-GB/letters.ftl for the placeholders).

letter-greeting = Annwyl { $name },
letter-greeting-unnamed = Helo,
letter-sign-off = Gyda dymuniadau gorau,
    Gwasanaeth Hawliau Plant, { $authority }
letter-acknowledgement-subject = Rydyn ni wedi cael dy neges
letter-acknowledgement = Diolch am ddweud wrthon ni. Cawson ni dy neges ar { $received }, a dy gyfeirnod yw { $reference }. Mae rhywun yn edrych arni nawr, a byddwn ni'n ateb erbyn { $due }. Os oes angen help arnat ti cyn hynny, ffonia ni ar { $help_phone }.
letter-stage1_response = Dyma ein hateb i dy gŵyn { $reference }, a gawson ni ar { $received }.

    Beth wnaethon ni ei ddarganfod, a beth fyddwn ni'n ei wneud: [ysgrifennwch yma.]

    Os nad wyt ti'n hapus gyda'r ateb hwn, gelli di ofyn i rywun annibynnol edrych ar dy gŵyn (Cam 2). Gofynna i ni erbyn { $next_stage_by }. Gallwn ni dy helpu i ofyn, a gall eiriolwr helpu hefyd.
letter-extension = Rydyn ni'n dal i weithio ar dy gŵyn { $reference }. Mae'n cymryd mwy o amser nag oedden ni'n ei obeithio oherwydd [dywedwch pam]. Byddwn ni nawr yn ateb erbyn { $due }. Mae'n ddrwg gennym am yr aros.
letter-closing = Rydyn ni wedi gorffen edrych ar dy gŵyn { $reference }.

    Os nad wyt ti'n hapus gyda'n penderfyniad, gelli di ofyn am ymchwiliad annibynnol (Cam 2 y drefn gwyno). Gofynna i ni erbyn { $next_stage_by }, sef 20 diwrnod gwaith ar ôl ein hateb. Gallwn ni dy helpu i ofyn, a gall eiriolwr helpu hefyd.

    Gelli di hefyd ofyn i'r Ombwdsmon Llywodraeth Leol a Gofal Cymdeithasol edrych ar dy gŵyn: { $ombudsman }.
