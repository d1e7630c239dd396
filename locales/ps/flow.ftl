# Translation status: machine-drafted, needs review by a professional translator before use with children.
# The child's conversation (flows/feedback.toml), in simple standard (Afghan) Pashto for a 9-year-old
# reader, with respectful "تاسو". { $authority } is the council's name. "Childline (0800 1111)" is
# kept together so the number shows in the right order inside right-to-left text.

chat-hello = سلام! دا یو خوندي ځای دی چې تاسو { $authority } ته ووایاست چې څه فکر کوئ.
chat-hello-safe = تاسو هر وخت درېدلی شئ. تر څو چې تاسو ونه وایاست، هېڅ شی نه لېږل کېږي.
ask-kind = تاسو غواړئ موږ ته څه ووایاست؟
kind-complaint = یو څه سم نه دي
kind-compliment = یو څه ښه دي
kind-comment = یو فکر یا نظر
kind-unsafe = زه اوس خوندي نه یم

unsafe-title = تاسو اوس مرسته ترلاسه کولی شئ
unsafe-danger = که تاسو اوس په خطر کې یاست، 999 ته زنګ ووهئ.
unsafe-childline = تاسو کولی شئ د ماشومانو د مرستې له کرښې Childline (0800 1111) سره وړیا خبرې وکړئ. دا به د تلیفون په بل کې نه ښکاري.
unsafe-council = تاسو کولی شئ { $authority } ({ $help_phone }) ته هم زنګ ووهئ. د شپې یا د اونۍ په پای کې، { $authority } ({ $out_of_hours_phone }) ته زنګ ووهئ.
ask-tell-someone = ایا تاسو غواړئ چې موږ داسې چا ته ووایو چې مرسته کولی شي؟
tell-someone-yes = هو، مهرباني وکړئ چا ته ووایاست
tell-someone-no = نه، اوس نه
unsafe-end-ok = سمه ده. تاسو هر وخت بېرته راتلی شئ. که اړتیا مو وه، شمېرې دلته دي.
urgent-we-will-tell = موږ به سمدستي په { $authority } کې یو چا ته ووایو. یوازې څو کلمې هم بس دي.
ask-urgent-what = څه پېښېږي؟
ask-urgent-name = ستاسو لومړی نوم څه دی؟
urgent-optional = تاسو کولی شئ راتلونکې هره پوښتنه پرېږدئ.
ask-urgent-where = تاسو اوس چېرته یاست؟
ask-urgent-call = ایا دا خوندي ده چې څوک تاسو ته ټیلیفون وکړي؟
urgent-call-yes = هو، کولی شي ما ته زنګ ووهي
urgent-call-no = نه، مهرباني وکړئ زنګ مه وهئ
urgent-call-not-sure = ډاډه نه یم
ask-urgent-reach = موږ څنګه کولی شو په خوندي ډول له تاسو سره اړیکه ونیسو؟ د بېلګې په توګه د ټیلیفون شمېره، یا ستاسو د ټولنیز کارکوونکي له لارې.
ask-urgent-send = دا اوس ولېږو؟

chat-thanks = مننه. راځئ چې پیل وکړو.
ask-role = تاسو څوک یاست؟
role-young-person = زه پخپله ماشوم یا ځوان یم
role-helping = زه له یو ماشوم یا ځوان سره مرسته کوم
role-parent-carer = زه مور، پلار یا پالونکی یم
role-someone-else = بل څوک

ask-about = دا د څه په اړه دی؟
about-social-worker = زما سوشل ورکر یا شخصي سلاکار
about-where-i-live = هغه ځای چې زه پکې اوسېږم
about-seeing-family = له خپلې کورنۍ سره لیدل
about-money = پیسې
about-leaving-care = له پالنې څخه وتل
about-school = ښوونځی یا کالج
about-health = روغتیا
about-how-treated = له ما سره څنګه چلند وشو
about-something-else = بل څه

chat-tell-us = بېړه مه کوئ. په خپلو خبرو یې ووایاست.
ask-what-happened = څه پېښ شول؟
chat-thank-you-for-telling = مننه چې موږ ته مو وویل.
ask-what-would-help = کوم شی به حالات ښه کړي؟

chat-lovely = د دې په اورېدو ډېر خوشحاله شوو!
ask-what-was-good = څه شی ښه و؟

ask-what-to-say = تاسو غواړئ موږ ته څه ووایاست؟

chat-advocate-intro = ملاتړی هغه څوک دی چې ستاسو په خوا کې وي. هغه مرسته کولی شي چې تاسو خپله خبره ووایاست.
ask-advocate = ایا غواړئ چې یو ملاتړی له تاسو سره مرسته وکړي؟
advocate-help = ملاتړی یو بالغ شخص دی چې ستاسو د سوشل ورکر د ټیم لپاره کار نه کوي. هغه ستاسو خبرې اوري، مرسته کوي چې تاسو خپل فکر ووایاست، او ډاډ ترلاسه کوي چې ستاسو خبره اورېدل کېږي. دا وړیا دی.
    .summary = ملاتړی څوک دی؟
advocate-yes = هو، مهرباني
advocate-no = نه، مننه
advocate-not-sure = لا نه پوهېږم

chat-contact-intro = موږ غواړو تاسو ته ووایو چې وروسته به څه کېږي.
chat-contact-private = یوازې هغه کسان به وګوري چې له تاسو سره څنګه اړیکه ونیسي، چې ستاسو په پیغام کار کوي.
ask-contact = موږ له تاسو سره څنګه اړیکه ونیسو؟
contact-phone = ماته زنګ ووهئ
contact-email = ماته ایمیل راولېږئ
contact-worker = زما د کارکوونکي له لارې
contact-carer = زما د پالونکي له لارې
contact-none = مهرباني وکړئ له ما سره اړیکه مه نیسئ

ask-contact-phone = ستاسو د تلیفون شمېره څه ده؟
ask-contact-email = ستاسو د ایمیل پته څه ده؟

ask-first-name = ستاسو لومړی نوم څه دی؟
ask-age = تاسو څو کلن یاست؟

chat-nearly-done = نږدې پای ته ورسېدو!
ask-check = خپل ځوابونه وګورئ
ask-send = د لېږلو لپاره چمتو یاست؟
