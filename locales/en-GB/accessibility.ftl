# The accessibility statement (public sector bodies must publish one).
accessibility-title = Accessibility statement
accessibility-intro = { $authority } wants as many people as possible to be able to use Have Your Say. You should be able to change colours and text size, zoom in up to 400% without the text spilling off the screen, use it with only a keyboard or a switch, and use it with a screen reader.
accessibility-how-title = How we made it accessible
accessibility-how = Every page works without JavaScript. Each question has its own heading, every button is large, colours are not the only way information is shown, and animations stop if your device asks for less motion. You can ask for the questions to be read out, and choose from several languages.
accessibility-known-title = What we know is not perfect yet
accessibility-known = Some translations have not yet been checked by a professional translator. The "Read it to me" button only works where your browser can speak.
accessibility-contact-title = If you have a problem
accessibility-contact = Call { $authority } on { $help_phone }, or ask someone you trust to contact us for you. If you are not happy with our reply, contact the Equality Advisory and Support Service (EASS).
accessibility-status-title = How well it meets the standard
accessibility-status = Have Your Say aims to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 to level AA. Each page is tested automatically with axe-core on every change.
footer-accessibility = Accessibility
