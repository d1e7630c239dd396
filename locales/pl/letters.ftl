# Translation status: machine-drafted, needs review by a professional translator before use with children.
# Letters to the person who raised a case (see en-GB/letters.ftl for the placeholders).

letter-greeting = Drogi/Droga { $name },
letter-greeting-unnamed = Dzień dobry,
letter-sign-off = Z pozdrowieniami,
    Zespół Praw Dziecka, { $authority }
letter-acknowledgement-subject = Mamy twoją wiadomość
letter-acknowledgement = Dziękujemy, że nam napisałeś/napisałaś. Dostaliśmy twoją wiadomość { $received }, a twój numer sprawy to { $reference }. Ktoś już się nią zajmuje i odpowiemy do { $due }. Jeśli potrzebujesz pomocy wcześniej, zadzwoń do nas: { $help_phone }.
letter-stage1_response = To jest nasza odpowiedź na twoją skargę { $reference }, którą dostaliśmy { $received }.

    Czego się dowiedzieliśmy i co zrobimy: [wpisz tutaj.]

    Jeśli ta odpowiedź cię nie zadowala, możesz poprosić, żeby twoją skargę sprawdziła niezależna osoba (Etap 2). Poproś nas do { $next_stage_by }. Możemy ci w tym pomóc, rzecznik (advocate) też może pomóc.
letter-extension = Nadal zajmujemy się twoją skargą { $reference }. Trwa to dłużej, niż myśleliśmy, ponieważ [napisz dlaczego]. Odpowiemy teraz do { $due }. Przepraszamy, że musisz czekać.
letter-closing = Skończyliśmy sprawdzać twoją skargę { $reference }.

    Jeśli nie zgadzasz się z naszą decyzją, możesz poprosić o niezależne dochodzenie (Etap 2 procedury skarg). Poproś nas do { $next_stage_by }, czyli 20 dni roboczych po naszej odpowiedzi. Możemy ci w tym pomóc, rzecznik (advocate) też może pomóc.

    Możesz też poprosić Rzecznika ds. Samorządu Lokalnego i Opieki Społecznej (Local Government and Social Care Ombudsman) o sprawdzenie twojej skargi: { $ombudsman }.
