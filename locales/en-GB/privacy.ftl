# Privacy and staying safe online. Children's pages at a 9-year-old reading age; the adults'
# page in plain adult English.

privacy-child-title = Who sees what you tell us
privacy-child-intro = What you tell us is private. Here is what happens to it.
privacy-child-who-title = Who can see it
privacy-child-who = The children's rights officer at { $authority } reads it. They may share it with the people who can help, like your social worker's manager. If you asked for an advocate, the advocate sees it too.
privacy-child-who-not = We don't tell your carers or your family unless we need to keep you or someone else safe.
privacy-child-why-title = Why we keep it
privacy-child-why = We keep it so we can sort out what you told us, reply to you, and make things better for other young people.
privacy-child-safe = If you tell us something that means you or someone else is not safe, we have to tell people who can help. We will try to talk to you first.
privacy-child-keep-title = How long we keep it
privacy-child-keep = If you don't send it, we delete it after a few days. If you send it, we keep it for 6 years after it is finished. Then we delete your name and your words.
privacy-child-rights-title = Seeing it or deleting it
privacy-child-rights = You can ask to see what we keep about you. You can ask us to change something that is wrong, or to delete it.
privacy-child-ask = To ask, call { $authority } on { $help_phone }, or ask your advocate or a worker you trust to ask for you.

privacy-adult-title = Privacy notice for adults using Have Your Say
privacy-adult-intro = { $authority } is the data controller for what you send through Have Your Say. This notice explains how we use it.
privacy-adult-data-title = What we collect
privacy-adult-data = What you tell us about the concern, compliment or comment; who you are and how you are connected to the child; the child's first name and age; and how to contact you. We collect no more than we need to respond.
privacy-adult-basis-title = Our lawful basis
privacy-adult-basis = We process this information to carry out a public task: the representations procedure under section 26 of the Children Act 1989 and the Children Act 1989 Representations Procedure (England) Regulations 2006. Information about health, or that may reveal a safeguarding concern, is special category data, which we process for reasons of substantial public interest (safeguarding of children and individuals at risk).
privacy-adult-sharing-title = Who we share it with
privacy-adult-sharing = The children's rights officer and the managers responsible for the service complained about; the commissioned advocacy provider when an advocate is requested; and, where a child may be at risk, the council's safeguarding team and partner agencies. We never sell it or use it for marketing.
privacy-adult-keep-title = How long we keep it
privacy-adult-keep = Unsent conversations are deleted after a few days. Cases are kept for 6 years after they close, then personal details are removed and only anonymous figures kept for the annual report.
privacy-adult-rights-title = Your rights
privacy-adult-rights = You can ask for a copy of your information, for corrections, or for deletion where the law allows, and you can complain to the Information Commissioner's Office. Contact { $authority } on { $help_phone }.

online-title = Staying safe online
online-intro = If someone else uses your phone or computer, these tips can help keep what you do here private.
online-exit-title = Leave this page
online-exit = Tap "Leave this page" at the top of every page. The page changes to a weather website straight away, and what you wrote is deleted if you haven't sent it.
online-shift = On a computer, you can also press the Shift key three times.
online-private-title = Use a private window
online-private = A private or incognito window doesn't keep a history of the pages you visit. Look for it in your browser's menu.
online-history-title = Clearing your history
online-history = Leaving this page doesn't clear your browser history. You can delete this website from your history in your browser's settings. Only delete the pages you need to, as a history with nothing in it can look odd.
online-back = On most phones the whole chat is only one page in your history, and Leave this page swaps it for the weather page, so Back doesn't bring this website back. If your browser can't run scripts, each question is its own page in your history (your answers are not in it): delete those pages in your browser's settings.
online-help-title = If you need help now
online-help = If you are in danger, call 999. You can call Childline for free on 0800 1111.
