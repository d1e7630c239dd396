-- Enquiries and members' (councillors') enquiries are kinds a council records and counts.

alter table cases drop constraint cases_kind_check;
alter table cases add constraint cases_kind_check
    check (kind in ('complaint', 'compliment', 'comment', 'safety_concern', 'enquiry',
                    'member_enquiry'));
