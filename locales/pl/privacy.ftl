# Translation status: machine-drafted, needs review by a professional translator before use with children.
# Privacy and staying safe online. Children's pages at a 9-year-old reading age ("ty" forms); the
# adults' page in plain, polite Polish (impersonal forms and "Państwo", as Polish public bodies use).

privacy-child-title = Kto widzi to, co nam mówisz
privacy-child-intro = To, co nam mówisz, jest prywatne. Oto, co się z tym dzieje.
privacy-child-who-title = Kto może to zobaczyć
privacy-child-who = Czyta to osoba, która w { $authority } dba o prawa dzieci. Może to pokazać osobom, które mogą pomóc, na przykład szefowi twojego pracownika socjalnego. Jeśli poprosisz o rzecznika, rzecznik też to zobaczy.
privacy-child-who-not = Nie mówimy o tym twoim opiekunom ani twojej rodzinie, chyba że musimy zadbać o bezpieczeństwo twoje albo kogoś innego.
privacy-child-why-title = Dlaczego to przechowujemy
privacy-child-why = Przechowujemy to, żeby zająć się tym, o czym nam mówisz, odpowiedzieć ci i sprawić, żeby innym młodym ludziom było lepiej.
privacy-child-safe = Jeśli powiesz nam coś, co oznacza, że tobie albo komuś innemu coś grozi, musimy o tym powiedzieć osobom, które mogą pomóc. Najpierw spróbujemy porozmawiać z tobą.
privacy-child-keep-title = Jak długo to przechowujemy
privacy-child-keep = Jeśli tego nie wyślesz, usuniemy to po kilku dniach. Jeśli to wyślesz, przechowamy to przez 6 lat od zakończenia sprawy. Potem usuniemy twoje imię i twoje słowa.
privacy-child-rights-title = Jak to zobaczyć albo usunąć
privacy-child-rights = Możesz poprosić, żebyśmy pokazali ci, co o tobie przechowujemy. Możesz poprosić, żebyśmy poprawili coś, co jest nie tak, albo to usunęli.
privacy-child-ask = Żeby o to poprosić, zadzwoń do { $authority } pod numer { $help_phone } albo poproś swojego rzecznika lub pracownika, któremu ufasz, żeby zrobił to za ciebie.

privacy-adult-title = Informacja o ochronie prywatności dla osób dorosłych korzystających z Have Your Say
privacy-adult-intro = Administratorem danych przesyłanych przez Have Your Say jest { $authority }. Ta informacja wyjaśnia, jak wykorzystujemy te dane.
privacy-adult-data-title = Jakie dane zbieramy
privacy-adult-data = Informacje przekazane nam na temat zgłaszanego problemu, pochwały lub uwagi; kim jest osoba zgłaszająca i jaki ma związek z dzieckiem; imię i wiek dziecka; oraz dane kontaktowe. Nie zbieramy więcej danych, niż potrzebujemy, żeby odpowiedzieć.
privacy-adult-basis-title = Podstawa prawna
privacy-adult-basis = Przetwarzamy te dane w celu wykonania zadania realizowanego w interesie publicznym: procedury rozpatrywania skarg i wniosków na podstawie art. 26 brytyjskiej ustawy o dzieciach z 1989 r. oraz rozporządzenia z 2006 r. w sprawie tej procedury w Anglii. Informacje o zdrowiu oraz informacje, które mogą wskazywać na zagrożenie bezpieczeństwa dziecka, należą do szczególnych kategorii danych. Przetwarzamy je ze względu na ważny interes publiczny (ochrona dzieci i osób narażonych na krzywdę).
privacy-adult-sharing-title = Komu udostępniamy dane
privacy-adult-sharing = Pracownikowi odpowiedzialnemu za prawa dzieci i kierownikom odpowiedzialnym za usługę, której dotyczy skarga; organizacji, która na zlecenie samorządu zapewnia rzeczników, jeśli ktoś poprosi o rzecznika; a jeśli dziecku może coś grozić – zespołowi ds. ochrony dzieci w samorządzie i instytucjom partnerskim. Nigdy nie sprzedajemy tych danych ani nie wykorzystujemy ich do celów marketingowych.
privacy-adult-keep-title = Jak długo przechowujemy dane
privacy-adult-keep = Niewysłane rozmowy są usuwane po kilku dniach. Sprawy są przechowywane przez 6 lat od ich zamknięcia. Potem dane osobowe są usuwane, a zachowujemy tylko anonimowe dane liczbowe do raportu rocznego.
privacy-adult-rights-title = Przysługujące prawa
privacy-adult-rights = Można poprosić o kopię swoich danych, o ich poprawienie lub – jeśli pozwala na to prawo – o ich usunięcie. Można też złożyć skargę do brytyjskiego organu ochrony danych, Biura Komisarza ds. Informacji (ICO). Kontakt: { $authority }, tel. { $help_phone }.

online-title = Bezpieczeństwo w internecie
online-intro = Jeśli ktoś inny korzysta z twojego telefonu albo komputera, te wskazówki pomogą ci zachować w tajemnicy to, co tu robisz.
online-exit-title = Wyjdź z tej strony
online-exit = Na górze każdej strony naciśnij „Wyjdź z tej strony”. Strona od razu zmieni się w stronę z pogodą, a twoje odpowiedzi zostaną usunięte, jeśli nie były jeszcze wysłane.
online-shift = Na komputerze możesz też trzy razy nacisnąć klawisz Shift.
online-private-title = Użyj okna prywatnego
online-private = Okno prywatne (incognito) nie zapisuje historii odwiedzanych stron. Znajdziesz je w menu przeglądarki.
online-history-title = Czyszczenie historii
online-history = Wyjście z tej strony nie czyści historii przeglądarki. Możesz usunąć tę stronę z historii w ustawieniach przeglądarki. Usuń tylko te strony, które musisz, bo zupełnie pusta historia może wyglądać dziwnie.
online-back = Na większości telefonów cała rozmowa to tylko jedna strona w historii, a przycisk Opuść tę stronę zamienia ją na stronę z pogodą, więc przycisk Wstecz nie przywróci tej strony. Jeśli twoja przeglądarka nie uruchamia skryptów, każde pytanie jest osobną stroną w historii (bez twoich odpowiedzi): usuń te strony w ustawieniach przeglądarki.
online-help-title = Jeśli potrzebujesz pomocy teraz
online-help = Jeśli coś ci grozi, zadzwoń pod 999. Możesz też za darmo zadzwonić do Childline pod numer 0800 1111.
