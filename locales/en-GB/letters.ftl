# Letters to the person who raised a case, in their language: the acknowledgement (by email or a
# letter to print), a Stage 1 response, an extension notice and a closing letter that states
# their next rights. A council replaces any of them with its own wording in HYS_TEMPLATES
# (<folder>/<language>/letters.ftl); `have-your-say check` lints that folder.
# Placeholders: $name, $reference, $authority, $received, $due, $next_stage_by, $ombudsman,
# $help_phone. Words in [square brackets] are for the officer to replace before sending.

letter-greeting = Dear { $name },
letter-greeting-unnamed = Hello,
letter-sign-off = With best wishes,
    Children's Rights Service, { $authority }
letter-acknowledgement-subject = We have got your message
letter-acknowledgement = Thank you for telling us. We got your message on { $received }, and your reference is { $reference }. Someone is looking at it now, and we will reply by { $due }. If you need help before then, phone us on { $help_phone }.
letter-stage1_response = This is our answer to your complaint { $reference }, which we got on { $received }.

    What we found out, and what we will do: [write it here.]

    If you are not happy with this answer, you can ask for your complaint to be looked at by someone independent (Stage 2). Please ask us by { $next_stage_by }. We can help you to ask, and so can an advocate.
letter-extension = We are still working on your complaint { $reference }. It is taking longer than we hoped because [say why]. We will now reply by { $due }. We are sorry for the wait.
letter-closing = We have now finished looking at your complaint { $reference }.

    If you are not happy with what we decided, you can ask for an independent investigation (Stage 2 of the complaints procedure). Please ask us by { $next_stage_by }, which is 20 working days after our answer. We can help you to ask, and so can an advocate.

    You can also ask the Local Government and Social Care Ombudsman to look at your complaint: { $ombudsman }.
