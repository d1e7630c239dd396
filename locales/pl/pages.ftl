# Translation status: machine-drafted, needs review by a professional translator before use with children.
# Words on every page, and on the pages around the conversation ("ty" forms for children,
# without gendered past forms).

service-name = Have Your Say
skip-to-content = Przejdź do głównej treści
exit-skip-link = Szybko wyjdź z tej strony
exit-button = Wyjdź z tej strony
footer-who = { $authority } – Have Your Say
title-error-prefix = Błąd:

start-title = Powiedz, co myślisz
start-hello = Cześć! Możesz nam powiedzieć o czymś, co jest nie tak, o czymś, co ci się podoba, albo podzielić się pomysłem.
start-what-it-is = Zadamy ci kilka krótkich pytań, jedno po drugim. To zajmie około 5 minut.
start-private = Przeczytają to tylko osoby, które pomagają dzieciom i młodzieży w { $authority }.
start-button = Zacznij
start-unsafe-button = Nie czuję się teraz bezpiecznie
start-exit-title = Musisz szybko wyjść?
start-exit-explain = W każdej chwili możesz nacisnąć „Wyjdź z tej strony” na górze. Ta strona zmieni się w stronę z pogodą, a twoje odpowiedzi znikną.
start-exit-history = To nie czyści historii przeglądarki. Zapytaj kogoś, komu ufasz, jak to zrobić, albo użyj okna prywatnego.
feeling-question = Jak się czujesz?
feeling-optional = Wybierz buźkę, jeśli chcesz. Możesz to pominąć.
feeling-1 = Bardzo smutno
feeling-2 = Smutno
feeling-3 = W porządku
feeling-4 = Dobrze
feeling-5 = Bardzo dobrze

transcript-label = Twoja rozmowa do tej pory
speaker-service = Have Your Say
speaker-you = Ty

continue-button = Dalej
back-button = Wstecz
consent-agree = Tak, zgadzam się
hint-optional = Nie musisz na to odpowiadać. Możesz zostawić to pole puste.
hint-max-characters = Możesz napisać najwyżej { $max ->
        [one] { $max } znak
        [few] { $max } znaki
        [many] { $max } znaków
       *[other] { $max } znaku
    }.
answer-skipped = (Bez odpowiedzi)
answer-yes = Tak
answer-no = Nie

check-change = Zmień
check-continue = Wszystko się zgadza
send-explain = Gdy naciśniesz „Wyślij”, dostaniemy twoją wiadomość.
send-button = Wyślij

help-panel-title = Kto może ci pomóc
help-call-999 = Zadzwoń pod 999, jeśli coś ci teraz grozi
help-call-childline = Childline: 0800 1111 (za darmo)
help-call-council = { $authority }: { $help_phone }
help-call-out-of-hours = W nocy i w weekendy: { $out_of_hours_phone }
help-childline-bill = Rozmowy z Childline są za darmo i nie pokażą się na rachunku za telefon.
help-back-to-start = Wróć na początek
help-leave = Wyjdź z tej strony

done-title = Dziękujemy. Mamy twoją wiadomość.
done-your-reference = Twój numer sprawy:
done-your-secret = Twoje tajne słowa:
done-secret-hidden = Dla twojego bezpieczeństwa nie pokażemy już więcej twoich tajnych słów.
done-keep-safe = Zachowaj numer sprawy i tajne słowa w bezpiecznym miejscu. Będą ci potrzebne, żeby zobaczyć, co dzieje się dalej.
done-next-title = Co będzie dalej
done-next-read = Ktoś niedługo przeczyta twoją wiadomość.
done-next-reply-by = Odpowiemy najpóźniej: { $date }.
done-if-unsafe = Jeśli coś ci grozi, zadzwoń pod 999 albo do Childline pod numer 0800 1111.
done-finish = Zakończ i wyjdź
done-urgent-title = Dziękujemy. Już komuś o tym mówimy.
done-urgent-next = Właśnie wysłaliśmy twoją wiadomość do zespołu dyżurnego w { $authority }. Ktoś przeczyta ją dzisiaj i spróbuje się z tobą skontaktować w sposób, o który prosisz. Jeśli grozi ci niebezpieczeństwo, dzwoń pod 999.
send-urgent-explain = Gdy naciśniesz „Wyślij teraz”, od razu komuś o tym powiemy.
send-urgent-button = Wyślij teraz

# The email a child gets when staff reply, if they chose email. It never holds the reply.
email-child-subject = Masz odpowiedź od Have Your Say
email-child-body = Ktoś z { $authority } odpowiedział na twoją wiadomość. Żeby przeczytać odpowiedź, otwórz link poniżej i wpisz swój numer sprawy i tajne słowa.
email-child-link = Przeczytaj odpowiedź
email-child-footer = Jeśli coś ci grozi, zadzwoń pod 999 albo do Childline pod numer 0800 1111.

# Shown calmly when something a child wrote sounds like they may not be safe.
safety-title = Wygląda na to, że może być ci teraz naprawdę ciężko
safety-text = To dobrze, że nam o tym mówisz.
safety-carry-on = Gdy wyślesz wiadomość, od razu trafi do zespołu dyżurnego w { $authority } i ktoś przeczyta ją dzisiaj. Możesz kontynuować, kiedy zechcesz.
safety-added-duty-team = Właśnie przekazaliśmy twoją wiadomość zespołowi dyżurnemu w { $authority }. Ktoś przeczyta ją dzisiaj.

footer-privacy = Kto widzi to, co nam mówisz
footer-track = Sprawdź wiadomość
footer-staying-safe = Bezpieczeństwo w internecie
privacy-just-in-time = Kto może to zobaczyć? Przeczytaj, jak dbamy o prywatność.

# Coming back to a message you sent.
track-title = Sprawdź swoją wiadomość
track-intro = Wpisz numer sprawy i tajne słowa, które pokazaliśmy ci po wysłaniu wiadomości albo gdy wybrałeś lub wybrałaś „Dokończ później”.
track-reference = Twój numer sprawy
track-reference-hint = Wygląda tak: HYS-7K4P-Q2MX.
track-secret = Twoje tajne słowa
track-secret-hint = Cztery słowa i liczba, na przykład: kot piłka chmura zielony 472
track-button = Pokaż
track-no-match = Te dane się nie zgadzają. Sprawdź numer sprawy i tajne słowa i spróbuj jeszcze raz.
track-throttled = Było za dużo prób. Poczekaj godzinę i spróbuj jeszcze raz albo do nas zadzwoń.
track-resume-link = Wiadomość nie jest jeszcze wysłana. Chcę ją dokończyć.
track-case-title = Twoja wiadomość
track-status-received = Mamy twoją wiadomość. Ktoś niedługo się nią zajmie.
track-status-looking = Ktoś się nią teraz zajmuje.
track-status-replied = Odpowiedzieliśmy. Odpowiedź jest poniżej.
track-status-paused = Rozmawiamy o tym razem, żeby wszystko wyjaśnić.
track-status-closed = Skończyliśmy się tym zajmować. Jeśli coś ci się nie podoba, możesz nam o tym napisać poniżej.
track-due = Odpowiemy najpóźniej: { $date }.
track-messages = Wiadomości
track-no-messages = Nie ma jeszcze wiadomości.
track-speaker-staff = { $authority }
track-add = Chcesz nam powiedzieć coś jeszcze?
track-add-button = Wyślij
track-too-long = Skróć to, proszę. Możesz napisać najwyżej 5000 znaków.
track-who-sees-title = Kto może to zobaczyć?
track-who-sees = Osoby, które zajmują się twoją wiadomością, widzą ją i to, co tu dopiszesz. Nie widzą twoich tajnych słów ani niczego innego w twoim telefonie.

# Finish later.
later-button = Dokończ później
later-title = Możesz dokończyć później
later-your-code = Twój numer sprawy:
later-your-secret = Twoje tajne słowa:
later-until = Zachowamy twoje odpowiedzi do tego dnia: { $date }. Potem zostaną usunięte.
later-how = Żeby pisać dalej, wejdź w „Sprawdź wiadomość” i wpisz numer sprawy i tajne słowa. Możesz użyć dowolnego telefonu albo komputera. Po wysłaniu wiadomości zostają takie same, więc wystarczy, że zachowasz tylko je.
later-carry-on = Pisz dalej teraz
later-leave = Na razie wyjdź
resume-title = Dokończ swoją wiadomość
resume-code = Twój kod
resume-button = Pisz dalej
resume-no-match = Te dane się nie zgadzają albo twoja wiadomość została usunięta po kilku dniach. Sprawdź je i spróbuj jeszcze raz albo zacznij od nowa.
language-picker = Wybierz swój język
read-aloud = 🔊 Przeczytaj mi to

honeypot-label = Zostaw to pole puste

chat-no-signal = Brak zasięgu — spróbujemy jeszcze raz. Twoja odpowiedź nadal tu jest.
start-carry-on = Wróć do swojej rozmowy
start-again-button = Zacznij od nowa

done-next-no-contact = Prosisz, żebyśmy się z tobą nie kontaktowali, więc tego nie zrobimy. W każdej chwili możesz sprawdzić swoją wiadomość, używając numeru sprawy i tajnych słów.
done-next-advocate = Rzecznik skontaktuje się z tobą najpóźniej: { $date }. Rzecznik jest po twojej stronie i pomaga ci powiedzieć, czego chcesz.
done-next-advocate-call = Prosisz o rzecznika. Prosisz też, żebyśmy się z tobą nie kontaktowali, więc zadzwoń do nas pod numer { $help_phone }, kiedy zechcesz porozmawiać z rzecznikiem.

keep-write-down = Zapisz je teraz albo zrób zrzut ekranu.
keep-copy-button = Skopiuj je
keep-copied = Skopiowano. Wklej je w miejscu, które widzisz tylko ty.
keep-email-explain = Możemy wysłać twój numer sprawy i tajne słowa na adres e-mail, który nam podałeś lub podałaś. Wyślemy je jeden raz.
keep-email-button = Wyślij mi je e-mailem
keep-email-sent = Gotowe. Wysyłamy twój numer sprawy i tajne słowa na adres e-mail, który nam podałeś lub podałaś. Sprawdź skrzynkę i zapisz je też, na wypadek gdyby e-mail nie dotarł.
keep-email-subject = Twój numer sprawy w Have Your Say
keep-email-intro = Poprosiłeś lub poprosiłaś nas o wysłanie e-mailem twojego numeru sprawy i tajnych słów. Potrzebujesz obu, żeby zobaczyć, co dzieje się z twoją wiadomością.
keep-email-private = Nie pokazuj nikomu tego e-maila. Każdy, kto ma twój numer sprawy i tajne słowa, może przeczytać twoje wiadomości.
keep-email-reference = Numer sprawy
keep-email-words = Tajne słowa
keep-email-link = Zobacz, co się dzieje

progress-left = { $count ->
    [one] To ostatnie pytanie
    [few] Jeszcze { $count } pytania
   *[other] Jeszcze { $count } pytań
}

## Tracking: what was sent, and once a complaint is closed, what was decided and what comes next
track-due-here = Naszą odpowiedź umieścimy tutaj najpóźniej: { $date }.
track-sent-title = Twoja wiadomość do nas
track-sent-facts = { $kind }, temat: { $topic }. Wysłano: { $date }.
track-sent-facts-no-topic = { $kind }. Wysłano: { $date }.
track-sent-date = Wysłano: { $date }.
track-sent-show = Pokaż, co zostało wysłane
track-outcome-title = Co postanowiliśmy
track-outcome-upheld = Zgadzamy się z twoją skargą i naprawiamy to, co poszło źle.
track-outcome-partly_upheld = Zgadzamy się z częścią twojej skargi.
track-outcome-not_upheld = Dokładnie to sprawdziliśmy i nie zgadzamy się z twoją skargą.
track-outcome-withdrawn = Poproszono nas, żebyśmy przestali zajmować się twoją skargą.
track-outcome-outside_jurisdiction = Tej sprawy nie możemy rozpatrzyć w naszej procedurze skarg.
track-outcome-inconclusive = Nie udało nam się ustalić na pewno, co się stało.
track-next-stage = Jeśli nasza odpowiedź ci nie odpowiada, możesz poprosić o Etap { $stage } skargi. Zrób to najpóźniej: { $date }. Napisz o tym w polu poniżej.
track-next-formal = Jeśli coś nadal ci nie odpowiada, możesz złożyć formalną skargę. Napisz o tym w polu poniżej.
track-next-ombudsman = Jeśli coś nadal ci nie odpowiada, możesz poprosić Rzecznika ds. Samorządu Lokalnego i Opieki Społecznej (Ombudsman) o sprawdzenie sprawy. To nic nie kosztuje, a Rzecznik nie jest częścią rady.
track-ombudsman-call = Zadzwoń do Rzecznika: 0300 061 0614
track-next-advocate = Rzecznik może ci w tym pomóc za darmo. Poproś nas o niego.

## The guide who asks the questions (a name only; the drawing beside it is decorative)
guide-name = Sky
