package org.yunwei.identity.internal;

import org.yunwei.web.FieldErrors;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actors;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.PartyKind;
import org.yunwei.web.RejectedRequest;

/**
 * Creates and changes the four kinds of party (管理方, 使用方, 监理方, 服务方). A party is founded together with the
 * top unit of its organisation tree, so that users can be placed in it at once. Only management founds a party; a
 * provider's own administrators may rename theirs, a customer department's may not (their scope is their subtree,
 * the party spans other departments); nobody disables the party they belong to, which would lock them out.
 */
@Service
class PartyAdministration {

	private final OrgUnits orgUnits;
	private final Actors actors;
	private final AuditTrail audit;

	PartyAdministration(OrgUnits orgUnits, Actors actors, AuditTrail audit) {
		this.orgUnits = orgUnits;
		this.actors = actors;
		this.audit = audit;
	}

	/** The parties the asker may see: all for management and supervision, their own for everyone else. */
	@PreAuthorize("isAuthenticated()")
	public List<OrgUnits.Party> list() {
		DataScope scope = actors.scope();
		return orgUnits.parties().stream().filter(p -> scope.includesParty(p.id())).toList();
	}

	@PreAuthorize("isAuthenticated()")
	public OrgUnits.Party get(long id) {
		DataScope scope = actors.scope();
		return orgUnits.findParty(id).filter(p -> scope.includesParty(p.id()))
			.orElseThrow(() -> RejectedRequest.notFound("party"));
	}

	@PreAuthorize("hasAuthority('PARTY_MANAGE')")
	@Transactional
	public OrgUnits.Party create(PartyDraft draft) {
		DataScope scope = actors.writableScope();
		if (scope.partyKind() != PartyKind.MANAGEMENT) {
			throw RejectedRequest.forbidden("problem.directory.management-only");
		}
		String kind = FieldErrors.clean(draft.kind());
		String code = FieldErrors.clean(draft.code());
		String name = FieldErrors.clean(draft.name());
		String unitCode = FieldErrors.clean(draft.topUnitCode());
		String unitName = FieldErrors.clean(draft.topUnitName());
		var violations = new FieldErrors().required("kind", kind, 20)
			.required("code", code, 50)
			.matches("code", code, FieldErrors.CODE, "field.code")
			.required("name", name, 100)
			.optional("topUnitCode", unitCode, 50)
			.matches("topUnitCode", unitCode, FieldErrors.CODE, "field.code")
			.optional("topUnitName", unitName, 100);
		if (kind != null && Arrays.stream(PartyKind.values()).noneMatch(k -> k.name().equals(kind))) {
			violations.add("kind", "directory.party.kind.unknown");
		}
		violations.throwIfAny();
		if (orgUnits.partyCodeTaken(code)) {
			throw FieldErrors.taken("code", "directory.party.code.taken");
		}
		if (orgUnits.partyNameTaken(name, null)) {
			throw FieldErrors.taken("name", "directory.party.name.taken");
		}
		String topUnitCode = unitCode == null ? code : unitCode;
		if (orgUnits.codeTaken(topUnitCode)) {
			throw FieldErrors.taken("topUnitCode", "directory.unit.code.taken");
		}
		long id = orgUnits.insertParty(kind, code, name);
		OrgUnits.Party created = orgUnits.findParty(id).orElseThrow();
		audit.record(AuditEntry.of("PARTY_CREATE", "party", id).after(view(created)));
		long unitId = orgUnits.insert(id, null, topUnitCode, unitName == null ? name : unitName);
		audit.record(AuditEntry.of("ORG_UNIT_CREATE", "org_unit", unitId)
			.after(OrgUnitAdministration.view(orgUnits.find(unitId).orElseThrow())));
		return created;
	}

	@PreAuthorize("hasAuthority('PARTY_MANAGE')")
	@Transactional
	public OrgUnits.Party update(long id, PartyChange change) {
		DataScope scope = actors.writableScope();
		OrgUnits.Party before = orgUnits.findParty(id).filter(p -> scope.includesParty(p.id()))
			.orElseThrow(() -> RejectedRequest.notFound("party"));
		if (scope.partyKind() == PartyKind.CUSTOMER) {
			// a customer administrator's scope is their own subtree; the party spans other departments too
			throw RejectedRequest.forbidden("problem.directory.management-only");
		}
		String name = FieldErrors.clean(change.name());
		new FieldErrors().required("name", name, 100).throwIfAny();
		boolean enabled = change.enabled() == null ? before.enabled() : change.enabled();
		if (!enabled && id == actors.current().partyId()) {
			throw FieldErrors.ruleBroken("own-party", "enabled", "directory.party.own");
		}
		if (orgUnits.partyNameTaken(name, id)) {
			throw FieldErrors.taken("name", "directory.party.name.taken");
		}
		orgUnits.updateParty(id, name, enabled);
		OrgUnits.Party after = orgUnits.findParty(id).orElseThrow();
		audit.record(AuditEntry.of(enabled == before.enabled() ? "PARTY_UPDATE" : enabled ? "PARTY_ENABLE" : "PARTY_DISABLE",
				"party", id).before(view(before)).after(view(after)));
		return after;
	}

	static Map<String, Object> view(OrgUnits.Party party) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("kind", party.kind());
		view.put("code", party.code());
		view.put("name", party.name());
		view.put("enabled", party.enabled());
		return view;
	}
}
