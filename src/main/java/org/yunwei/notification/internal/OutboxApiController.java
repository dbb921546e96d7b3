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
@RequestMapping("/api/v1/notification-outbox")
@Tag(name = "Notifications: outbox", description = "发送队列: e-mail and robot messages waiting, sent or given up "
		+ "(NOTIFICATION_MANAGE)")
class OutboxApiController {

	private final OutboxAdministration outbox;

	OutboxApiController(OutboxAdministration outbox) {
		this.outbox = outbox;
	}

	@GetMapping("/summary")
	@Operation(summary = "Whether e-mail is configured, and how many deliveries are in each status")
	OutboxAdministration.Summary summary() {
		return outbox.summary();
	}

	@GetMapping
	@Operation(summary = "Deliveries, newest first, one keyset page at a time",
			description = "Each with its tries and the last error. Pass `next` of a page as `cursor` for the next one.")
	KeysetPage<OutboxView> list(
			@Parameter(description = "PENDING, HELD (e-mail while no mail server is configured), SENT or FAILED") @RequestParam(required = false) String status,
			@Parameter(description = "1 to 200, default 50") @RequestParam(required = false) Integer limit,
			@Parameter(description = "`next` of the previous page") @RequestParam(required = false) String cursor) {
		return outbox.page(status, Paging.of(limit, cursor));
	}

	@PostMapping("/{id}/retry")
	@Operation(summary = "Try a delivery again at the next send", description = "422 when it was already sent.")
	OutboxView retry(@PathVariable long id) {
		return outbox.retry(id);
	}
}
