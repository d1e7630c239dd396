# Translation status: machine-drafted, needs review by a professional translator before use with children.
# Category labels from en-GB staff.ftl, also shown as options in the adults' flow ("chi" register).

label-category-social_worker = Gweithiwr cymdeithasol neu gynghorydd personol
label-category-where_i_live = Lle maen nhw'n byw (lleoliad)
label-category-seeing_family = Gweld teulu (cyswllt)
label-category-money = Arian a lwfansau
label-category-leaving_care = Gadael gofal
label-category-school = Ysgol neu goleg
label-category-health = Iechyd
label-category-how_treated = Sut cawson nhw eu trin
label-category-something_else = Rhywbeth arall
