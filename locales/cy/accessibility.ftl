# Translation status: machine-drafted, needs review by a professional translator before use with children.
# The accessibility statement (public sector bodies must publish one). "ti" forms, like the
# children's pages it is linked from.
accessibility-title = Datganiad hygyrchedd
accessibility-intro = Mae { $authority } eisiau i gymaint o bobl â phosib allu defnyddio Have Your Say. Dylet ti allu newid lliwiau a maint y testun, chwyddo hyd at 400% heb i'r testun fynd oddi ar y sgrin, ei ddefnyddio gyda bysellfwrdd neu switsh yn unig, a'i ddefnyddio gyda darllenydd sgrin.
accessibility-how-title = Sut gwnaethon ni ei wneud yn hygyrch
accessibility-how = Mae pob tudalen yn gweithio heb JavaScript. Mae gan bob cwestiwn ei bennawd ei hun, mae pob botwm yn fawr, nid lliwiau yw'r unig ffordd o ddangos gwybodaeth, ac mae animeiddiadau'n stopio os yw dy ddyfais yn gofyn am lai o symud. Gelli di ofyn i'r cwestiynau gael eu darllen yn uchel, a dewis o sawl iaith.
accessibility-known-title = Beth sydd ddim yn berffaith eto
accessibility-known = Dydy rhai cyfieithiadau ddim wedi cael eu gwirio gan gyfieithydd proffesiynol eto. Dim ond os gall dy borwr siarad y mae'r botwm "Darllena fe i fi" yn gweithio.
accessibility-contact-title = Os oes gen ti broblem
accessibility-contact = Ffonia { $authority } ar { $help_phone }, neu gofynna i rywun rwyt ti'n ymddiried ynddyn nhw gysylltu â ni ar dy ran. Os nad wyt ti'n hapus gyda'n hateb, cysyllta â'r Gwasanaeth Cynghori a Chymorth Cydraddoldeb (EASS).
accessibility-status-title = Pa mor dda mae'n bodloni'r safon
accessibility-status = Nod Have Your Say yw bodloni Canllawiau Hygyrchedd Cynnwys y We (WCAG) fersiwn 2.2 i lefel AA. Mae pob tudalen yn cael ei phrofi'n awtomatig gydag axe-core bob tro mae rhywbeth yn newid.
footer-accessibility = Hygyrchedd
