# Words on every page, and on the pages around the conversation.

service-name = Have Your Say
skip-to-content = Skip to main content
exit-skip-link = Leave this page quickly
exit-button = Leave this page
footer-who = { $authority } – Have Your Say
title-error-prefix = Error:

start-title = Have your say
start-hello = Hello! You can tell us something that is wrong, something that is good, or an idea.
start-what-it-is = We will ask you a few short questions, one at a time. It takes about 5 minutes.
start-private = Only the people who help children and young people at { $authority } will read it.
start-button = Start
start-unsafe-button = I'm not safe right now
start-exit-title = Need to leave fast?
start-exit-explain = Tap "Leave this page" at the top at any time. This page will change to a weather website and your answers will go.
start-exit-history = It does not clear your browser history. Ask someone you trust how to do that, or use a private window.
feeling-question = How are you feeling?
feeling-optional = Choose a face if you like. You can skip this.
feeling-1 = Very sad
feeling-2 = Sad
feeling-3 = Okay
feeling-4 = Happy
feeling-5 = Very happy

transcript-label = Your conversation so far
speaker-service = Have Your Say
speaker-you = You

continue-button = Continue
back-button = Back
consent-agree = Yes, I agree
hint-optional = You don't have to answer this. You can leave it empty.
hint-max-characters = You can write up to { $max } letters.
answer-skipped = (You didn't answer)
answer-yes = Yes
answer-no = No

check-change = Change
check-continue = These are right
send-explain = When you press Send, we will get your message.
send-button = Send

help-panel-title = People who can help
help-call-999 = Call 999 if you are in danger now
help-call-childline = Childline: 0800 1111 (free)
help-call-council = { $authority }: { $help_phone }
help-call-out-of-hours = Nights and weekends: { $out_of_hours_phone }
help-childline-bill = Calls to Childline are free and won't show on the phone bill.
help-back-to-start = Back to the start
help-leave = Leave this page

done-title = Thank you. We got your message.
done-your-reference = Your reference is:
done-your-secret = Your secret words are:
done-secret-hidden = To keep you safe, we don't show your secret words again.
done-keep-safe = Keep your reference and secret words somewhere safe. You need them to see what happens next.
done-next-title = What happens next
done-next-read = Someone will read your message soon.
done-next-reply-by = We will reply by { $date }.
done-if-unsafe = If you are not safe, call 999 or Childline on 0800 1111.
done-finish = Finish and leave
done-urgent-title = Thank you. We are telling someone now.
done-urgent-next = We have sent your message to the duty team at { $authority } now. Someone will read it today and try to reach you in the way you told us. If you are in danger, call 999.
send-urgent-explain = When you press Send, we will tell someone straight away.
send-urgent-button = Send now

# The email a child gets when staff reply, if they chose email. It never holds the reply.
email-child-subject = You have a reply from Have Your Say
email-child-body = Someone at { $authority } has replied to your message. To read it, go to the link below and type your reference and secret words.
email-child-link = Read your reply
email-child-footer = If you are not safe, call 999 or Childline on 0800 1111.

# Shown calmly when something a child wrote sounds like they may not be safe.
safety-title = It sounds like things might be really hard
safety-text = You did the right thing by telling us.
safety-carry-on = When you send your message, it goes straight to the duty team at { $authority }, and someone will read it today. You can carry on when you are ready.
safety-added-duty-team = We have passed what you wrote to the duty team at { $authority } now. Someone will read it today.

footer-privacy = Who sees what you tell us
footer-track = Check on a message
footer-staying-safe = Staying safe online
privacy-just-in-time = Who can see this? Read how we keep it private.

# Coming back to a message you sent.
track-title = Check on your message
track-intro = Type the reference and the secret words you got when you sent your message, or when you chose "Finish later".
track-reference = Your reference
track-reference-hint = It looks like HYS-7K4P-Q2MX.
track-secret = Your secret words
track-secret-hint = Four words and a number, like: cat ball cloud green 472
track-button = Show me
track-no-match = Those details don't match. Check the reference and the secret words and try again.
track-throttled = There have been too many tries. Please wait an hour and try again, or call us.
track-resume-link = I didn't send it yet. I want to finish it.
track-case-title = Your message
track-status-received = We got your message. Someone will look at it soon.
track-status-looking = Someone is looking at it.
track-status-replied = We have replied. You can read it below.
track-status-paused = We are talking about it together to sort it out.
track-status-closed = We have finished looking at it. If you are not happy, you can tell us below.
track-due = We will reply by { $date }.
track-messages = Messages
track-no-messages = No messages yet.
track-speaker-staff = { $authority }
track-add = Do you want to tell us more?
track-add-button = Send
track-too-long = Please make this shorter. You can write up to 5000 letters.
track-who-sees-title = Who can see this?
track-who-sees = The people working on your message can see what you told us and what you add here. They can't see your secret words, and they can't see anything else on your phone.

# Finish later.
later-button = Finish later
later-title = You can finish later
later-your-code = Your reference is:
later-your-secret = Your secret words are:
later-until = We will keep what you wrote until { $date }. After that it is deleted.
later-how = To carry on, go to "Check on a message" and type your reference and secret words. You can use any phone or computer. They stay the same when you send your message, so these are the only ones you need to keep.
later-carry-on = Carry on now
later-leave = Leave for now
resume-title = Finish your message
resume-code = Your code
resume-button = Carry on
resume-no-match = Those details don't match, or your message was deleted after a few days. Check them and try again, or start again.
language-picker = Choose your language
read-aloud = 🔊 Read it to me

# A box on every question form that people never see or reach (it is hidden from screen
# readers too); only bots fill it in. Shown only if a browser ignores the page's styles.
honeypot-label = Leave this box empty

# The chat with JavaScript, when an answer cannot be sent (no signal): it stays in its box.
chat-no-signal = No signal — we'll try again. Your answer is still here.
# The first page, when a conversation is already open in this browser.
start-carry-on = Carry on where you left off
start-again-button = Start again

# The confirmation's "What happens next", following what was chosen.
done-next-no-contact = You asked us not to contact you, so we won't. You can check on your message any time with your reference and secret words.
done-next-advocate = An advocate will get in touch with you by { $date }. An advocate is on your side and helps you say what you want.
done-next-advocate-call = You asked for an advocate. You also asked us not to contact you, so call us on { $help_phone } when you want to talk to one.

# Keeping the reference and the words: said plainly, and a copy button where scripts run.
keep-write-down = Write these down or take a screenshot now.
keep-copy-button = Copy them
keep-copied = Copied. Paste them somewhere only you can see.
keep-email-explain = We can send your reference and secret words to the email address you gave us. We send them once.
keep-email-button = Email them to me
keep-email-sent = Done. We are sending your reference and secret words to the email address you gave us. Check your inbox, and write them down too in case the email does not arrive.
keep-email-subject = Your reference for Have Your Say
keep-email-intro = You asked us to email you your reference and secret words. You need both to see what is happening with your message.
keep-email-private = Keep this email private. Anyone who has your reference and secret words can read your messages.
keep-email-reference = Reference
keep-email-words = Secret words
keep-email-link = See what is happening

# Above each question: how many are left before "check your answers" (this one included).
progress-left = { $count ->
    [one] This is the last question
   *[other] { $count } more questions
}

## Tracking: what was sent, and once a complaint is closed, what was decided and what comes next
track-due-here = We will put our answer here by { $date }.
track-sent-title = What you sent
track-sent-facts = { $kind }, about: { $topic }. Sent on { $date }.
track-sent-facts-no-topic = { $kind }. Sent on { $date }.
track-sent-date = Sent on { $date }.
track-sent-show = Show what I sent
track-outcome-title = What we decided
track-outcome-upheld = We agreed with your complaint, and we are putting things right.
track-outcome-partly_upheld = We agreed with some of your complaint.
track-outcome-not_upheld = We looked at it carefully, and we did not agree with your complaint.
track-outcome-withdrawn = You asked us to stop looking at your complaint.
track-outcome-outside_jurisdiction = This is something our complaints process cannot look at.
track-outcome-inconclusive = We could not find out for sure what happened.
track-next-stage = If you are not happy with our answer, you can ask for Stage { $stage } of your complaint. Ask by { $date }: write it in the box below.
track-next-formal = If you are not happy, you can still make a formal complaint. Write it in the box below.
track-next-ombudsman = If you are still not happy, you can ask the Local Government and Social Care Ombudsman to look at it. It is free, and they are not part of the council.
track-ombudsman-call = Call the Ombudsman: 0300 061 0614
track-next-advocate = An advocate can help you with this, for free. Ask us for one.

## The guide who asks the questions (a name only; the drawing beside it is decorative)
guide-name = Sky
