# Translation status: machine-drafted, needs review by a professional translator before use with children.
# The accessibility statement (public sector bodies must publish one). "ty" forms, like the
# children's pages it is linked from.
accessibility-title = Deklaracja dostępności
accessibility-intro = { $authority } chce, żeby jak najwięcej osób mogło korzystać z Have Your Say. Możesz zmieniać kolory i wielkość tekstu, powiększać stronę do 400% tak, żeby tekst nie wychodził poza ekran, obsługiwać ją tylko klawiaturą albo przełącznikiem i korzystać z niej z czytnikiem ekranu.
accessibility-how-title = Jak zadbaliśmy o dostępność
accessibility-how = Każda strona działa bez JavaScriptu. Każde pytanie ma własny nagłówek, wszystkie przyciski są duże, informacje nie są pokazywane tylko kolorem, a animacje się zatrzymują, jeśli twoje urządzenie prosi o mniej ruchu. Możesz poprosić o przeczytanie pytań na głos i wybrać jeden z kilku języków.
accessibility-known-title = Co jeszcze nie działa idealnie
accessibility-known = Niektóre tłumaczenia nie zostały jeszcze sprawdzone przez profesjonalnego tłumacza. Przycisk „Przeczytaj mi to” działa tylko wtedy, gdy twoja przeglądarka potrafi mówić.
accessibility-contact-title = Jeśli masz problem
accessibility-contact = Zadzwoń do { $authority } pod numer { $help_phone } albo poproś kogoś, komu ufasz, żeby skontaktował się z nami za ciebie. Jeśli nasza odpowiedź ci nie wystarcza, skontaktuj się ze Służbą Doradztwa i Wsparcia ds. Równości (EASS).
accessibility-status-title = W jakim stopniu strona spełnia standard
accessibility-status = Have Your Say ma spełniać Wytyczne dotyczące dostępności treści internetowych (WCAG) w wersji 2.2 na poziomie AA. Każda strona jest automatycznie testowana narzędziem axe-core przy każdej zmianie.
footer-accessibility = Dostępność
