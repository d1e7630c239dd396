# Translation status: machine-drafted, needs review by a professional translator before use with children.
# Monitorowanie równości: dobrowolne pytania „O tobie” na końcu rozmowy dziecka (forma „ty”).

equality-why = Jeszcze jedno. Każdemu, kto z tego korzysta, zadajemy kilka pytań o niego, żeby sprawdzić, czy traktujemy wszystkich sprawiedliwie.
equality-private = To twój wybór. Nikt nie zobaczy tych odpowiedzi razem z twoim imieniem ani twoją wiadomością.
ask-equality = Czy możemy zadać ci 3 krótkie pytania o ciebie?
equality-yes = Tak, w porządku
equality-skip = Pomiń te pytania

equality-rather-not-say = Wolę nie mówić

ask-equality-gender = Co najlepiej cię opisuje?
equality-gender-girl = Dziewczyna lub młoda kobieta
equality-gender-boy = Chłopak lub młody mężczyzna
equality-gender-another_way = Opisuję siebie inaczej

ask-equality-disability = Czy masz niepełnosprawność lub długotrwały problem ze zdrowiem?
equality-disability-help = Coś w twoim ciele, umyśle lub zdrowiu, co utrudnia codzienne sprawy i trwa (albo będzie trwać) rok lub dłużej. Na przykład: głuchota lub ślepota, autyzm, ADHD, dysleksja, cukrzyca, padaczka albo problem ze zdrowiem psychicznym.
    .summary = Co to znaczy?
equality-disability-yes = Tak
equality-disability-no = Nie
equality-disability-not_sure = Nie wiem na pewno

ask-equality-ethnicity = Która grupa najlepiej cię opisuje?
equality-ethnicity-help = Azjatycka to między innymi pochodzenie indyjskie, pakistańskie, bangladeskie i chińskie. Biała to między innymi angielska, walijska, szkocka, irlandzka, polska, cygańska, irlandzcy Wędrowcy (Travellers) i Romowie. Inna grupa to między innymi arabska. Wybierz tę, która jest ci najbliższa.
    .summary = Co to znaczy?
equality-ethnicity-asian = Azjatycka lub brytyjska azjatycka
equality-ethnicity-black = Czarna, brytyjska czarna, karaibska lub afrykańska
equality-ethnicity-mixed = Mieszana lub więcej niż jedna grupa
equality-ethnicity-white = Biała
equality-ethnicity-other = Inna grupa
