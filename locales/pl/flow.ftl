# Translation status: machine-drafted, needs review by a professional translator before use with children.
# The child's conversation (flows/feedback.toml), in Polish. Written for a 9-year-old reader with
# "ty" forms: short, warm, plain, never blaming. Gendered past and conditional forms
# ("napisałeś/napisałaś") are avoided so that every child is addressed correctly.
# { $authority } is the council's name (not declined).

chat-hello = Cześć! To bezpieczne miejsce, w którym możesz powiedzieć { $authority }, co myślisz.
chat-hello-safe = Możesz przerwać w każdej chwili. Niczego nie wyślemy bez twojej zgody.
ask-kind = Co chcesz nam powiedzieć?
kind-complaint = Coś jest nie tak
kind-compliment = Coś mi się podoba
kind-comment = Pomysł albo uwaga
kind-unsafe = Nie czuję się teraz bezpiecznie

unsafe-title = Możesz teraz dostać pomoc
unsafe-danger = Jeśli coś ci teraz grozi, zadzwoń pod 999.
unsafe-childline = Możesz za darmo porozmawiać z Childline pod numerem 0800 1111. To połączenie nie pokaże się na rachunku za telefon.
unsafe-council = Możesz też zadzwonić do { $authority } pod numer { $help_phone }. W nocy albo w weekend dzwoń pod numer { $out_of_hours_phone }.
ask-tell-someone = Czy chcesz, żebyśmy powiedzieli o tym komuś, kto może pomóc?
tell-someone-yes = Tak, powiedzcie komuś
tell-someone-no = Nie, nie teraz
unsafe-end-ok = W porządku. Możesz tu wrócić w każdej chwili. Numery są tutaj, jeśli będą ci potrzebne.
urgent-we-will-tell = Od razu powiemy o tym komuś w { $authority }. Wystarczy kilka słów.
ask-urgent-what = Co się dzieje?
ask-urgent-name = Jak masz na imię?
urgent-optional = Możesz pominąć każde z następnych pytań.
ask-urgent-where = Gdzie jesteś teraz?
ask-urgent-call = Czy ktoś może bezpiecznie do ciebie zadzwonić?
urgent-call-yes = Tak, mogą do mnie zadzwonić
urgent-call-no = Nie, proszę nie dzwonić
urgent-call-not-sure = Nie wiem
ask-urgent-reach = Jak możemy się z tobą bezpiecznie skontaktować? Na przykład numer telefonu albo przez twojego pracownika socjalnego.
ask-urgent-send = Wysłać to teraz?

chat-thanks = Dziękujemy. Zaczynajmy.
ask-role = Kim jesteś?
role-young-person = Jestem młodą osobą, której to dotyczy
role-helping = Pomagam młodej osobie
role-parent-carer = Jestem rodzicem lub opiekunem
role-someone-else = Ktoś inny

ask-about = Czego to dotyczy?
about-social-worker = Mój pracownik socjalny albo doradca osobisty
about-where-i-live = Miejsce, w którym mieszkam
about-seeing-family = Spotkania z rodziną
about-money = Pieniądze
about-leaving-care = Usamodzielnienie i wyjście z opieki
about-school = Szkoła
about-health = Zdrowie
about-how-treated = Jak mnie traktowano
about-something-else = Coś innego

chat-tell-us = Nie spiesz się. Napisz to własnymi słowami.
ask-what-happened = Co się stało?
chat-thank-you-for-telling = Dziękujemy, że nam o tym mówisz.
ask-what-would-help = Co by sprawiło, że będzie lepiej?

chat-lovely = Bardzo miło to słyszeć!
ask-what-was-good = Co było dobre?

ask-what-to-say = Co chcesz nam przekazać?

chat-advocate-intro = Rzecznik to ktoś, kto jest po twojej stronie. Może ci pomóc powiedzieć, czego chcesz.
ask-advocate = Czy chcesz, żeby pomógł ci rzecznik?
advocate-help = Rzecznik to dorosła osoba, która nie pracuje w zespole twojego pracownika socjalnego. Słucha cię, pomaga ci powiedzieć, co myślisz, i pilnuje, żeby inni cię wysłuchali. To nic nie kosztuje.
    .summary = Kto to jest rzecznik?
advocate-yes = Tak, poproszę
advocate-no = Nie, dziękuję
advocate-not-sure = Jeszcze nie wiem

chat-contact-intro = Chcemy ci powiedzieć, co będzie dalej.
chat-contact-private = Tylko osoby, które zajmują się twoją wiadomością, zobaczą, jak się z tobą skontaktować.
ask-contact = Jak możemy się z tobą skontaktować?
contact-phone = Zadzwońcie do mnie
contact-email = Napiszcie do mnie e-mail
contact-worker = Przez mojego pracownika socjalnego
contact-carer = Przez osobę, która się mną opiekuje
contact-none = Proszę, nie kontaktujcie się ze mną

ask-contact-phone = Jaki jest twój numer telefonu?
ask-contact-email = Jaki jest twój adres e-mail?

ask-first-name = Jak masz na imię?
ask-age = Ile masz lat?

chat-nearly-done = Prawie gotowe!
ask-check = Sprawdź swoje odpowiedzi
ask-send = Wysyłamy?
