package org.yunwei.notification.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.web.KeysetPage;

@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications", description = "站内通知: the caller's own in-app notifications")
class NotificationApiController {

	private final Inbox inbox;

	NotificationApiController(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping
	@Operation(summary = "The caller's notifications, newest first, one keyset page at a time",
			description = "Only the caller's own. Pass `next` of a page as `cursor` for the next one.")
	KeysetPage<NotificationView> list(
			@Parameter(description = "only the unread ones") @RequestParam(required = false) Boolean unread,
			@Parameter(description = "1 to 200, default 50") @RequestParam(required = false) Integer limit,
			@Parameter(description = "`next` of the previous page") @RequestParam(required = false) String cursor) {
		return inbox.page(Boolean.TRUE.equals(unread), Paging.of(limit, cursor));
	}

	@GetMapping("/unread-count")
	@Operation(summary = "How many of the caller's notifications are unread")
	UnreadCount unreadCount() {
		return new UnreadCount(inbox.unreadCount());
	}

	@PostMapping("/{id}/read")
	@Operation(summary = "Mark one of the caller's notifications read",
			description = "404 for a notification of someone else. Marking it again changes nothing.")
	NotificationView read(@PathVariable long id) {
		return inbox.markRead(id);
	}

	@PostMapping("/read-all")
	@Operation(summary = "Mark all of the caller's notifications read")
	Marked readAll() {
		return new Marked(inbox.markAllRead());
	}

	@io.swagger.v3.oas.annotations.media.Schema(name = "NotificationUnreadCount")
	record UnreadCount(long count) {
	}

	/** @param marked how many were unread until now */
	@io.swagger.v3.oas.annotations.media.Schema(name = "NotificationsMarkedRead")
	record Marked(int marked) {
	}
}
