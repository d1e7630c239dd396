# Translation status: machine-drafted, needs review by a professional translator before use with children.
# The conversation for adults on a child's behalf: plain, polite Polish (impersonal forms and
# "Państwo", as Polish public services write).

adult-intro = Dziękujemy za pomoc dziecku lub młodej osobie w przekazaniu swojego zdania. Najpierw zapytamy o Państwa, a potem o dziecko lub młodą osobę.
ask-adult-role = Która odpowiedź najlepiej Państwa opisuje?
adult-role-advocate = Rzecznik z organizacji zajmującej się rzecznictwem
adult-role-professional = Inny specjalista (na przykład nauczyciel lub pielęgniarka)
adult-role-family-member = Członek rodziny
adult-role-other = Inna osoba, której zależy na dobru dziecka
adult-role-parent = Rodzic
adult-role-parental-responsibility = Osoba, której przysługuje odpowiedzialność rodzicielska
adult-role-foster-carer = Rodzic zastępczy
adult-role-special-guardian = Opiekun specjalny ustanowiony przez sąd
ask-adult-name = Proszę podać swoje imię i nazwisko.
ask-adult-organisation = Organizacja, w której Państwo pracują (jeśli dotyczy)
adult-about-child = Teraz kilka pytań o dziecko lub młodą osobę.
ask-child-first-name = Jak ma na imię dziecko lub młoda osoba?
ask-child-age = Ile lat ma dziecko lub młoda osoba?
ask-child-knows = Czy dziecko lub młoda osoba wie, że Państwo nam o tym mówią?
ask-child-agrees = Czy zgadza się, żeby Państwo nam o tym powiedzieli?
child-knows-yes = Tak
child-knows-no = Nie
child-knows-too-young = Dziecko jest za małe, żeby się wypowiedzieć
child-knows-dont-know = Nie wiem
ask-child-has-advocate = Czy dziecko lub młoda osoba ma już rzecznika?
ask-about-adult = Czego to dotyczy?
ask-what-happened-adult = Co się stało? Prosimy podać daty i osoby, których to dotyczyło, jeśli są znane.
ask-what-was-good-adult = Co było dobre? Prosimy napisać, kogo to dotyczy, jeśli to możliwe.
ask-what-to-say-adult = Co chcą nam Państwo przekazać?
ask-child-words = Czy znają Państwo słowa samego dziecka? Można je tu wpisać.
ask-what-would-help-adult = Co według dziecka lub młodej osoby powinno się wydarzyć?
ask-advocate-adult = Czy dziecko lub młoda osoba chce mieć rzecznika?
advocate-help-adult = Samorząd musi zapewnić niezależnego rzecznika dziecku, które składa skargę lub chce ją złożyć (ustawa o dzieciach z 1989 r., art. 26A). Rzecznik pomaga dziecku powiedzieć, co myśli, i dba o to, żeby zostało wysłuchane.
    .summary = Na czym polega rzecznictwo
advocate-not-sure-adult = Nie wiem: proszę przekazać dziecku informacje o rzeczniku
ask-adult-contact = Jak możemy się z Państwem skontaktować?
adult-contact-phone = Telefonicznie
adult-contact-email = E-mailem
ask-adult-phone = Na jaki numer telefonu możemy dzwonić?
ask-adult-email = Na jaki adres e-mail możemy pisać?
