# Translation status: machine-drafted, needs review by a professional translator before use with children.
# Kind messages when something is not right. Never blame the person.
# Plurals use Urdu CLDR categories: one, other.

error-summary-title = ایک مسئلہ ہے
error-prefix = خرابی:
error-start-again = دوبارہ شروع کریں
error-title = معاف کیجیے، کچھ گڑبڑ ہو گئی
error-not-found-title = ہمیں یہ صفحہ نہیں مل رہا
error-not-found = ہو سکتا ہے یہ صفحہ کہیں اور چلا گیا ہو۔ آپ شروع سے دوبارہ شروع کر سکتے ہیں۔
error-expired-title = آپ کی بات چیت ختم ہو گئی ہے
error-expired = ایسا تب ہو سکتا ہے جب آپ نے اسے کچھ دیر کے لیے چھوڑ دیا ہو یا "یہ صفحہ چھوڑیں" دبایا ہو۔ آپ نے جو لکھا تھا اس میں سے کچھ بھی نہیں بھیجا گیا۔ آپ دوبارہ شروع کر سکتے ہیں۔
error-bad-text = جو بھیجا گیا ہم اسے پڑھ نہیں سکے۔ براہ مہربانی دوبارہ کوشش کریں۔
error-bad-request = جو بھیجا گیا ہم اسے پڑھ نہیں سکے۔ براہ مہربانی واپس جائیں اور دوبارہ کوشش کریں۔
error-too-large = ایک ساتھ بھیجنے کے لیے یہ بہت زیادہ تھا۔ براہ مہربانی اسے چھوٹا کریں۔
error-media-type = جو بھیجا گیا ہم اسے پڑھ نہیں سکے۔ براہ مہربانی واپس جائیں اور دوبارہ کوشش کریں۔
error-internal = یہ آپ کی غلطی نہیں ہے۔ براہ مہربانی ایک منٹ بعد دوبارہ کوشش کریں۔ اگر آپ محفوظ نہیں ہیں تو 999 پر یا Childline (0800 1111) پر فون کریں۔
error-not-current-step = یہ سوال پیچھے رہ گیا ہے۔ آپ اب یہاں ہیں۔

error-choose-one = براہ مہربانی ایک جواب چنیں۔
error-consent = براہ مہربانی خانے پر نشان لگا کر بتائیں کہ آپ متفق ہیں۔
error-choose-from-list = براہ مہربانی فہرست میں سے چنیں۔
error-choose-at-least-one = براہ مہربانی کم از کم ایک چنیں۔
error-choose-at-most =
    { $max ->
        [one] براہ مہربانی صرف { $max } جواب چنیں۔
       *[other] براہ مہربانی { $max } سے زیادہ جواب نہ چنیں۔
    }
error-type-something = براہ مہربانی یہاں کچھ لکھیں۔
error-too-long =
    { $max ->
        [one] براہ مہربانی اسے چھوٹا کریں۔ آپ زیادہ سے زیادہ { $max } حرف لکھ سکتے ہیں۔
       *[other] براہ مہربانی اسے چھوٹا کریں۔ آپ زیادہ سے زیادہ { $max } حروف لکھ سکتے ہیں۔
    }
error-too-short =
    { $min ->
        [one] براہ مہربانی تھوڑا اور لکھیں: کم از کم { $min } حرف۔
       *[other] براہ مہربانی تھوڑا اور لکھیں: کم از کم { $min } حروف۔
    }
error-email-missing = براہ مہربانی اپنا ای میل ایڈریس لکھیں۔
error-email = براہ مہربانی اپنا ای میل ایڈریس چیک کریں۔ یہ name@example.com جیسا ہونا چاہیے۔
error-phone-missing = براہ مہربانی اپنا فون نمبر لکھیں۔
error-phone = براہ مہربانی اپنا فون نمبر چیک کریں۔ یہ 07700900123 جیسا ہونا چاہیے۔
error-number = براہ مہربانی { $min } سے { $max } تک کوئی نمبر لکھیں۔
error-forbidden = اس فارم کی میعاد ختم ہو گئی ہے یا یہ کہیں اور سے آیا ہے۔ براہ مہربانی واپس جائیں، صفحہ دوبارہ لوڈ کریں اور پھر کوشش کریں۔
