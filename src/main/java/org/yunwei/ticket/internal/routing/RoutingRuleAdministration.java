package org.yunwei.ticket.internal.routing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.catalog.CatalogService;
import org.yunwei.catalog.ServiceCatalog;
import org.yunwei.identity.Actors;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.OrganisationUnit;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.Party;
import org.yunwei.identity.PartyKind;
import org.yunwei.sla.Priority;
import org.yunwei.ticket.internal.boundary.PartyBoundary;
import org.yunwei.ticket.internal.group.AssignmentGroup;
import org.yunwei.ticket.internal.group.AssignmentGroups;
import org.yunwei.ticket.internal.record.Channel;
import org.yunwei.ticket.internal.record.TicketAccess;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * Keeps the routing rules (TICKET_ADMIN), checked and audited. A provider's service desk manager keeps their own
 * party's rules, management keeps every provider's. A rule only ever routes to a group of its own provider, and only
 * for a service that provider provides, so that routing never hands a ticket to another party. Once a provider has
 * a rule with conditions it must keep a default rule, so that every ticket finds a group.
 */
@Service
@PreAuthorize("hasAuthority('TICKET_ADMIN')")
public class RoutingRuleAdministration {

	private final RoutingRules rules;
	private final Actors actors;
	private final Organisations organisations;
	private final ServiceCatalog catalog;
	private final AssignmentGroups groups;
	private final AuditTrail audit;
	private final PartyBoundary boundary;
	private final TicketAccess access;

	RoutingRuleAdministration(RoutingRules rules, Actors actors, Organisations organisations,
			ServiceCatalog catalog, AssignmentGroups groups, AuditTrail audit, PartyBoundary boundary,
			TicketAccess access) {
		this.access = access;
		this.rules = rules;
		this.actors = actors;
		this.organisations = organisations;
		this.catalog = catalog;
		this.groups = groups;
		this.audit = audit;
		this.boundary = boundary;
	}

	/** The rules of the providers the signed-in person sees, each provider's in the order they are tried. */
	@Transactional(readOnly = true)
	@PreAuthorize("isAuthenticated()")
	public List<RoutingRule> list(Long providerPartyId) {
		access.requireRoutingReader();
		DataScope scope = actors.scope();
		List<RoutingRule> all = providerPartyId == null ? rules.all() : rules.ofProvider(providerPartyId);
		return all.stream().filter(r -> scope.includesParty(r.providerPartyId())).toList();
	}

	@Transactional(readOnly = true)
	@PreAuthorize("isAuthenticated()")
	public RoutingRule get(long id) {
		access.requireRoutingReader();
		return visible(id, actors.scope());
	}

	/** The providers whose rules the signed-in person may keep, for a form to choose from. */
	@Transactional(readOnly = true)
	public List<Party> providers() {
		DataScope scope = actors.scope();
		return organisations.parties(PartyKind.PROVIDER).stream().filter(p -> scope.includesParty(p.id())).toList();
	}

	@Transactional
	public RoutingRule create(RoutingRuleDraft draft) {
		RoutingRule checked = check(draft, null, actors.writableScope());
		long id = rules.insert(checked);
		RoutingRule created = rules.find(id).orElseThrow();
		audit.record(AuditEntry.of("ROUTING_RULE_CREATED", "ticket_routing_rule", id).after(snapshot(created)));
		return created;
	}

	@Transactional
	public RoutingRule update(long id, RoutingRuleDraft draft) {
		DataScope scope = actors.writableScope();
		RoutingRule before = visible(id, scope);
		RoutingRule checked = check(draft, before, scope);
		rules.update(checked);
		RoutingRule after = rules.find(id).orElseThrow();
		audit.record(AuditEntry.of("ROUTING_RULE_CHANGED", "ticket_routing_rule", id).before(snapshot(before))
			.after(snapshot(after)));
		return after;
	}

	@Transactional
	public void delete(long id) {
		RoutingRule before = visible(id, actors.writableScope());
		if (before.isDefault() && rules.hasConditional(before.providerPartyId(), null)) {
			throw FieldErrors.ruleBroken("routing-default-needed", null, "routing.rule.default-needed");
		}
		rules.delete(id);
		audit.record(AuditEntry.of("ROUTING_RULE_DELETED", "ticket_routing_rule", id).before(snapshot(before)));
	}

	private RoutingRule visible(long id, DataScope scope) {
		return rules.find(id).filter(r -> scope.includesParty(r.providerPartyId()))
			.orElseThrow(() -> RejectedRequest.notFound("routing-rule"));
	}

	private RoutingRule check(RoutingRuleDraft draft, RoutingRule before, DataScope scope) {
		FieldErrors errors = new FieldErrors();
		Long providerPartyId = draft.providerPartyId() != null ? draft.providerPartyId()
				: scope.partyKind() == PartyKind.PROVIDER ? Long.valueOf(scope.partyId()) : null;
		if (providerPartyId == null) {
			errors.add("providerPartyId", "field.required");
		}
		else if (organisations.findParty(providerPartyId).filter(p -> p.kind() == PartyKind.PROVIDER)
			.filter(p -> scope.includesParty(p.id())).isEmpty()) {
			errors.add("providerPartyId", "routing.rule.provider-invalid");
		}
		String name = FieldErrors.clean(draft.name());
		errors.required("name", name, 100);
		int position = draft.position() == null ? 100 : draft.position();
		if (position < 0 || position > 9999) {
			errors.add("position", "routing.rule.position-invalid");
		}
		String category = FieldErrors.clean(draft.category());
		errors.optional("category", category, 100);
		OrganisationUnit unit = draft.customerOrgUnitId() == null ? null
				: organisations.find(draft.customerOrgUnitId())
					.filter(u -> u.partyKind() == PartyKind.CUSTOMER && u.enabled()).orElse(null);
		if (draft.customerOrgUnitId() != null && unit == null) {
			errors.add("customerOrgUnitId", "ticket.customer.invalid");
		}
		else if (unit != null && providerPartyId != null && !boundary.serves(providerPartyId, unit)) {
			errors.add("customerOrgUnitId", "routing.rule.unit-not-served");
		}
		Channel channel = FieldErrors.clean(draft.channel()) == null ? null
				: errors.constant(Channel.class, draft.channel(), "channel");
		Priority priority = FieldErrors.clean(draft.priority()) == null ? null
				: errors.constant(Priority.class, draft.priority(), "priority");
		AutoAssignment assignment = FieldErrors.clean(draft.assignment()) == null ? AutoAssignment.GROUP
				: errors.constant(AutoAssignment.class, draft.assignment(), "assignment");
		Integer percent = draft.unassignedEscalationPercent();
		if (percent != null && (percent < 1 || percent > 99)) {
			errors.add("unassignedEscalationPercent", "routing.rule.percent-invalid");
		}
		if (draft.groupId() == null) {
			errors.add("groupId", "field.required");
		}
		else if (providerPartyId != null) {
			AssignmentGroup group = groups.find(draft.groupId()).filter(AssignmentGroup::enabled).orElse(null);
			if (group == null) {
				errors.add("groupId", "ticket.group.invalid");
			}
			else if (group.partyId() != providerPartyId) {
				errors.add("groupId", "routing.rule.group-other-provider");
			}
		}
		if (draft.serviceId() != null && providerPartyId != null) {
			// a rule names a provider's own service; whether a unit may order it is the intake's concern
			Optional<CatalogService> service = catalog.find(draft.serviceId()).filter(CatalogService::enabled);
			if (service.isEmpty()) {
				errors.add("serviceId", "ticket.service.unknown");
			}
			else if (organisations.find(service.get().providerOrgUnitId())
				.filter(u -> u.partyId() == providerPartyId).isEmpty()) {
				errors.add("serviceId", "routing.rule.service-other-provider");
			}
		}
		errors.throwIfAny();
		RoutingRule rule = new RoutingRule(before == null ? 0 : before.id(), providerPartyId, name, position,
				draft.serviceId(), category, unit == null ? null : unit.id(), channel, priority, draft.groupId(),
				assignment, percent, draft.enabled() == null || draft.enabled(), null);
		Long except = before == null ? null : before.id();
		if (rule.isDefault() && rules.hasDefault(providerPartyId, except)) {
			throw FieldErrors.taken("conditions", "routing.rule.default-taken");
		}
		if (!rule.isDefault() && !rules.hasDefault(providerPartyId, except)) {
			// a ticket that matches no condition must still find a group: never a silent drop at intake
			throw FieldErrors.ruleBroken("routing-default-needed", "conditions", "routing.rule.default-first");
		}
		return rule;
	}

	static Map<String, Object> snapshot(RoutingRule rule) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("providerPartyId", rule.providerPartyId());
		values.put("name", rule.name());
		values.put("position", rule.position());
		values.put("serviceId", rule.serviceId());
		values.put("category", rule.category());
		values.put("customerOrgUnitId", rule.customerOrgUnitId());
		values.put("channel", rule.channel());
		values.put("priority", rule.priority());
		values.put("groupId", rule.groupId());
		values.put("assignment", rule.assignment());
		values.put("unassignedEscalationPercent", rule.unassignedEscalationPercent());
		values.put("enabled", rule.enabled());
		return values;
	}
}
