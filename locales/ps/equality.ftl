# Translation status: machine-drafted, needs review by a professional translator before use with children.
# د برابرۍ څارنه: د ماشوم د خبرو په پای کې د "ستاسو په اړه" اختیاري پوښتنې، په درناوي "تاسو" سره.

equality-why = یو وروستی شی. موږ له هر هغه چا چې دا کاروي د هغه په اړه څو پوښتنې کوو، څو وګورو چې له ټولو سره په انصاف چلند کوو.
equality-private = دا ستاسو خوښه ده. هېڅوک به دا ځوابونه ستاسو له نوم یا پیغام سره ونه ویني.
ask-equality = ایا موږ کولی شو ستاسو په اړه 3 لنډې پوښتنې وکړو؟
equality-yes = هو، سمه ده
equality-skip = دا پوښتنې پرېږدئ

equality-rather-not-say = نه غواړم ووایم

ask-equality-gender = له دې څخه کوم یو تاسو بیانوي؟
equality-gender-girl = نجلۍ یا ځوانه ښځه
equality-gender-boy = هلک یا ځوان سړی
equality-gender-another_way = په بله توګه

ask-equality-disability = ایا تاسو معلولیت یا اوږدمهاله روغتیايي ستونزه لرئ؟
equality-disability-help = ستاسو د بدن، ذهن یا روغتیا کومه خبره چې ورځني کارونه ګرانوي، او یو کال یا ډېر یې دوام کړی (یا به یې وکړي). د بېلګې په توګه: کوڼوالی یا ړوندوالی، اوټیزم، ADHD، ډیسلیکسیا، شکره، مرګي، یا د رواني روغتیا ستونزه.
    .summary = د دې مانا څه ده؟
equality-disability-yes = هو
equality-disability-no = نه
equality-disability-not_sure = سم نه پوهېږم

ask-equality-ethnicity = کومه ډله تاسو تر ټولو ښه بیانوي؟
equality-ethnicity-help = آسیايي کې هندي، پاکستاني، بنګله دېشي او چیني شامل دي. سپین پوستي کې انګرېز، ویلزي، سکاټلنډي، آیرلنډي، پولنډي، جپسي، آیرلنډي کوچیان او روما شامل دي. بله ډله کې عرب شامل دي. هغه وټاکئ چې تاسو ته تر ټولو نږدې وي.
    .summary = د دوی مانا څه ده؟
equality-ethnicity-asian = آسیايي یا برتانوي آسیايي
equality-ethnicity-black = تور پوستي، برتانوي تور پوستي، کارابیني یا افریقايي
equality-ethnicity-mixed = ګډ، یا له یوې ډلې زیات
equality-ethnicity-white = سپین پوستي
equality-ethnicity-other = بله ډله
