-- E-mail intake, issue 23. The Message-IDs of the service desk's own mail about a ticket (notifications and
-- acknowledgements), as the notification module reports them sent: an answer that names one in In-Reply-To or
-- References threads into its ticket even when the customer edited the subject and the number with it.
create table ticket_mail_sent (
    message_id text        primary key,
    ticket_id  bigint      not null references ticket (id),
    recipient  text,
    topic      text,
    sent_at    timestamptz not null default now()
);
create index ticket_mail_sent_ticket_idx on ticket_mail_sent (ticket_id);

-- Where the intake set a message aside that it did not file (failed, bounce, automatic reply): the folder it was
-- moved to, or the empty string when it was flagged and left where it was.
alter table ticket_mail_message add column set_aside_to text;
