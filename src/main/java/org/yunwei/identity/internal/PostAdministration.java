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
 * Posts (岗位) with their responsibilities, holder and backup person (岗位备份). Holder and backup are different
 * people of the post's party, so that someone always stands in when the holder is away.
 */
@Service
class PostAdministration {

	private final Posts posts;
	private final OrgUnits orgUnits;
	private final UserRoster roster;
	private final Actors actors;
	private final AuditTrail audit;

	PostAdministration(Posts posts, OrgUnits orgUnits, UserRoster roster, Actors actors, AuditTrail audit) {
		this.posts = posts;
		this.orgUnits = orgUnits;
		this.roster = roster;
		this.actors = actors;
		this.audit = audit;
	}

	@PreAuthorize("hasAnyAuthority('POST_MANAGE', 'USER_READ')")
	public List<PostView> list(Long orgUnitId) {
		DataScope.Condition condition = actors.scope().where("o.party_id", "s.org_unit_id");
		return posts.visible(condition.sql(), condition.parameters(), orgUnitId);
	}

	@PreAuthorize("hasAnyAuthority('POST_MANAGE', 'USER_READ')")
	public PostView get(long id) {
		return visible(id, actors.scope());
	}

	/** Who may hold or back up a post of this unit: the visible, enabled users of the unit's party. */
	@PreAuthorize("hasAuthority('POST_MANAGE')")
	public List<UserView> candidates(long orgUnitId) {
		DataScope scope = actors.scope();
		return orgUnits.find(orgUnitId).filter(u -> scope.includes(u.partyId(), u.id()))
			.map(unit -> roster.ofParty(unit.partyId()).stream()
				.filter(user -> scope.includes(user.partyId(), user.orgUnitId()))
				.toList())
			.orElse(List.of());
	}

	@PreAuthorize("hasAuthority('POST_MANAGE')")
	@Transactional
	public PostView create(PostDraft draft) {
		DataScope scope = actors.writableScope();
		Cleaned post = check(draft, scope, null);
		if (posts.nameTaken(draft.orgUnitId(), post.name(), null)) {
			throw FieldErrors.taken("name", "directory.post.name.taken");
		}
		long id = posts.insert(draft.orgUnitId(), post.name(), post.responsibilities(), draft.holderId(),
				draft.backupId());
		PostView created = posts.find(id).orElseThrow();
		audit.record(AuditEntry.of("POST_CREATE", "post", id).after(view(created)));
		return created;
	}

	@PreAuthorize("hasAuthority('POST_MANAGE')")
	@Transactional
	public PostView update(long id, PostDraft draft) {
		DataScope scope = actors.writableScope();
		PostView before = visible(id, scope);
		Cleaned post = check(draft, scope, before);
		if (posts.nameTaken(draft.orgUnitId(), post.name(), id)) {
			throw FieldErrors.taken("name", "directory.post.name.taken");
		}
		posts.update(id, draft.orgUnitId(), post.name(), post.responsibilities(), draft.holderId(), draft.backupId());
		PostView after = posts.find(id).orElseThrow();
		audit.record(AuditEntry.of("POST_UPDATE", "post", id).before(view(before)).after(view(after)));
		return after;
	}

	@PreAuthorize("hasAuthority('POST_MANAGE')")
	@Transactional
	public void delete(long id) {
		DataScope scope = actors.writableScope();
		PostView before = visible(id, scope);
		posts.delete(id);
		audit.record(AuditEntry.of("POST_DELETE", "post", id).before(view(before)));
	}

	private Cleaned check(PostDraft draft, DataScope scope, PostView existing) {
		String name = FieldErrors.clean(draft.name());
		String responsibilities = FieldErrors.clean(draft.responsibilities());
		var violations = new FieldErrors().required("orgUnitId", draft.orgUnitId())
			.required("name", name, 100)
			.required("responsibilities", responsibilities, 2000);
		Long partyId = null;
		if (draft.orgUnitId() != null) {
			var unit = orgUnits.find(draft.orgUnitId()).filter(u -> scope.includes(u.partyId(), u.id()));
			if (unit.isEmpty()) {
				violations.add("orgUnitId", "directory.post.unit.unknown");
			}
			else if (!unit.get().enabled() && (existing == null || existing.orgUnitId() != unit.get().id())) {
				violations.add("orgUnitId", "directory.post.unit.disabled");
			}
			else {
				partyId = unit.get().partyId();
			}
		}
		if (draft.holderId() != null && Objects.equals(draft.holderId(), draft.backupId())) {
			violations.add("backupId", "directory.post.backup.same");
		}
		if (partyId != null) {
			checkPerson(violations, "holderId", draft.holderId(), partyId, scope);
			checkPerson(violations, "backupId", draft.backupId(), partyId, scope);
		}
		violations.throwIfAny();
		return new Cleaned(name, responsibilities);
	}

	/** Holder and backup are visible users of the post's own party. */
	private void checkPerson(FieldErrors violations, String field, Long userId, long partyId, DataScope scope) {
		if (userId == null) {
			return;
		}
		var user = roster.find(userId).filter(u -> scope.includes(u.partyId(), u.orgUnitId()));
		if (user.isEmpty() || user.get().partyId() != partyId) {
			violations.add(field, "directory.post.person.other-party");
		}
	}

	private PostView visible(long id, DataScope scope) {
		return posts.find(id).filter(p -> scope.includes(p.partyId(), p.orgUnitId()))
			.orElseThrow(() -> RejectedRequest.notFound("post"));
	}


	static Map<String, Object> view(PostView post) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("orgUnitId", post.orgUnitId());
		view.put("name", post.name());
		view.put("responsibilities", post.responsibilities());
		view.put("holderId", post.holderId());
		view.put("backupId", post.backupId());
		return view;
	}

	private record Cleaned(String name, String responsibilities) {
	}
}
