package org.yunwei.notification.internal;

import java.time.ZoneId;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.web.KeysetPage;

/**
 * The person's notifications page (all or unread, "more" by keyset with htmx or as a plain link), marking read, and
 * the bell fragment that the top bar refreshes.
 */
@Controller
@RequestMapping("/notifications")
class NotificationWebController {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final Inbox inbox;

	NotificationWebController(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(required = false) String cursor, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx) {
		KeysetPage<NotificationView> page = inbox.page(unread, Paging.of(null, cursor));
		model.addAttribute("page", page);
		model.addAttribute("unread", unread);
		model.addAttribute("zone", ZONE);
		if (htmx != null && cursor != null) {
			return "notification/list :: rows";
		}
		model.addAttribute("unreadCount", inbox.unreadCount());
		return "notification/list";
	}

	@GetMapping("/bell")
	String bell() {
		return "notification/bell :: bell";
	}

	@PostMapping("/{id}/read")
	String read(@PathVariable long id, @RequestParam(defaultValue = "false") boolean unread) {
		inbox.markRead(id);
		return "redirect:/notifications" + (unread ? "?unread=true" : "");
	}

	@PostMapping("/read-all")
	String readAll(RedirectAttributes redirect) {
		inbox.markAllRead();
		redirect.addFlashAttribute("notice", "notification.all-read");
		return "redirect:/notifications";
	}

	/** Marks the notification read and goes to what it is about (a path of this application only). */
	@GetMapping("/{id}/open")
	String open(@PathVariable long id) {
		NotificationView notification = inbox.markRead(id);
		return "redirect:" + (Links.local(notification.link()) ? notification.link() : "/notifications");
	}
}
