# Translation status: machine-drafted, needs review by a professional translator before use with children.
# Kind messages when something is not right. Never blame the person.
# Plurals use Pashto CLDR categories: one, other.

error-summary-title = یوه ستونزه شته
error-prefix = تېروتنه:
error-start-again = بیا پیل کړئ
error-title = بښنه غواړو، یو څه خراب شول
error-not-found-title = موږ دا پاڼه نشو موندلی
error-not-found = ښايي پاڼه بل ځای ته تللې وي. تاسو کولی شئ له سره پیل وکړئ.
error-expired-title = ستاسو خبرې اترې پای ته ورسېدې
error-expired = دا هغه وخت کېدای شي چې تاسو دا د یو څه وخت لپاره پرېښې وي یا مو "دا پاڼه پرېږدئ" کېکښلې وي. هغه څه چې تاسو لیکلي وو، هېڅ یو یې نه دی لېږل شوی. تاسو کولی شئ بیا پیل وکړئ.
error-bad-text = موږ ونه شو کولی هغه څه ولولو چې ولېږل شول. مهرباني وکړئ بیا هڅه وکړئ.
error-bad-request = موږ ونه شو کولی هغه څه ولولو چې ولېږل شول. مهرباني وکړئ شاته لاړ شئ او بیا هڅه وکړئ.
error-too-large = دا په یو ځل د لېږلو لپاره ډېر زیات و. مهرباني وکړئ لنډ یې کړئ.
error-media-type = موږ ونه شو کولی هغه څه ولولو چې ولېږل شول. مهرباني وکړئ شاته لاړ شئ او بیا هڅه وکړئ.
error-internal = دا ستاسو غلطي نه ده. مهرباني وکړئ یوه دقیقه وروسته بیا هڅه وکړئ. که تاسو خوندي نه یاست، 999 ته یا Childline (0800 1111) ته زنګ ووهئ.
error-not-current-step = دا پوښتنه تېره شوې ده. تاسو اوس دلته یاست.

error-choose-one = مهرباني وکړئ یو ځواب وټاکئ.
error-consent = مهرباني وکړئ په خانه کې نښه ولګوئ چې ووایاست تاسو موافق یاست.
error-choose-from-list = مهرباني وکړئ له لېست څخه وټاکئ.
error-choose-at-least-one = مهرباني وکړئ لږ تر لږه یو وټاکئ.
error-choose-at-most =
    { $max ->
        [one] مهرباني وکړئ یوازې { $max } ځواب وټاکئ.
       *[other] مهرباني وکړئ له { $max } ځوابونو څخه زیات مه ټاکئ.
    }
error-type-something = مهرباني وکړئ دلته یو څه ولیکئ.
error-too-long =
    { $max ->
        [one] مهرباني وکړئ دا لنډ کړئ. تاسو تر { $max } توري پورې لیکلی شئ.
       *[other] مهرباني وکړئ دا لنډ کړئ. تاسو تر { $max } توريو پورې لیکلی شئ.
    }
error-too-short =
    { $min ->
        [one] مهرباني وکړئ لږ نور ولیکئ: لږ تر لږه { $min } توری.
       *[other] مهرباني وکړئ لږ نور ولیکئ: لږ تر لږه { $min } توري.
    }
error-email-missing = مهرباني وکړئ د خپل ایمیل پته ولیکئ.
error-email = مهرباني وکړئ د خپل ایمیل پته وګورئ. باید داسې وي: name@example.com
error-phone-missing = مهرباني وکړئ د خپل تلیفون شمېره ولیکئ.
error-phone = مهرباني وکړئ د خپل تلیفون شمېره وګورئ. باید داسې وي: 07700900123
error-number = مهرباني وکړئ له { $min } څخه تر { $max } پورې یوه شمېره ولیکئ.
error-forbidden = د دې فورمې وخت تېر شوی، یا له بل ځای څخه راغلې ده. مهرباني وکړئ شاته لاړ شئ، پاڼه بیا پرانیزئ او بیا هڅه وکړئ.
