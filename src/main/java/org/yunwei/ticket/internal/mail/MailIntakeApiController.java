package org.yunwei.ticket.internal.mail;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.identity.Actors;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.KeysetCursor;
import org.yunwei.web.KeysetPage;

@RestController
@Tag(name = "E-mail intake", description = "邮件受理: the IMAP mailbox polled into tickets (docs/integrations/email.md)")
class MailIntakeApiController {


	private final MailMessages messages;
	private final Actors actors;

	MailIntakeApiController(MailMessages messages, Actors actors) {
		this.messages = messages;
		this.actors = actors;
	}

	@GetMapping("/api/v1/mail-intake/failures")
	@PreAuthorize("hasAuthority('TICKET_ADMIN')")
	@Transactional(readOnly = true)
	@Operation(summary = "Messages of the mailbox that could not be filed into a ticket (TICKET_ADMIN)",
			description = "Newest first, one keyset page at a time: pass `next` as `cursor`. Each names the sender, "
					+ "subject and the reason (e.g. no readable sender) and `setAsideTo`: the folder the message was "
					+ "moved to (`yunwei.mail.intake.failed-folder`), or empty when it was marked read and flagged "
					+ "where it was; it is not read again and the mail after it is filed as usual. Bounces and "
					+ "automatic replies are not failures and are not listed. Management sees every failure, a provider those of the "
					+ "mailbox that serves it. 400 with `errors` for a bad `limit` or `cursor`.")
	KeysetPage<MailFailure> failures(
			@Parameter(description = "1 to 200, default 50") @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		FieldErrors errors = new FieldErrors();
		int size = KeysetPage.limit(limit, errors, "ticket.limit.invalid");
		Long before = null;
		if (cursor != null && !cursor.isBlank()) {
			before = KeysetCursor.decodeId(cursor).orElse(null);
			if (before == null) {
				errors.add("cursor", "ticket.cursor.invalid");
			}
		}
		errors.throwIfAny();
		return KeysetPage.of(messages.failures(actors.scope(), before, size + 1), size,
				failure -> KeysetCursor.encode(failure.id()));
	}
}
