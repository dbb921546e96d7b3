package org.yunwei.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/administrative-grants")
@Tag(name = "Administrative grants",
		description = "管理员角色授予的双人确认 (三员分立): requests to give an administrative role, waiting for a second officer")
class GrantApiController {

	private final GrantDecisions decisions;

	GrantApiController(GrantDecisions decisions) {
		this.decisions = decisions;
	}

	@GetMapping
	@Operation(summary = "The requests waiting for a decision, newest first, at most 200 (ADMIN_GRANT_DECIDE)")
	List<GrantView> pending() {
		return decisions.pending();
	}

	@PostMapping("/{id}/confirm")
	@Operation(summary = "Confirm a request: the roles asked for are applied (ADMIN_GRANT_DECIDE)",
			description = "Refused (422) to the officer who asked and to the person who is to receive the role; 409 when "
					+ "already decided or when the person's roles changed since it was asked. The person's sessions end "
					+ "and their API tokens are revoked.")
	UserView confirm(@PathVariable long id) {
		return decisions.confirm(id);
	}

	@PostMapping("/{id}/reject")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Reject a request: nothing changes (ADMIN_GRANT_DECIDE)",
			description = "Refused (422) to the officer who asked and to the person who is to receive the role.")
	void reject(@PathVariable long id) {
		decisions.reject(id);
	}
}
