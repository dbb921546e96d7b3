package org.yunwei.identity.internal;

import org.yunwei.web.FieldErrors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actors;
import org.yunwei.identity.DataScope;
import org.yunwei.web.RejectedRequest;

/**
 * The organisation tree of each party: create a unit under a parent of the same party, rename it, move it without
 * making a cycle, disable it once nothing enabled hangs on it. A customer administrator works inside their own
 * subtree only.
 */
@Service
class OrgUnitAdministration {

	private final OrgUnits orgUnits;
	private final Actors actors;
	private final AuditTrail audit;

	OrgUnitAdministration(OrgUnits orgUnits, Actors actors, AuditTrail audit) {
		this.orgUnits = orgUnits;
		this.actors = actors;
		this.audit = audit;
	}

	/** The units the asker may see, tree order (by path) within each party. */
	@PreAuthorize("isAuthenticated()")
	public List<OrgUnits.OrgUnit> list(Long partyId) {
		DataScope.Condition condition = actors.scope().where("o.party_id", "o.id");
		return orgUnits.visible(condition.sql(), condition.parameters(), partyId);
	}

	@PreAuthorize("isAuthenticated()")
	public OrgUnits.OrgUnit get(long id) {
		DataScope scope = actors.scope();
		return orgUnits.find(id).filter(u -> scope.includes(u.partyId(), u.id()))
			.orElseThrow(() -> RejectedRequest.notFound("org-unit"));
	}

	@PreAuthorize("hasAuthority('PARTY_MANAGE')")
	@Transactional
	public OrgUnits.OrgUnit create(OrgUnitDraft draft) {
		DataScope scope = actors.writableScope();
		String code = FieldErrors.clean(draft.code());
		String name = FieldErrors.clean(draft.name());
		var violations = new FieldErrors().required("partyId", draft.partyId())
			.required("code", code, 50)
			.matches("code", code, FieldErrors.CODE, "field.code")
			.required("name", name, 100);
		if (draft.partyId() != null) {
			var party = orgUnits.findParty(draft.partyId()).filter(p -> scope.includesParty(p.id()));
			if (party.isEmpty()) {
				violations.add("partyId", "directory.party.unknown");
			}
			else if (!party.get().enabled()) {
				violations.add("partyId", "directory.party.disabled");
			}
		}
		if (draft.parentId() != null) {
			checkParent(violations, draft.parentId(), draft.partyId(), null, scope);
		}
		else if (draft.partyId() != null && !scope.includes(draft.partyId(), null)) {
			// a customer administrator cannot found a new top unit: it would lie outside their own subtree
			violations.add("parentId", "directory.unit.parent.required");
		}
		violations.throwIfAny();
		if (orgUnits.codeTaken(code)) {
			throw FieldErrors.taken("code", "directory.unit.code.taken");
		}
		if (orgUnits.siblingNameTaken(draft.partyId(), draft.parentId(), name, null)) {
			throw FieldErrors.taken("name", "directory.unit.name.taken");
		}
		long id = orgUnits.insert(draft.partyId(), draft.parentId(), code, name);
		OrgUnits.OrgUnit created = orgUnits.find(id).orElseThrow();
		audit.record(AuditEntry.of("ORG_UNIT_CREATE", "org_unit", id).after(view(created)));
		return created;
	}

	@PreAuthorize("hasAuthority('PARTY_MANAGE')")
	@Transactional
	public OrgUnits.OrgUnit update(long id, OrgUnitChange change) {
		DataScope scope = actors.writableScope();
		OrgUnits.OrgUnit before = orgUnits.find(id).filter(u -> scope.includes(u.partyId(), u.id()))
			.orElseThrow(() -> RejectedRequest.notFound("org-unit"));
		String name = FieldErrors.clean(change.name());
		var violations = new FieldErrors().required("name", name, 100);
		boolean moving = !Objects.equals(change.parentId(), before.parentId());
		if (moving && change.parentId() != null) {
			checkParent(violations, change.parentId(), before.partyId(), before, scope);
		}
		else if (moving && !scope.includes(before.partyId(), null)) {
			violations.add("parentId", "directory.unit.parent.required");
		}
		violations.throwIfAny();
		boolean enabled = change.enabled() == null ? before.enabled() : change.enabled();
		if (!enabled && before.enabled() && orgUnits.inUse(id)) {
			throw FieldErrors.ruleBroken("unit-in-use", "enabled", "directory.unit.in-use");
		}
		if (orgUnits.siblingNameTaken(before.partyId(), change.parentId(), name, id)) {
			throw FieldErrors.taken("name", "directory.unit.name.taken");
		}
		if (moving) {
			orgUnits.move(id, change.parentId());
		}
		orgUnits.update(id, name, enabled);
		OrgUnits.OrgUnit after = orgUnits.find(id).orElseThrow();
		audit.record(AuditEntry.of(enabled == before.enabled() ? "ORG_UNIT_UPDATE"
				: enabled ? "ORG_UNIT_ENABLE" : "ORG_UNIT_DISABLE", "org_unit", id).before(view(before)).after(view(after)));
		return after;
	}

	/** The parent must be a visible unit of the same party, and not the unit itself or one below it. */
	private void checkParent(FieldErrors violations, long parentId, Long partyId, OrgUnits.OrgUnit moved,
			DataScope scope) {
		var parent = orgUnits.find(parentId).filter(p -> scope.includes(p.partyId(), p.id()));
		if (parent.isEmpty()) {
			violations.add("parentId", "directory.unit.parent.unknown");
		}
		else if (partyId != null && parent.get().partyId() != partyId) {
			violations.add("parentId", "directory.unit.parent.other-party");
		}
		else if (moved != null && parent.get().path().startsWith(moved.path())) {
			violations.add("parentId", "directory.unit.parent.cycle");
		}
	}


	static Map<String, Object> view(OrgUnits.OrgUnit unit) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("partyId", unit.partyId());
		view.put("parentId", unit.parentId());
		view.put("code", unit.code());
		view.put("name", unit.name());
		view.put("path", unit.path());
		view.put("enabled", unit.enabled());
		return view;
	}
}
