# Translation status: machine-drafted, needs review by a professional translator before use with children.
# The conversation for adults on a child's behalf: plain, polite Urdu. UK legal roles keep the
# English term in brackets so the adult can match it to their status. "advocate" is حمایتی here:
# ایڈووکیٹ would be read as "lawyer".

adult-intro = کسی بچے یا نوجوان کو اپنی بات کہنے میں مدد دینے کا شکریہ۔ ہم پہلے آپ کے بارے میں پوچھیں گے، پھر ان کے بارے میں۔
ask-adult-role = ان میں سے کون سا آپ کو سب سے بہتر بیان کرتا ہے؟
adult-role-advocate = کسی ایڈووکیسی سروس کا حمایتی (advocate)
adult-role-professional = کوئی اور پیشہ ور (مثلاً استاد یا نرس)
adult-role-family-member = خاندان کا کوئی فرد
adult-role-other = کوئی اور شخص جسے بچے کی بہبود سے دلچسپی ہو
adult-role-parent = والد یا والدہ
adult-role-parental-responsibility = کوئی شخص جس کے پاس والدین کی ذمہ داری (parental responsibility) ہو
adult-role-foster-carer = فوسٹر کیئرر (foster carer)
adult-role-special-guardian = خصوصی سرپرست (special guardian)
ask-adult-name = آپ کا نام کیا ہے؟
ask-adult-organisation = آپ کا ادارہ، اگر آپ کسی ادارے کے لیے کام کرتے ہیں
adult-about-child = اب بچے یا نوجوان کے بارے میں۔
ask-child-first-name = بچے یا نوجوان کا پہلا نام کیا ہے؟
ask-child-age = ان کی عمر کتنی ہے؟
ask-child-knows = کیا بچہ یا نوجوان جانتا ہے کہ آپ ہمیں اس بارے میں بتا رہے ہیں؟
ask-child-agrees = کیا وہ اس بات سے متفق ہے کہ آپ ہمیں بتائیں؟
child-knows-yes = ہاں
child-knows-no = نہیں
child-knows-too-young = وہ بتانے کے لیے بہت چھوٹے ہیں
child-knows-dont-know = مجھے نہیں معلوم
ask-child-has-advocate = کیا ان کا پہلے سے کوئی حمایتی (advocate) ہے؟
ask-about-adult = یہ کس بارے میں ہے؟
ask-what-happened-adult = کیا ہوا؟ اگر آپ کو معلوم ہو تو براہ مہربانی تاریخیں اور اس میں شامل لوگوں کے بارے میں لکھیں۔
ask-what-was-good-adult = کیا اچھا تھا؟ اگر ممکن ہو تو براہ مہربانی بتائیں کہ یہ کس کے بارے میں تھا۔
ask-what-to-say-adult = آپ ہمیں کیا بتانا چاہیں گے؟
ask-child-words = کیا آپ کے پاس بچے کے اپنے الفاظ ہیں؟ آپ انہیں یہاں لکھ سکتے ہیں۔
ask-what-would-help-adult = بچہ یا نوجوان کیا چاہتا ہے کہ کیا ہو؟
ask-advocate-adult = کیا بچہ یا نوجوان حمایتی (advocate) چاہے گا؟
advocate-help-adult = کونسل پر لازم ہے کہ جو بچہ شکایت کرتا ہے یا کرنا چاہتا ہے، اسے ایک آزاد حمایتی (advocate) کی پیشکش کرے (Children Act 1989، سیکشن 26A)۔ حمایتی بچے کو اپنی بات کہنے میں مدد دیتے ہیں اور یقینی بناتے ہیں کہ اس کی بات سنی جائے۔
    .summary = ایڈووکیسی (advocacy) کے بارے میں
advocate-not-sure-adult = یقین نہیں: براہ مہربانی انہیں اس کے بارے میں بتائیں
ask-adult-contact = ہم آپ سے کیسے رابطہ کریں؟
adult-contact-phone = فون کے ذریعے
adult-contact-email = ای میل کے ذریعے
ask-adult-phone = آپ کا فون نمبر کیا ہے؟
ask-adult-email = آپ کا ای میل ایڈریس کیا ہے؟
