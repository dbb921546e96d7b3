package org.yunwei.ticket.internal.group;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actors;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.Party;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.People;
import org.yunwei.identity.Person;
import org.yunwei.ticket.internal.boundary.PartyBoundary;
import org.yunwei.ticket.internal.record.TicketAccess;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/** Creates and changes assignment groups (TICKET_ADMIN), checked and audited. */
@Service
public class GroupAdministration {

	private final AssignmentGroups groups;
	private final Actors actors;
	private final Organisations organisations;
	private final People people;
	private final AuditTrail audit;
	private final PartyBoundary boundary;
	private final TicketAccess access;

	GroupAdministration(AssignmentGroups groups, Actors actors, Organisations organisations, People people,
			AuditTrail audit, PartyBoundary boundary, TicketAccess access) {
		this.access = access;
		this.boundary = boundary;
		this.groups = groups;
		this.actors = actors;
		this.organisations = organisations;
		this.people = people;
		this.audit = audit;
	}

	/** The groups the signed-in person sees: 403 for one who may not read the desk's groups at all. */
	@Transactional(readOnly = true)
	public List<AssignmentGroup> list() {
		access.requireDeskReader();
		return groups.visibleTo(actors.scope());
	}

	/**
	 * The enabled groups a group of this party may name as its second line: its own party's and management's; for a
	 * group not yet placed in a party, the groups the signed-in person sees.
	 */
	@Transactional(readOnly = true)
	public List<AssignmentGroup> secondLines(Long partyId, Long exceptId) {
		List<AssignmentGroup> candidates = partyId == null ? list() : groups.all();
		return candidates.stream()
			.filter(g -> g.enabled() && !Long.valueOf(g.id()).equals(exceptId))
			.filter(g -> partyId == null || boundary.mayHandOver(partyId, g.partyId()))
			.toList();
	}

	@Transactional(readOnly = true)
	public AssignmentGroup get(long id) {
		access.requireDeskReader();
		DataScope scope = actors.scope();
		return groups.find(id).filter(g -> scope.includesParty(g.partyId()))
			.orElseThrow(() -> RejectedRequest.notFound("group"));
	}

	@Transactional
	@PreAuthorize("hasAuthority('TICKET_ADMIN')")
	public AssignmentGroup create(GroupDraft draft) {
		DataScope scope = actors.writableScope();
		Long partyId = draft.partyId() == null && scope.partyKind() == PartyKind.PROVIDER ? scope.partyId()
				: draft.partyId();
		check(draft, partyId, null, scope);
		long id = groups.insert(FieldErrors.clean(draft.code()), FieldErrors.clean(draft.name()), partyId,
				draft.leadUserId(), draft.escalationGroupId());
		groups.replaceMembers(id, draft.memberIds());
		AssignmentGroup created = groups.find(id).orElseThrow();
		audit.record(AuditEntry.of("TICKET_GROUP_CREATED", "ticket_group", id).after(snapshot(created)));
		return created;
	}

	@Transactional
	@PreAuthorize("hasAuthority('TICKET_ADMIN')")
	public AssignmentGroup update(long id, GroupDraft draft) {
		DataScope scope = actors.writableScope();
		AssignmentGroup before = groups.find(id).filter(g -> scope.includesParty(g.partyId()))
			.orElseThrow(() -> RejectedRequest.notFound("group"));
		if (draft.partyId() != null && draft.partyId() != before.partyId()) {
			throw RejectedRequest.invalidField("partyId", "ticket.group.party-fixed");
		}
		check(draft, before.partyId(), id, scope);
		groups.update(id, FieldErrors.clean(draft.code()), FieldErrors.clean(draft.name()), draft.leadUserId(),
				draft.escalationGroupId(), draft.enabled() == null ? before.enabled() : draft.enabled());
		groups.replaceMembers(id, draft.memberIds());
		AssignmentGroup after = groups.find(id).orElseThrow();
		audit.record(AuditEntry.of("TICKET_GROUP_CHANGED", "ticket_group", id).before(snapshot(before))
			.after(snapshot(after)));
		return after;
	}

	private void check(GroupDraft draft, Long partyId, Long exceptId, DataScope scope) {
		FieldErrors errors = new FieldErrors();
		String code = FieldErrors.clean(draft.code());
		errors.required("code", code, 50).code("code", code);
		errors.required("name", FieldErrors.clean(draft.name()), 100);
		Party party = partyId == null ? null : organisations.findParty(partyId).orElse(null);
		if (partyId == null) {
			errors.add("partyId", "field.required");
		}
		else if (party == null || !scope.includesParty(partyId)
				|| party.kind() != PartyKind.PROVIDER && party.kind() != PartyKind.MANAGEMENT) {
			errors.add("partyId", "ticket.group.party-invalid");
		}
		Map<Long, Person> members = new LinkedHashMap<>();
		people.findAll(draft.memberIds()).forEach(p -> members.put(p.id(), p));
		for (int i = 0; i < draft.memberIds().size(); i++) {
			Person member = members.get(draft.memberIds().get(i));
			if (member == null || !member.enabled() || partyId != null && member.partyId() != partyId) {
				errors.add("memberIds[" + i + "]", "ticket.group.member-invalid");
			}
		}
		if (draft.leadUserId() != null && !draft.memberIds().contains(draft.leadUserId())) {
			errors.add("leadUserId", "ticket.group.lead-not-member");
		}
		if (draft.escalationGroupId() != null) {
			Optional<AssignmentGroup> secondLine = draft.escalationGroupId().equals(exceptId) ? Optional.empty()
					: groups.find(draft.escalationGroupId()).filter(AssignmentGroup::enabled);
			if (secondLine.isEmpty()) {
				errors.add("escalationGroupId", "ticket.group.escalation-invalid");
			}
			else if (partyId != null && !boundary.mayHandOver(partyId, secondLine.get().partyId())) {
				errors.add("escalationGroupId", "ticket.group.escalation-other-party");
			}
		}
		errors.throwIfAny();
		if (groups.codeTaken(code, exceptId)) {
			throw FieldErrors.taken("code", "ticket.group.code-taken");
		}
	}

	private static Map<String, Object> snapshot(AssignmentGroup group) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("code", group.code());
		values.put("name", group.name());
		values.put("partyId", group.partyId());
		values.put("leadUserId", group.leadUserId());
		values.put("escalationGroupId", group.escalationGroupId());
		values.put("enabled", group.enabled());
		values.put("memberIds", group.memberIds());
		return values;
	}
}
