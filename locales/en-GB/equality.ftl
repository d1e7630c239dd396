# Equality monitoring: the optional "About you" questions at the end of a child's conversation
# (flows/feedback.toml, steps about-you*). Written for a 9-year-old reader. Every question has
# "I'd rather not say", and one tap skips them all. The groups are the ONS 2021 Census's
# top-level ethnic groups, in plain words.

equality-why = One last thing. We ask everyone who uses this a few questions about themselves, so we can check we treat everyone fairly.
equality-private = It is up to you. Nobody will see these answers with your name or your message.
ask-equality = Can we ask you 3 quick questions about you?
equality-yes = Yes, that's OK
equality-skip = Skip these questions

equality-rather-not-say = I'd rather not say

ask-equality-gender = Which of these describes you?
equality-gender-girl = A girl or young woman
equality-gender-boy = A boy or young man
equality-gender-another_way = I describe myself another way

ask-equality-disability = Do you have a disability or a long-term health condition?
equality-disability-help = Something about your body, your mind or your health that makes everyday things harder, and has lasted, or will last, a year or more. For example: being deaf or blind, autism, ADHD, dyslexia, diabetes, epilepsy, or a mental health condition.
    .summary = What does this mean?
equality-disability-yes = Yes
equality-disability-no = No
equality-disability-not_sure = I'm not sure

ask-equality-ethnicity = Which group describes you best?
equality-ethnicity-help = Asian includes Indian, Pakistani, Bangladeshi and Chinese. White includes English, Welsh, Scottish, Irish, Polish, Gypsy, Irish Traveller and Roma. Another group includes Arab. Choose the one that feels closest.
    .summary = What do these mean?
equality-ethnicity-asian = Asian or Asian British
equality-ethnicity-black = Black, Black British, Caribbean or African
equality-ethnicity-mixed = Mixed, or more than one group
equality-ethnicity-white = White
equality-ethnicity-other = Another group
