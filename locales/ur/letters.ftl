# Translation status: machine-drafted, needs review by a professional translator before use with children.
# Letters to the person who raised a case (see en-GB/letters.ftl for the placeholders).

letter-greeting = پیارے/پیاری { $name }،
letter-greeting-unnamed = السلام علیکم،
letter-sign-off = نیک تمناؤں کے ساتھ،
    چلڈرنز رائٹس سروس، { $authority }
letter-acknowledgement-subject = ہمیں آپ کا پیغام مل گیا ہے
letter-acknowledgement = ہمیں بتانے کا شکریہ۔ ہمیں آپ کا پیغام { $received } کو ملا، اور آپ کا ریفرنس { $reference } ہے۔ کوئی اس وقت اسے دیکھ رہا ہے، اور ہم { $due } تک جواب دیں گے۔ اگر آپ کو اس سے پہلے مدد چاہیے تو ہمیں { $help_phone } پر فون کریں۔
letter-stage1_response = یہ آپ کی شکایت { $reference } کا ہمارا جواب ہے، جو ہمیں { $received } کو ملی۔

    ہمیں کیا پتا چلا اور ہم کیا کریں گے: [یہاں لکھیں۔]

    اگر آپ اس جواب سے خوش نہیں ہیں تو آپ کہہ سکتے ہیں کہ کوئی آزاد شخص آپ کی شکایت دیکھے (مرحلہ 2)۔ براہ کرم ہم سے { $next_stage_by } تک کہیں۔ ہم کہنے میں آپ کی مدد کر سکتے ہیں، اور ایک ایڈووکیٹ بھی مدد کر سکتا ہے۔
letter-extension = ہم ابھی تک آپ کی شکایت { $reference } پر کام کر رہے ہیں۔ اس میں ہماری امید سے زیادہ وقت لگ رہا ہے کیونکہ [وجہ لکھیں]۔ اب ہم { $due } تک جواب دیں گے۔ انتظار کے لیے معذرت۔
letter-closing = ہم نے آپ کی شکایت { $reference } دیکھنا مکمل کر لیا ہے۔

    اگر آپ ہمارے فیصلے سے خوش نہیں ہیں تو آپ ایک آزاد تحقیقات کا کہہ سکتے ہیں (شکایات کے طریقہ کار کا مرحلہ 2)۔ براہ کرم ہم سے { $next_stage_by } تک کہیں، یعنی ہمارے جواب کے 20 کام کے دنوں کے اندر۔ ہم کہنے میں آپ کی مدد کر سکتے ہیں، اور ایک ایڈووکیٹ بھی مدد کر سکتا ہے۔

    آپ لوکل گورنمنٹ اینڈ سوشل کیئر اومبڈسمین (Local Government and Social Care Ombudsman) سے بھی اپنی شکایت دیکھنے کا کہہ سکتے ہیں: { $ombudsman }۔
