# Kind messages when something is not right. Never blame the person.

error-summary-title = There is a problem
error-prefix = Error:
error-start-again = Start again
error-title = Sorry, something went wrong
error-not-found-title = We can't find that page
error-not-found = The page may have moved. You can start again from the beginning.
error-expired-title = Your conversation has ended
error-expired = This can happen if you left it for a while or pressed "Leave this page". Nothing you wrote has been sent. You can start again.
error-bad-text = We couldn't read what was sent. Please try again.
error-bad-request = We couldn't read what was sent. Please go back and try again.
error-too-large = That was too much to send at once. Please make it shorter.
error-media-type = We couldn't read what was sent. Please go back and try again.
error-internal = It's not your fault. Please try again in a minute. If you are not safe, call 999 or Childline on 0800 1111.
error-not-current-step = This question has moved on. Here is where you are now.

error-choose-one = Please choose one answer.
error-consent = Please tick the box to say you agree.
error-choose-from-list = Please choose from the list.
error-choose-at-least-one = Please choose at least one.
error-choose-at-most = Please choose no more than { $max }.
error-type-something = Please write something here.
error-too-long = Please make this shorter. You can write up to { $max } letters.
error-too-short = Please write a bit more: at least { $min } letters.
error-email-missing = Please write your email address.
error-email = Please check your email address. It should look like name@example.com.
error-phone-missing = Please write your phone number.
error-phone = Please check your phone number. It should look like 07700 900123.
error-number = Please write a number from { $min } to { $max }.
error-forbidden = That form has expired or came from somewhere else. Please go back, reload the page and try again.
