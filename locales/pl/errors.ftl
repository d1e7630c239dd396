# Translation status: machine-drafted, needs review by a professional translator before use with children.
# Kind messages when something is not right ("ty" forms). Never blame the person.

error-summary-title = Jest problem
error-prefix = Błąd:
error-start-again = Zacznij od nowa
error-title = Przepraszamy, coś poszło nie tak
error-not-found-title = Nie możemy znaleźć tej strony
error-not-found = Może ta strona jest teraz gdzie indziej. Możesz zacząć od początku.
error-expired-title = Twoja rozmowa się skończyła
error-expired = Tak się dzieje, jeśli przez dłuższy czas nic się nie działo albo został naciśnięty przycisk „Wyjdź z tej strony”. Żadna z twoich odpowiedzi nie została wysłana. Możesz zacząć od nowa.
error-bad-text = Nie udało nam się odczytać tego, co zostało wysłane. Spróbuj jeszcze raz.
error-bad-request = Nie udało nam się odczytać tego, co zostało wysłane. Wróć i spróbuj jeszcze raz.
error-too-large = To było za dużo naraz. Skróć to, proszę.
error-media-type = Nie udało nam się odczytać tego, co zostało wysłane. Wróć i spróbuj jeszcze raz.
error-internal = To nie twoja wina. Spróbuj jeszcze raz za minutę. Jeśli coś ci grozi, zadzwoń pod 999 albo do Childline pod numer 0800 1111.
error-not-current-step = Rozmowa poszła już dalej. Oto miejsce, w którym teraz jesteś.

error-choose-one = Wybierz, proszę, jedną odpowiedź.
error-consent = Zaznacz, proszę, pole, żeby pokazać, że się zgadzasz.
error-choose-from-list = Wybierz, proszę, coś z listy.
error-choose-at-least-one = Wybierz, proszę, co najmniej jedną odpowiedź.
error-choose-at-most = Wybierz, proszę, najwyżej { $max ->
        [one] { $max } odpowiedź
        [few] { $max } odpowiedzi
        [many] { $max } odpowiedzi
       *[other] { $max } odpowiedzi
    }.
error-type-something = Napisz tu coś, proszę.
error-too-long = Skróć to, proszę. Możesz napisać najwyżej { $max ->
        [one] { $max } znak
        [few] { $max } znaki
        [many] { $max } znaków
       *[other] { $max } znaku
    }.
error-too-short = Napisz, proszę, trochę więcej: co najmniej { $min ->
        [one] { $min } znak
        [few] { $min } znaki
        [many] { $min } znaków
       *[other] { $min } znaku
    }.
error-email-missing = Wpisz, proszę, swój adres e-mail.
error-email = Sprawdź, proszę, swój adres e-mail. Powinien wyglądać tak: imie@example.com.
error-phone-missing = Wpisz, proszę, swój numer telefonu.
error-phone = Sprawdź, proszę, swój numer telefonu. Powinien wyglądać tak: 07700 900123.
error-number = Wpisz, proszę, liczbę od { $min } do { $max }.
error-forbidden = Ten formularz wygasł albo pochodzi z innego miejsca. Wróć, odśwież stronę i spróbuj jeszcze raz.
