package org.yunwei.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.web.KeysetPage;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "用户: accounts, their state and their roles")
class UserApiController {

	private final UserAdministration users;
	private final RoleAssignments assignments;
	private final UserEnrolment enrolment;

	UserApiController(UserAdministration users, RoleAssignments assignments, UserEnrolment enrolment) {
		this.users = users;
		this.enrolment = enrolment;
		this.assignments = assignments;
	}

	@GetMapping
	@Operation(summary = "Search the users the caller may see, one keyset page at a time",
			description = "Pass the `next` of a page as `cursor` to read the following page; `next` is null on the last.")
	KeysetPage<UserView> list(@ParameterObject UserQuery query) {
		return users.list(query);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a user with an initial password to change at first sign-in (USER_MANAGE)",
			description = "Roles named in `roles` are given in the same transaction, which needs ROLE_ASSIGN as well "
					+ "and follows the rules of PUT /api/v1/users/{id}/roles: an administrative role is not given "
					+ "at once but waits for a second officer (see /api/v1/grants).")
	UserView create(@RequestBody UserDraft draft) {
		return enrolment.enrol(draft).user();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One user")
	UserView get(@PathVariable long id) {
		return users.get(id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a user's display name, contact details or unit (USER_MANAGE)")
	UserView update(@PathVariable long id, @RequestBody UserChange change) {
		return users.update(id, change);
	}

	@PostMapping("/{id}/disable")
	@Operation(summary = "Disable (停用) a user: their sessions end and their tokens are revoked at once (USER_MANAGE)")
	UserView disable(@PathVariable long id) {
		return users.setEnabled(id, false);
	}

	@PostMapping("/{id}/enable")
	@Operation(summary = "Enable (启用) a user again (USER_MANAGE)")
	UserView enable(@PathVariable long id) {
		return users.setEnabled(id, true);
	}

	@PostMapping("/{id}/unlock")
	@Operation(summary = "Unlock (解锁) an account locked after failed sign-ins (USER_UNLOCK)")
	UserView unlock(@PathVariable long id) {
		return users.unlock(id);
	}

	@PostMapping("/{id}/password-reset")
	@Operation(summary = "Reset (重置) a user's password to a temporary one, to change at the next sign-in (USER_MANAGE)",
			description = "Their sessions end and their tokens are revoked; the second factor stays. Refused for one's own "
					+ "account and for an administrator without a second factor.")
	UserView resetPassword(@PathVariable long id, @RequestBody PasswordReset reset) {
		return users.resetPassword(id, reset);
	}

	@PostMapping("/{id}/end-sessions")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Sign the user out everywhere (强制下线): sessions end, tokens are revoked (USER_MANAGE or USER_UNLOCK)")
	void endSessions(@PathVariable long id) {
		users.endSessions(id);
	}

	@PutMapping("/{id}/roles")
	@Operation(summary = "Replace the roles a user holds (ROLE_ASSIGN)",
			description = "三员分立: no account holds two of SYSTEM_ADMIN, SECURITY_ADMIN and AUDIT_ADMIN, and those three "
					+ "belong to management people only; SUPERVISOR only for supervision; built-in roles are given by "
					+ "management; the last system administrator keeps the role. A set that gives one of the three "
					+ "administrative roles is not applied: it is answered 202 with the request, which a second officer "
					+ "confirms or rejects under `/api/v1/administrative-grants`. Any change of roles ends the user's "
					+ "sessions and revokes their API tokens.")
	@ApiResponse(responseCode = "200", description = "applied",
			content = @Content(schema = @Schema(implementation = UserView.class)))
	@ApiResponse(responseCode = "202", description = "waiting for a second officer",
			content = @Content(schema = @Schema(implementation = GrantView.class)))
	ResponseEntity<Object> assignRoles(@PathVariable long id, @RequestBody RoleAssignment assignment) {
		var outcome = assignments.assign(id, assignment);
		return outcome.pendingGrant() == null ? ResponseEntity.ok(outcome.user())
				: ResponseEntity.accepted().body(outcome.pendingGrant());
	}
}
