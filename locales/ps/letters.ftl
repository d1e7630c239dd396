# Translation status: machine-drafted, needs review by a professional translator before use with children.
# Letters to the person who raised a case (see en-GB/letters.ftl for the placeholders).

letter-greeting = ګرانه/ګرانې { $name }،
letter-greeting-unnamed = سلام،
letter-sign-off = د نېکو هیلو سره،
    د ماشومانو د حقونو خدمت، { $authority }
letter-acknowledgement-subject = ستاسو پیغام موږ ته رسېدلی دی
letter-acknowledgement = مننه چې تاسو موږ ته وویل. ستاسو پیغام موږ ته په { $received } رسېدلی، او ستاسو د حوالې شمېره { $reference } ده. یو څوک اوس ورته ګوري، او موږ به تر { $due } پورې ځواب درکړو. که تر هغه مخکې مرستې ته اړتیا لرئ، موږ ته په { $help_phone } زنګ ووهئ.
letter-stage1_response = دا ستاسو د شکایت { $reference } لپاره زموږ ځواب دی، چې موږ ته په { $received } رسېدلی و.

    موږ څه وموندل او څه به کوو: [دلته یې ولیکئ.]

    که تاسو له دې ځواب څخه خوښ نه یاست، تاسو غوښتنه کولی شئ چې یو خپلواک کس ستاسو شکایت وګوري (دوهم پړاو). مهرباني وکړئ تر { $next_stage_by } پورې موږ ته ووایئ. موږ په غوښتنه کې ستاسو مرسته کولی شو، او یو مدافع (advocate) هم مرسته کولی شي.
letter-extension = موږ لا هم ستاسو په شکایت { $reference } کار کوو. دا زموږ له هیلې ډېر وخت نیسي ځکه چې [علت ولیکئ]. موږ به اوس تر { $due } پورې ځواب درکړو. د انتظار لپاره بښنه غواړو.
letter-closing = موږ ستاسو شکایت { $reference } کتل پای ته ورسول.

    که تاسو زموږ له پرېکړې خوښ نه یاست، تاسو د یوې خپلواکې پلټنې غوښتنه کولی شئ (د شکایتونو د کړنلارې دوهم پړاو). مهرباني وکړئ تر { $next_stage_by } پورې موږ ته ووایئ، چې زموږ له ځواب وروسته 20 کاري ورځې کېږي. موږ په غوښتنه کې ستاسو مرسته کولی شو، او یو مدافع (advocate) هم مرسته کولی شي.

    تاسو کولی شئ د محلي حکومت او ټولنیز پاملرنې امبودسمن (Local Government and Social Care Ombudsman) څخه هم وغواړئ چې ستاسو شکایت وګوري: { $ombudsman }.
