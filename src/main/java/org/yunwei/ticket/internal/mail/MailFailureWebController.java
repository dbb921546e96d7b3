package org.yunwei.ticket.internal.mail;

import java.time.ZoneId;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunwei.identity.Actors;
import org.yunwei.web.KeysetCursor;
import org.yunwei.web.KeysetPage;

/**
 * The failures page of the e-mail intake (邮件受理失败, TICKET_ADMIN): each message the intake could not file, newest
 * first, with its sender, subject, the reason and where it was set aside, so that someone handles it by hand. The
 * same list as {@code GET /api/v1/mail-intake/failures}, in the reader's scope. A cursor that cannot be read starts
 * from the newest again.
 */
@Controller
@PreAuthorize("hasAuthority('TICKET_ADMIN')")
class MailFailureWebController {

	static final int PAGE_SIZE = 50;
	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final MailMessages messages;
	private final Actors actors;

	MailFailureWebController(MailMessages messages, Actors actors) {
		this.messages = messages;
		this.actors = actors;
	}

	@GetMapping("/tickets/mail-failures")
	@Transactional(readOnly = true)
	String failures(@RequestParam(required = false) String cursor, Model model) {
		Long before = cursor == null ? null : KeysetCursor.decodeId(cursor).orElse(null);
		model.addAttribute("page", KeysetPage.of(messages.failures(actors.scope(), before, PAGE_SIZE + 1), PAGE_SIZE,
				failure -> KeysetCursor.encode(failure.id())));
		model.addAttribute("zone", ZONE);
		model.addAttribute("continued", before != null);
		return "ticket/mail-failures";
	}
}
