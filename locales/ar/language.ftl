# The language's own name, for the language picker.
language-name = العربية
