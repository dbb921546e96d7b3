package org.yunwei.notification.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/notification-robots")
@Tag(name = "Notifications: group robots", description = "群机器人: DingTalk (钉钉), WeCom (企业微信) and Feishu (飞书) "
		+ "group robots that hear of notices by topic and party (NOTIFICATION_MANAGE)")
class RobotApiController {

	private final RobotAdministration robots;

	RobotApiController(RobotAdministration robots) {
		this.robots = robots;
	}

	@GetMapping
	@Operation(summary = "The robots the caller may keep, by name",
			description = "Webhook addresses are masked and secrets never returned (`secretSet` tells whether one is).")
	List<RobotView> list() {
		return robots.list();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One robot")
	RobotView get(@PathVariable long id) {
		return robots.get(id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a robot",
			description = "400 with `errors` by field: the address must be https, or http to an intranet host; a WeCom "
					+ "robot takes no secret; topics are exact, prefixes ending in a dot, or *. 409 when the name is "
					+ "taken. Only management may add a robot for every party (no `partyId`).")
	RobotView create(@RequestBody RobotDraft draft) {
		return robots.create(draft);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a robot", description = "An omitted `url` or `secret` keeps the stored one.")
	RobotView update(@PathVariable long id, @RequestBody RobotDraft draft) {
		return robots.update(id, draft);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a robot", description = "Messages still queued for it are dropped.")
	void delete(@PathVariable long id) {
		robots.delete(id);
	}

	@PostMapping("/{id}/test")
	@Operation(summary = "Send a test message now",
			description = "Answers whether the robot took it, and if not, what it or the network said.")
	RobotAdministration.TestResult test(@PathVariable long id) {
		return robots.test(id);
	}
}
