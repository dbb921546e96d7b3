package org.yunwei.approval.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/approval-delegations")
@Tag(name = "Approval delegations", description = "委托审批: I let a named colleague decide for me during a period; "
		+ "their decisions count only inside it. Everyone signed in keeps their own; supervision reads only (403).")
class DelegationApiController {

	private final DelegationRegister register;

	DelegationApiController(DelegationRegister register) {
		this.register = register;
	}

	@GetMapping
	@Operation(summary = "The delegations I gave or received, latest first")
	List<Delegation> mine() {
		return register.mine();
	}

	/** A delegation as the API takes it. */
	record DelegationForm(Long delegateId, Instant from, Instant until, String reason) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Delegate my approvals to a person for a period (at most a year; a reason is required)")
	Delegation give(@RequestBody DelegationForm form) {
		return register.give(form.delegateId(), form.from(), form.until(), form.reason());
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke a delegation I gave (404 for another's)")
	void revoke(@PathVariable long id) {
		register.revoke(id);
	}
}
