# Translation status: machine-drafted, needs review by a professional translator before use with children.
# Category labels from en-GB staff.ftl, also shown as options in the adults' flow.

label-category-social_worker = Pracownik socjalny lub doradca osobisty
label-category-where_i_live = Miejsce zamieszkania (rodzina zastępcza lub placówka)
label-category-seeing_family = Kontakty z rodziną
label-category-money = Pieniądze i świadczenia
label-category-leaving_care = Usamodzielnienie (wyjście z opieki)
label-category-school = Szkoła
label-category-health = Zdrowie
label-category-how_treated = Sposób traktowania
label-category-something_else = Inne
