# Translation status: machine-drafted, needs review by a professional translator before use with children.
# The accessibility statement (public sector bodies must publish one). Technical and official names
# (WCAG, axe-core, EASS) stay in English.
accessibility-title = رسائی کا بیان
accessibility-intro = { $authority } چاہتا ہے کہ زیادہ سے زیادہ لوگ Have Your Say استعمال کر سکیں۔ آپ رنگ اور تحریر کا سائز بدل سکیں، تحریر کو اسکرین سے باہر نکلے بغیر 400% تک زوم کر سکیں، اسے صرف کی بورڈ یا سوئچ سے استعمال کر سکیں، اور اسکرین ریڈر کے ساتھ استعمال کر سکیں۔
accessibility-how-title = ہم نے اسے سب کے لیے آسان کیسے بنایا
accessibility-how = ہر صفحہ JavaScript کے بغیر کام کرتا ہے۔ ہر سوال کی اپنی سرخی ہے، ہر بٹن بڑا ہے، معلومات دکھانے کا واحد طریقہ رنگ نہیں ہیں، اور اگر آپ کا آلہ کم حرکت مانگے تو اینیمیشن رک جاتی ہیں۔ آپ سوالات کو پڑھ کر سنانے کا کہہ سکتے ہیں، اور کئی زبانوں میں سے چن سکتے ہیں۔
accessibility-known-title = ہم جانتے ہیں کہ یہ ابھی مکمل نہیں
accessibility-known = کچھ ترجمے ابھی کسی پیشہ ور مترجم نے چیک نہیں کیے۔ "مجھے پڑھ کر سنائیں" کا بٹن صرف وہاں کام کرتا ہے جہاں آپ کا براؤزر بول سکتا ہو۔
accessibility-contact-title = اگر آپ کو کوئی مسئلہ ہو
accessibility-contact = { $authority } ({ $help_phone }) کو فون کریں، یا کسی ایسے شخص سے کہیں جس پر آپ بھروسہ کرتے ہیں کہ وہ آپ کی طرف سے ہم سے رابطہ کرے۔ اگر آپ ہمارے جواب سے مطمئن نہیں ہیں تو Equality Advisory and Support Service (EASS) سے رابطہ کریں۔
accessibility-status-title = یہ معیار پر کتنا پورا اترتا ہے
accessibility-status = Have Your Say کا مقصد Web Content Accessibility Guidelines (WCAG) ورژن 2.2 کے لیول AA پر پورا اترنا ہے۔ ہر تبدیلی پر ہر صفحے کو axe-core سے خودکار طور پر ٹیسٹ کیا جاتا ہے۔
footer-accessibility = رسائی
