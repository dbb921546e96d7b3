package org.yunwei.personnel.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actor;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.Party;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.Positions;
import org.yunwei.identity.Staffing;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * The reserve plan (人员储备计划): for each post of a provider, the people it needs on duty and in reserve, the staff
 * records that name the post, and the gap between them. The one writer of {@code reserve_target}.
 */
@Service
class ReservePlan {

	static final int POSTS = 500;

	private final JdbcClient jdbc;
	private final StaffAccess access;
	private final Staffing staffing;
	private final Positions positions;
	private final Organisations organisations;
	private final AuditTrail audit;

	ReservePlan(JdbcClient jdbc, StaffAccess access, Staffing staffing, Positions positions,
			Organisations organisations, AuditTrail audit) {
		this.jdbc = jdbc;
		this.access = access;
		this.staffing = staffing;
		this.positions = positions;
		this.organisations = organisations;
		this.audit = audit;
	}

	/**
	 * One post of the plan.
	 *
	 * @param required people needed on duty; {@code null} while no target is set
	 * @param reserve people wanted in reserve; {@code null} while no target is set
	 * @param staffed staff records naming the post
	 * @param gap how many people the post is short of its target (0 when none)
	 */
	public record PostReserve(long postId, String postName, String unitName, String partyName, Integer required,
			Integer reserve, long staffed, long gap) {
	}

	/** What a keeper sets for a post. */
	public record TargetDraft(Integer required, Integer reserve) {
	}

	@Transactional(readOnly = true)
	public List<PostReserve> plan() {
		access.requireReader();
		DataScope scope = access.scope();
		List<PostReserve> lines = new ArrayList<>();
		for (Party party : organisations.parties(PartyKind.PROVIDER)) {
			if (!scope.includesParty(party.id())) {
				continue;
			}
			List<Staffing.StaffedPost> posts = staffing.posts(party.id(), POSTS);
			if (posts.isEmpty()) {
				continue;
			}
			Map<Long, int[]> targets = jdbc.sql("select post_id, required, reserve from reserve_target where party_id = ?")
				.param(party.id())
				.query((rs, n) -> Map.entry(rs.getLong(1), new int[] { rs.getInt(2), rs.getInt(3) }))
				.list()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
			Map<Long, Long> staffed = jdbc.sql("""
					select post_id, count(*) from staff_member where party_id = ? and post_id is not null
					group by post_id""")
				.param(party.id())
				.query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
				.list()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
			for (Staffing.StaffedPost post : posts) {
				int[] target = targets.get(post.id());
				long count = staffed.getOrDefault(post.id(), 0L);
				long gap = target == null ? 0 : Math.max(0, target[0] + target[1] - count);
				lines.add(new PostReserve(post.id(), post.name(), post.orgUnitName(), party.name(),
						target == null ? null : target[0], target == null ? null : target[1], count, gap));
			}
		}
		return lines;
	}

	/** Sets a post's target: a post of a provider the keeper keeps records for. */
	@Transactional
	public void target(long postId, TargetDraft draft) {
		Actor keeper = access.requireKeeper();
		DataScope scope = access.scope();
		Long partyId = positions.post(postId)
			.flatMap(post -> organisations.find(post.orgUnitId()))
			.filter(unit -> organisations.findParty(unit.partyId()).map(p -> p.kind() == PartyKind.PROVIDER)
				.orElse(false))
			.map(unit -> unit.partyId())
			.filter(scope::includesParty)
			.orElseThrow(() -> RejectedRequest.notFound("post"));
		FieldErrors errors = new FieldErrors();
		errors.required("required", draft.required()).required("reserve", draft.reserve());
		if (draft.required() != null && (draft.required() < 0 || draft.required() > 1000)) {
			errors.add("required", "personnel.reserve.count.invalid");
		}
		if (draft.reserve() != null && (draft.reserve() < 0 || draft.reserve() > 1000)) {
			errors.add("reserve", "personnel.reserve.count.invalid");
		}
		errors.throwIfAny();
		jdbc.sql("""
				insert into reserve_target (post_id, party_id, required, reserve, updated_by) values (?, ?, ?, ?, ?)
				on conflict (post_id) do update set required = excluded.required, reserve = excluded.reserve,
				  updated_by = excluded.updated_by, updated_at = now()""")
			.params(postId, partyId, draft.required(), draft.reserve(), keeper.userId())
			.update();
		audit.record(AuditEntry.of("RESERVE_TARGET_SET", "reserve_target", postId)
			.after(Map.of("required", draft.required(), "reserve", draft.reserve())));
	}
}
