package org.yunwei.ticket.internal.alert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actors;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.OrganisationUnit;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.People;
import org.yunwei.identity.Permission;
import org.yunwei.identity.Person;
import org.yunwei.ticket.internal.boundary.PartyBoundary;
import org.yunwei.ticket.internal.group.AssignmentGroup;
import org.yunwei.ticket.internal.group.AssignmentGroups;
import org.yunwei.ticket.internal.intake.TicketPlacement;
import org.yunwei.ticket.internal.record.TicketAccess;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * Keeps the alert routes (TICKET_ADMIN), checked and audited. A route is placed by its integration account's party:
 * a provider's service desk manager keeps the routes of their own party's accounts, management keeps all. The
 * incident a route opens must be worked by a provider in the keeper's scope.
 */
@Service
@PreAuthorize("hasAuthority('TICKET_ADMIN')")
public class AlertRouteAdministration {

	static final int MAX_MATCHERS = 20;

	private final AlertRoutes routes;
	private final Actors actors;
	private final People people;
	private final Organisations organisations;
	private final TicketPlacement placement;
	private final AssignmentGroups groups;
	private final AuditTrail audit;
	private final PartyBoundary boundary;
	private final TicketAccess access;

	AlertRouteAdministration(AlertRoutes routes, Actors actors, People people, Organisations organisations,
			TicketPlacement placement, AssignmentGroups groups, AuditTrail audit, PartyBoundary boundary,
			TicketAccess access) {
		this.access = access;
		this.boundary = boundary;
		this.routes = routes;
		this.actors = actors;
		this.people = people;
		this.organisations = organisations;
		this.placement = placement;
		this.groups = groups;
		this.audit = audit;
	}

	/** The routes of the accounts the signed-in person sees, an account's in the order they are tried. */
	@Transactional(readOnly = true)
	@PreAuthorize("isAuthenticated()")
	public List<AlertRoute> list(Long accountUserId) {
		access.requireRoutingReader();
		DataScope scope = actors.scope();
		List<AlertRoute> all = accountUserId == null ? routes.all() : routes.ofAccount(accountUserId);
		Map<Long, Person> accounts = new LinkedHashMap<>();
		people.findAll(all.stream().map(AlertRoute::accountUserId).toList()).forEach(p -> accounts.put(p.id(), p));
		return all.stream().filter(r -> accounts.containsKey(r.accountUserId())
				&& scope.includesParty(accounts.get(r.accountUserId()).partyId())).toList();
	}

	@Transactional(readOnly = true)
	@PreAuthorize("isAuthenticated()")
	public AlertRoute get(long id) {
		access.requireRoutingReader();
		return visible(id, actors.scope());
	}

	/** The integration accounts whose routes the signed-in person may keep, for a form to choose from. */
	@Transactional(readOnly = true)
	public List<Person> accounts() {
		DataScope scope = actors.scope();
		List<Long> parties = new ArrayList<>();
		if (scope.partyKind() == PartyKind.MANAGEMENT || scope.partyKind() == PartyKind.SUPERVISION) {
			for (PartyKind kind : List.of(PartyKind.MANAGEMENT, PartyKind.PROVIDER)) {
				organisations.parties(kind).forEach(p -> parties.add(p.id()));
			}
		}
		else {
			parties.add(scope.partyId());
		}
		return parties.stream().flatMap(p -> people.holding(Permission.ALERT_INTAKE, p).stream()).toList();
	}

	@Transactional
	public AlertRoute create(AlertRouteDraft draft) {
		AlertRoute checked = check(draft, null, actors.writableScope());
		long id = routes.insert(checked);
		AlertRoute created = routes.find(id).orElseThrow();
		audit.record(AuditEntry.of("ALERT_ROUTE_CREATED", "alert_route", id).after(snapshot(created)));
		return created;
	}

	@Transactional
	public AlertRoute update(long id, AlertRouteDraft draft) {
		DataScope scope = actors.writableScope();
		AlertRoute before = visible(id, scope);
		AlertRoute checked = check(draft, before, scope);
		routes.update(checked);
		AlertRoute after = routes.find(id).orElseThrow();
		audit.record(AuditEntry.of("ALERT_ROUTE_CHANGED", "alert_route", id).before(snapshot(before))
			.after(snapshot(after)));
		return after;
	}

	@Transactional
	public void delete(long id) {
		AlertRoute before = visible(id, actors.writableScope());
		routes.delete(id);
		audit.record(AuditEntry.of("ALERT_ROUTE_DELETED", "alert_route", id).before(snapshot(before)));
	}

	private AlertRoute visible(long id, DataScope scope) {
		return routes.find(id)
			.filter(r -> people.find(r.accountUserId()).filter(p -> scope.includesParty(p.partyId())).isPresent())
			.orElseThrow(() -> RejectedRequest.notFound("alert-route"));
	}

	private AlertRoute check(AlertRouteDraft draft, AlertRoute before, DataScope scope) {
		FieldErrors errors = new FieldErrors();
		if (draft.accountUserId() == null) {
			errors.add("accountUserId", "field.required");
		}
		else {
			Optional<Person> account = people.find(draft.accountUserId());
			boolean integration = account.filter(Person::enabled).filter(p -> scope.includesParty(p.partyId()))
				.filter(p -> people.holding(Permission.ALERT_INTAKE, p.partyId()).stream()
					.anyMatch(h -> h.id() == p.id()))
				.isPresent();
			if (!integration) {
				errors.add("accountUserId", "alert.route.account-invalid");
			}
		}
		String name = FieldErrors.clean(draft.name());
		errors.required("name", name, 100);
		int position = draft.position() == null ? 100 : draft.position();
		if (position < 0 || position > 9999) {
			errors.add("position", "alert.route.position-invalid");
		}
		Map<String, String> matchers = matchers(draft.matchers(), errors);
		OrganisationUnit unit = placement.customerUnit(draft.customerOrgUnitId(), errors);
		if (draft.serviceId() == null && draft.groupId() == null) {
			errors.add("groupId", "alert.route.provider-required");
		}
		Long providerPartyId = placement.serviceProvider(draft.serviceId(), unit, errors);
		if (draft.groupId() != null) {
			AssignmentGroup group = groups.find(draft.groupId()).filter(AssignmentGroup::enabled).orElse(null);
			if (group == null || !scope.includesParty(group.partyId())) {
				errors.add("groupId", "ticket.group.invalid");
			}
			else {
				providerPartyId = group.partyId();
			}
		}
		if (providerPartyId != null && !scope.includesParty(providerPartyId)) {
			errors.add(draft.groupId() != null ? "groupId" : "serviceId", "alert.route.provider-out-of-scope");
		}
		else if (providerPartyId != null && unit != null && !boundary.serves(providerPartyId, unit)) {
			errors.add("customerOrgUnitId", "alert.route.customer-not-served");
		}
		errors.throwIfAny();
		if (matchers.isEmpty() && routes.hasDefault(draft.accountUserId(), before == null ? null : before.id())) {
			throw FieldErrors.taken("matchers", "alert.route.default-taken");
		}
		return new AlertRoute(before == null ? 0 : before.id(), draft.accountUserId(), name, position, matchers,
				draft.customerOrgUnitId(), draft.serviceId(), draft.groupId(),
				draft.autoResolve() != null && draft.autoResolve(), draft.enabled() == null || draft.enabled(), null);
	}

	private static Map<String, String> matchers(Map<String, String> submitted, FieldErrors errors) {
		Map<String, String> matchers = new TreeMap<>();
		if (submitted.size() > MAX_MATCHERS) {
			errors.add("matchers", "alert.route.too-many-matchers");
			return matchers;
		}
		submitted.forEach((label, value) -> {
			String name = FieldErrors.clean(label);
			String wanted = value == null ? null : value.strip();
			if (name == null || name.length() > 100 || name.contains("=") || name.chars().anyMatch(Character::isISOControl)) {
				errors.add("matchers", "alert.route.label-invalid");
			}
			else if (wanted == null || wanted.length() > 500 || wanted.chars().anyMatch(Character::isISOControl)) {
				errors.add("matchers." + name, "alert.route.value-invalid");
			}
			else {
				matchers.put(name, wanted);
			}
		});
		return matchers;
	}

	static Map<String, Object> snapshot(AlertRoute route) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("accountUserId", route.accountUserId());
		values.put("name", route.name());
		values.put("position", route.position());
		values.put("matchers", route.matchers());
		values.put("customerOrgUnitId", route.customerOrgUnitId());
		values.put("serviceId", route.serviceId());
		values.put("groupId", route.groupId());
		values.put("autoResolve", route.autoResolve());
		values.put("enabled", route.enabled());
		return values;
	}
}
