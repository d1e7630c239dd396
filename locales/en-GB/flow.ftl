# The child's conversation (flows/feedback.toml). Written for a 9-year-old reader:
# short, warm, plain, never blaming. { $authority } is the council's name.

chat-hello = Hi! This is a safe place to tell { $authority } what you think.
chat-hello-safe = You can stop at any time. Nothing is sent until you say so.
ask-kind = What do you want to tell us?
kind-complaint = Something is wrong
kind-compliment = Something is good
kind-comment = An idea or comment
kind-unsafe = I'm not safe right now

unsafe-title = You can get help now
unsafe-danger = If you are in danger now, call 999.
unsafe-childline = You can talk to Childline for free on 0800 1111. It won't show on the phone bill.
unsafe-council = You can also call { $authority } on { $help_phone }. At night or at weekends, call { $out_of_hours_phone }.
ask-tell-someone = Do you want us to tell someone who can help?
tell-someone-yes = Yes, please tell someone
tell-someone-no = No, not now
unsafe-end-ok = That's OK. You can come back any time. The numbers are here if you need them.
urgent-we-will-tell = We will tell someone at { $authority } straight away. Just a few words is fine.
ask-urgent-what = What is happening?
ask-urgent-name = What is your first name?
urgent-optional = You can skip any of the next questions.
ask-urgent-where = Where are you now?
ask-urgent-call = Is it safe for someone to phone you?
urgent-call-yes = Yes, they can phone me
urgent-call-no = No, please don't phone
urgent-call-not-sure = I'm not sure
ask-urgent-reach = How can we reach you safely? For example a phone number, or through your worker.
ask-urgent-send = Send this now?

chat-thanks = Thank you. Let's start.
ask-role = Who are you?
role-young-person = I'm the young person
role-helping = I'm helping a young person
role-parent-carer = I'm a parent or carer
role-someone-else = Someone else

ask-about = What is it about?
about-social-worker = My social worker or personal adviser
about-where-i-live = Where I live
about-seeing-family = Seeing my family
about-money = Money
about-leaving-care = Leaving care
about-school = School or college
about-health = Health
about-how-treated = How I was treated
about-something-else = Something else

chat-tell-us = Take your time. Use your own words.
ask-what-happened = What happened?
chat-thank-you-for-telling = Thank you for telling us.
ask-what-would-help = What would make it better?

chat-lovely = That's lovely to hear!
ask-what-was-good = What was good?

ask-what-to-say = What would you like to tell us?

chat-advocate-intro = An advocate is someone on your side. They can help you say what you want.
ask-advocate = Would you like an advocate to help you?
advocate-help = An advocate is a grown-up who does not work for your social worker's team. They listen to you, help you say what you think, and make sure you are heard. It is free.
    .summary = What is an advocate?
advocate-yes = Yes, please
advocate-no = No, thank you
advocate-not-sure = I'm not sure yet

chat-contact-intro = We'd like to tell you what happens next.
chat-contact-private = Only the people working on your message will see how to reach you.
ask-contact = How can we contact you?
contact-phone = Phone me
contact-email = Email me
contact-worker = Through my worker
contact-carer = Through my carer
contact-none = Please don't contact me

ask-contact-phone = What is your phone number?
ask-contact-email = What is your email address?

ask-first-name = What is your first name?
ask-age = How old are you?

chat-nearly-done = Nearly done!
ask-check = Check your answers
ask-send = Ready to send?
