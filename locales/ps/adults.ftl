# Translation status: machine-drafted, needs review by a professional translator before use with children.
# The conversation for adults on a child's behalf: plain, polite Pashto. UK legal roles keep the
# English term in brackets so the adult can match it to their status. "advocate" is ملاتړی here:
# وکیل would be read as "lawyer".

adult-intro = مننه چې له یوه ماشوم یا ځوان سره مرسته کوئ څو خپله خبره ووایي. لومړی به ستاسو په اړه پوښتنې وکړو، بیا د هغوی په اړه.
ask-adult-role = کوم یو تاسو تر ټولو ښه بیانوي؟
adult-role-advocate = د ملاتړ (advocacy) له یوه خدمت څخه ملاتړی (advocate)
adult-role-professional = بل مسلکي کس (لکه ښوونکی یا نرس)
adult-role-family-member = د کورنۍ غړی
adult-role-other = بل څوک چې د ماشوم هوساینې ته پاملرنه لري
adult-role-parent = مور یا پلار
adult-role-parental-responsibility = څوک چې د مور او پلار مسؤولیت (parental responsibility) لري
adult-role-foster-carer = فوسټر پالونکی (foster carer)
adult-role-special-guardian = ځانګړی سرپرست (special guardian)
ask-adult-name = ستاسو نوم څه دی؟
ask-adult-organisation = ستاسو اداره، که چېرې د کومې ادارې لپاره کار کوئ
adult-about-child = اوس د ماشوم یا ځوان په اړه.
ask-child-first-name = د ماشوم یا ځوان لومړی نوم څه دی؟
ask-child-age = هغوی څو کلن دي؟
ask-child-knows = ایا ماشوم یا ځوان پوهیږي چې تاسو موږ ته د دې په اړه وایاست؟
ask-child-agrees = ایا هغه موافق دی چې تاسو موږ ته ووایاست؟
child-knows-yes = هو
child-knows-no = نه
child-knows-too-young = دومره کوچني دي چې نشي ویلی
child-knows-dont-know = نه پوهېږم
ask-child-has-advocate = ایا هغوی دمخه ملاتړی (advocate) لري؟
ask-about-adult = دا د څه په اړه دی؟
ask-what-happened-adult = څه پېښ شول؟ که پوهېږئ، مهرباني وکړئ نېټې او هغه کسان چې پکې دخیل وو ولیکئ.
ask-what-was-good-adult = څه ښه و؟ که کولی شئ، مهرباني وکړئ ووایاست چې د چا په اړه و.
ask-what-to-say-adult = تاسو غواړئ موږ ته څه ووایاست؟
ask-child-words = ایا تاسو د ماشوم خپلې خبرې لرئ؟ تاسو یې دلته لیکلی شئ.
ask-what-would-help-adult = ماشوم یا ځوان غواړي چې څه وشي؟
ask-advocate-adult = ایا ماشوم یا ځوان ملاتړی (advocate) غواړي؟
advocate-help-adult = شورا باید هغه ماشوم ته چې شکایت کوي یا غواړي شکایت وکړي، یو خپلواک ملاتړی (advocate) وړاندې کړي (Children Act 1989، 26A برخه). ملاتړي له ماشوم سره مرسته کوي چې خپل فکر ووایي، او ډاډ ترلاسه کوي چې د هغه خبره اورېدل کېږي.
    .summary = د ملاتړ (advocacy) په اړه
advocate-not-sure-adult = ډاډه نه یم: مهرباني وکړئ هغوی ته د ملاتړ په اړه ووایاست
ask-adult-contact = موږ له تاسو سره څنګه اړیکه ونیسو؟
adult-contact-phone = د تلیفون له لارې
adult-contact-email = د ایمیل له لارې
ask-adult-phone = ستاسو د تلیفون شمېره څه ده؟
ask-adult-email = ستاسو د ایمیل پته څه ده؟
