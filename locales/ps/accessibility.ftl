# Translation status: machine-drafted, needs review by a professional translator before use with children.
# The accessibility statement (public sector bodies must publish one). Technical and official names
# (WCAG, axe-core, EASS) stay in English.
accessibility-title = د لاسرسي بیان
accessibility-intro = { $authority } غواړي چې هر څومره ډېر خلک چې کېدای شي Have Your Say وکاروي. تاسو باید وکولی شئ رنګونه او د لیکنې اندازه بدله کړئ، تر 400% پورې یې لوی (زوم) کړئ پرته له دې چې لیکنه له سکرین څخه بهر شي، یوازې د کیبورډ یا سویچ په مرسته یې وکاروئ، او د سکرین لوستونکي سره یې وکاروئ.
accessibility-how-title = موږ دا څنګه د ټولو لپاره اسانه کړ
accessibility-how = هره پاڼه له JavaScript پرته کار کوي. هره پوښتنه خپل سرلیک لري، هره تڼۍ لویه ده، رنګونه یوازینۍ لاره نه ده چې معلومات پرې ښودل کېږي، او که ستاسو وسیله لږ حرکت وغواړي، انیمیشنونه درېږي. تاسو غوښتنه کولی شئ چې پوښتنې درته ولوستل شي، او له څو ژبو څخه یوه وټاکئ.
accessibility-known-title = هغه څه چې پوهېږو لا بشپړ نه دي
accessibility-known = ځینې ژباړې لا د یوه مسلکي ژباړونکي له خوا نه دي کتل شوې. د "ماته یې ولولئ" تڼۍ یوازې هلته کار کوي چې ستاسو براوزر خبرې کولی شي.
accessibility-contact-title = که کومه ستونزه لرئ
accessibility-contact = { $authority } ({ $help_phone }) ته زنګ ووهئ، یا له داسې چا وغواړئ چې باور پرې لرئ چې ستاسو پر ځای له موږ سره اړیکه ونیسي. که زموږ له ځواب څخه خوښ نه یاست، له Equality Advisory and Support Service (EASS) سره اړیکه ونیسئ.
accessibility-status-title = دا له معیار سره څومره برابر دی
accessibility-status = Have Your Say هڅه کوي چې د Web Content Accessibility Guidelines (WCAG) نسخه 2.2 د AA کچه پوره کړي. هره پاڼه د هر بدلون پر مهال د axe-core په مرسته په اتومات ډول ازمویل کېږي.
footer-accessibility = لاسرسی
