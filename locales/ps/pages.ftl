# Translation status: machine-drafted, needs review by a professional translator before use with children.
# Words on every page, and on the pages around the conversation. "Have Your Say" stays in English
# (the service's name). "Childline (0800 1111)" is kept together so the number shows in the right
# order inside right-to-left text.

service-name = Have Your Say
skip-to-content = اصلي منځپانګې ته لاړ شئ
exit-skip-link = دا پاڼه ژر پرېږدئ
exit-button = دا پاڼه پرېږدئ
footer-who = { $authority } – Have Your Say
title-error-prefix = تېروتنه:

start-title = Have Your Say – خپله خبره ووایاست
start-hello = سلام! تاسو کولی شئ موږ ته هغه څه ووایاست چې سم نه دي، هغه څه چې ښه دي، یا یو فکر.
start-what-it-is = موږ به له تاسو څخه څو لنډې پوښتنې وکړو، یوه یوه. دا شاوخوا 5 دقیقې وخت نیسي.
start-private = یوازې په { $authority } کې هغه کسان به یې ولولي چې له ماشومانو او ځوانانو سره مرسته کوي.
start-button = پیل کړئ
start-unsafe-button = زه اوس خوندي نه یم
start-exit-title = ژر وتلو ته اړتیا لرئ؟
start-exit-explain = هر وخت په پورته برخه کې "دا پاڼه پرېږدئ" ټک کړئ. دا پاڼه به د هوا د حال په یوه ویب سایټ بدله شي او ستاسو ځوابونه به ورک شي.
start-exit-history = دا ستاسو د براوزر تاریخچه نه پاکوي. له داسې چا وپوښتئ چې باور پرې لرئ چې دا څنګه وکړئ، یا یوه خصوصي کړکۍ وکاروئ.
feeling-question = تاسو څنګه احساس کوئ؟
feeling-optional = که غواړئ، یو مخ وټاکئ. دا پوښتنه پرېښودل کېدای شي.
feeling-1 = ډېر خپه
feeling-2 = خپه
feeling-3 = عادي
feeling-4 = خوشحاله
feeling-5 = ډېر خوشحاله

transcript-label = تر اوسه ستاسو خبرې اترې
speaker-service = Have Your Say
speaker-you = تاسو

continue-button = دوام ورکړئ
back-button = شاته
consent-agree = هو، زه موافق یم
hint-optional = دې ته ځواب ورکول اړین نه دي. تاسو کولی شئ تش یې پرېږدئ.
hint-max-characters =
    { $max ->
        [one] تاسو تر { $max } توري پورې لیکلی شئ.
       *[other] تاسو تر { $max } توريو پورې لیکلی شئ.
    }
answer-skipped = (تاسو ځواب ورنه کړ)
answer-yes = هو
answer-no = نه

check-change = بدلول
check-continue = دا سم دي
send-explain = کله چې تاسو "ولېږئ" کېکاږئ، موږ به ستاسو پیغام ترلاسه کړو.
send-button = ولېږئ

help-panel-title = هغه کسان چې مرسته کولی شي
help-call-999 = که تاسو اوس په خطر کې یاست، 999 ته زنګ ووهئ
help-call-childline = Childline: 0800 1111 (وړیا)
help-call-council = { $authority }: { $help_phone }
help-call-out-of-hours = شپې او د اونۍ پای – { $authority }: { $out_of_hours_phone }
help-childline-bill = Childline ته زنګونه وړیا دي او د تلیفون په بل کې نه ښکاري.
help-back-to-start = پیل ته بېرته
help-leave = دا پاڼه پرېږدئ

done-title = مننه. ستاسو پیغام موږ ته ورسېد.
done-your-reference = ستاسو د حوالې شمېره دا ده:
done-your-secret = ستاسو پټې کلمې دا دي:
done-secret-hidden = ستاسو د خوندیتوب لپاره، موږ ستاسو پټې کلمې بیا نه ښیو.
done-keep-safe = خپله د حوالې شمېره او پټې کلمې په یو خوندي ځای کې وساتئ. تاسو ورته اړتیا لرئ څو وګورئ چې وروسته څه کېږي.
done-next-title = وروسته څه کېږي
done-next-read = ډېر ژر به یو څوک ستاسو پیغام ولولي.
done-next-reply-by = موږ به تر { $date } پورې ځواب درکړو.
done-if-unsafe = که تاسو خوندي نه یاست، 999 ته یا Childline (0800 1111) ته زنګ ووهئ.
done-finish = پای ته ورسوئ او ووځئ
done-urgent-title = مننه. موږ همدا اوس یو چا ته وایو.
done-urgent-next = موږ ستاسو پیغام همدا اوس د { $authority } د بیړني مرستې ټیم ته ولېږه. نن به یې څوک ولولي او هڅه به وکړي چې په هغه ډول له تاسو سره اړیکه ونیسي چې تاسو راته ویلي. که تاسو په خطر کې یاست، 999 ته زنګ ووهئ.
send-urgent-explain = کله چې تاسو "اوس یې ولېږئ" کېکاږئ، موږ به سمدستي یو چا ته ووایو.
send-urgent-button = اوس یې ولېږئ

# The email a child gets when staff reply, if they chose email. It never holds the reply.
email-child-subject = تاسو ته له Have Your Say څخه ځواب راغلی دی
email-child-body = په { $authority } کې یو چا ستاسو پیغام ته ځواب ورکړی دی. د لوستلو لپاره، لاندې لینک ته لاړ شئ او خپله د حوالې شمېره او پټې کلمې ولیکئ.
email-child-link = خپل ځواب ولولئ
email-child-footer = که تاسو خوندي نه یاست، 999 ته یا Childline (0800 1111) ته زنګ ووهئ.

# Shown calmly when something a child wrote sounds like they may not be safe.
safety-title = داسې ښکاري چې شاید شیان ډېر سخت وي
safety-text = دا ښه وه چې تاسو موږ ته ووایاست.
safety-carry-on = کله چې تاسو خپل پیغام ولېږئ، نو سمدستي به د { $authority } د بیړني مرستې ټیم ته ورسي، او نن به یې څوک ولولي. کله چې چمتو یاست، دوام ورکړئ.
safety-added-duty-team = موږ ستاسو لیکلي خبرې همدا اوس د { $authority } د بیړني مرستې ټیم ته ولېږلې. نن به یې څوک ولولي.

footer-privacy = څوک ګوري چې تاسو موږ ته څه وایئ
footer-track = د پیغام حالت وګورئ
footer-staying-safe = په انټرنېټ کې خوندي پاتې کېدل
privacy-just-in-time = دا څوک لیدلی شي؟ ولولئ چې موږ یې څنګه پټ ساتو.

# Coming back to a message you sent.
track-title = د خپل پیغام حالت وګورئ
track-intro = هغه د حوالې شمېره او پټې کلمې ولیکئ چې د پیغام لېږلو پر مهال، یا د "وروسته یې بشپړ کړئ" غوره کولو پر مهال مو ترلاسه کړې.
track-reference = ستاسو د حوالې شمېره
track-reference-hint = داسې ښکاري: HYS-7K4P-Q2MX
track-secret = ستاسو پټې کلمې
track-secret-hint = څلور کلمې او یوه شمېره، لکه: پیشو توپ ورېځ شین 472
track-button = ماته یې وښایاست
track-no-match = دا معلومات سمون نه خوري. د حوالې شمېره او پټې کلمې وګورئ او بیا هڅه وکړئ.
track-throttled = ډېرې هڅې شوې دي. مهرباني وکړئ یو ساعت صبر وکړئ او بیا هڅه وکړئ، یا موږ ته زنګ ووهئ.
track-resume-link = ما لا نه دی لېږلی. غواړم چې بشپړ یې کړم.
track-case-title = ستاسو پیغام
track-status-received = ستاسو پیغام موږ ته رسېدلی. ډېر ژر به یو څوک ورته وګوري.
track-status-looking = یو څوک ورته ګوري.
track-status-replied = موږ ځواب درکړی دی. تاسو یې لاندې لوستلی شئ.
track-status-paused = موږ یو ځای په دې اړه خبرې کوو څو یې حل کړو.
track-status-closed = موږ ورته کتل پای ته رسولي دي. که تاسو خوښ نه یاست، لاندې موږ ته ویلی شئ.
track-due = موږ به تر { $date } پورې ځواب درکړو.
track-messages = پیغامونه
track-no-messages = لا تر اوسه هېڅ پیغام نشته.
track-speaker-staff = { $authority }
track-add = ایا غواړئ موږ ته نور هم څه ووایاست؟
track-add-button = ولېږئ
track-too-long = مهرباني وکړئ دا لنډ کړئ. تاسو تر 5000 توريو پورې لیکلی شئ.
track-who-sees-title = دا څوک لیدلی شي؟
track-who-sees = هغه کسان چې ستاسو په پیغام کار کوي، لیدلی شي چې تاسو موږ ته څه ویلي او دلته څه زیاتوئ. هغوی ستاسو پټې کلمې نشي لیدلی، او نه ستاسو په تلیفون کې بل څه لیدلی شي.

# Finish later.
later-button = وروسته یې بشپړ کړئ
later-title = تاسو کولی شئ وروسته یې بشپړ کړئ
later-your-code = ستاسو د حوالې شمېره دا ده:
later-your-secret = ستاسو پټې کلمې دا دي:
later-until = څه چې مو لیکلي، موږ به یې تر { $date } پورې وساتو. له هغې وروسته به ړنګ شي.
later-how = د دوام لپاره، "د پیغام حالت وګورئ" ته لاړ شئ او خپله د حوالې شمېره او پټې کلمې ولیکئ. تاسو هر تلیفون یا کمپیوټر کارولی شئ. کله چې پیغام ولېږئ همداسې پاتې کېږي، نو یوازې همدا باید وساتئ.
later-carry-on = اوس دوام ورکړئ
later-leave = د اوس لپاره پرېږدئ
resume-title = خپل پیغام بشپړ کړئ
resume-code = ستاسو کوډ
resume-button = دوام ورکړئ
resume-no-match = دا معلومات سمون نه خوري، یا ستاسو پیغام د څو ورځو وروسته ړنګ شوی دی. وې ګورئ او بیا هڅه وکړئ، یا له سره پیل وکړئ.
language-picker = خپله ژبه وټاکئ
read-aloud = 🔊 ماته یې ولولئ

honeypot-label = دا خانه تشه پرېږدئ

chat-no-signal = سیګنال نشته — موږ به بیا هڅه وکړو. ستاسو ځواب لا دلته دی.
start-carry-on = له هماغه ځایه دوام ورکړئ چې پرېښی مو و
start-again-button = بیا پیل کړئ

done-next-no-contact = تاسو وویل چې موږ له تاسو سره اړیکه ونه نیسو، نو موږ به یې ونه نیسو. تاسو کولی شئ هر وخت د خپل حوالې شمېرې او پټو کلمو سره خپل پیغام وګورئ.
done-next-advocate = یو ملاتړی به تر { $date } پورې له تاسو سره اړیکه ونیسي. ملاتړی ستاسو په خوا کې دی او مرسته کوي چې تاسو هغه څه ووایاست چې غواړئ یې.
done-next-advocate-call = تاسو ملاتړی غوښتی دی. تاسو دا هم وویل چې موږ له تاسو سره اړیکه ونه نیسو، نو کله چې غواړئ له ملاتړي سره خبرې وکړئ، موږ ته په { $help_phone } زنګ ووهئ.

keep-write-down = دا اوس ولیکئ یا د سکرین عکس واخلئ.
keep-copy-button = کاپي یې کړئ
keep-copied = کاپي شول. په داسې ځای کې یې ولګوئ چې یوازې تاسو یې لیدلی شئ.
keep-email-explain = موږ کولی شو ستاسو د حوالې شمېره او پټې کلمې هغه برېښنالیک پتې ته ولېږو چې تاسو موږ ته راکړې. موږ یې یوازې یو ځل لېږو.
keep-email-button = ما ته یې په برېښنالیک ولېږئ
keep-email-sent = وشول. موږ ستاسو د حوالې شمېره او پټې کلمې هغه برېښنالیک پتې ته لېږو چې تاسو موږ ته راکړې. خپل برېښنالیک وګورئ، او دا ولیکئ هم، که چېرې برېښنالیک ونه رسېږي.
keep-email-subject = په Have Your Say کې ستاسو د حوالې شمېره
keep-email-intro = تاسو له موږ وغوښتل چې ستاسو د حوالې شمېره او پټې کلمې تاسو ته په برېښنالیک ولېږو. د دې لپاره چې وګورئ ستاسو له پیغام سره څه کېږي، دواړو ته اړتیا لرئ.
keep-email-private = دا برېښنالیک پټ وساتئ. هر څوک چې ستاسو د حوالې شمېره او پټې کلمې ولري، ستاسو پیغامونه لوستلی شي.
keep-email-reference = د حوالې شمېره
keep-email-words = پټې کلمې
keep-email-link = وګورئ چې څه کېږي

progress-left = { $count ->
    [one] دا وروستۍ پوښتنه ده
   *[other] { $count } نورې پوښتنې
}

## Tracking: what was sent, and once a complaint is closed, what was decided and what comes next
track-due-here = موږ به تر { $date } پورې خپل ځواب دلته ولیکو.
track-sent-title = تاسو څه ولېږل
track-sent-facts = { $kind }، موضوع: { $topic }. په { $date } ولېږل شو.
track-sent-facts-no-topic = { $kind }. په { $date } ولېږل شو.
track-sent-date = په { $date } ولېږل شو.
track-sent-show = هغه څه وښایاست چې ما ولېږل
track-outcome-title = موږ څه پرېکړه وکړه
track-outcome-upheld = موږ ستاسو له شکایت سره موافق یو، او شیان سموو.
track-outcome-partly_upheld = موږ ستاسو د شکایت له یوې برخې سره موافق یو.
track-outcome-not_upheld = موږ په دقت سره ورته وکتل، او ستاسو له شکایت سره موافق نه یو.
track-outcome-withdrawn = تاسو له موږ وغوښتل چې ستاسو شکایت ته کتل ودروو.
track-outcome-outside_jurisdiction = دا داسې څه دي چې زموږ د شکایت طریقه یې نشي کتلی.
track-outcome-inconclusive = موږ په ډاډ سره معلومه نه کړه چې څه پېښ شوي وو.
track-next-stage = که تاسو زموږ له ځواب څخه خوښ نه یاست، تاسو کولی شئ د خپل شکایت { $stage } پړاو وغواړئ. تر { $date } پورې یې وغواړئ: لاندې بکس کې یې ولیکئ.
track-next-formal = که تاسو خوښ نه یاست، تاسو لا هم رسمي شکایت کولی شئ. لاندې بکس کې یې ولیکئ.
track-next-ombudsman = که تاسو لا هم خوښ نه یاست، تاسو کولی شئ د محلي حکومت او ټولنیزې پاملرنې له محتسب (Ombudsman) څخه وغواړئ چې ورته وګوري. دا وړیا دی، او دوی د شورا برخه نه دي.
track-ombudsman-call = محتسب ته زنګ ووهئ: ⁦0300 061 0614⁩
track-next-advocate = یو ملاتړی کولی شي په دې کې ستاسو وړیا مرسته وکړي. له موږ یې وغواړئ.

## The guide who asks the questions (a name only; the drawing beside it is decorative)
guide-name = سکای
