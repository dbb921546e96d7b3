-- A recovered check resolves the incident its failure opened (issue 19): RESOLVED marks the run that ended the alarm
-- and resolved the incident; RECOVERED stays for a recovery whose incident an agent is working (a note was left) or
-- that had none.
alter table inspection_check_result drop constraint inspection_check_result_action_check;
alter table inspection_check_result add constraint inspection_check_result_action_check
    check (action in ('OPENED', 'TOLD', 'RECOVERED', 'RESOLVED'));
