package org.yunwei.ticket.internal.routing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/routing-rules")
@Tag(name = "Routing rules", description = "工单自动分派 (TICKET_ADMIN): which assignment group a new ticket that "
		+ "arrives without one goes to. A provider's rules are tried by `position`; the first whose conditions "
		+ "(service, category, customer unit or a unit above the ticket's, channel, priority) all hold wins, else "
		+ "the provider's default rule (no conditions). The group may be given the ticket alone or also assign a "
		+ "member (ROUND_ROBIN, LEAST_LOADED); its members are told either way. A provider's manager keeps its own "
		+ "rules, management every provider's; those who report on the desk (TICKET_REPORT: supervision, the "
		+ "service-level manager) read them in their scope.")
class RoutingRuleApiController {

	private final RoutingRuleAdministration rules;

	RoutingRuleApiController(RoutingRuleAdministration rules) {
		this.rules = rules;
	}

	@GetMapping
	@Operation(summary = "Rules of the providers in the caller's scope, each provider's in the order they are tried")
	List<RoutingRule> list(@Parameter(description = "only this provider's rules")
	@RequestParam(required = false) Long providerPartyId) {
		return rules.list(providerPartyId);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One rule; 404 outside the caller's scope")
	RoutingRule get(@PathVariable long id) {
		return rules.get(id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a rule",
			description = "The group must be an enabled group of the rule's provider, a service one that provider "
					+ "provides. 400 with `errors` by field; 409 when the provider already has a default rule; 422 "
					+ "for a rule with conditions while the provider has no default rule yet (create that first).")
	RoutingRule create(@RequestBody RoutingRuleDraft draft) {
		return rules.create(draft);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a rule", description = "Replaces every field, as for create.")
	RoutingRule update(@PathVariable long id, @RequestBody RoutingRuleDraft draft) {
		return rules.update(id, draft);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a rule",
			description = "Tickets it routed stay where they are. 422 for the default rule while the provider has "
					+ "rules with conditions.")
	void delete(@PathVariable long id) {
		rules.delete(id);
	}
}
