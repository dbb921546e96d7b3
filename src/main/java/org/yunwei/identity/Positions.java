package org.yunwei.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.web.RejectedRequest;

/**
 * Who fills which position, for modules that route work to a position rather than to a name: the lead of a unit
 * (负责人), the people holding a role in a party or unit, a post's holder and backup, and the records of a post's
 * holder being absent (岗位备份: the backup acts meanwhile). No scope is applied to the look-ups; recording an
 * absence checks the permission and the scope of the post's unit.
 */
@Service
public class Positions {

	/** A post as the work routed to it sees it. */
	public record PostHolding(long postId, String name, long orgUnitId, Long holderId, Long backupId) {
	}

	/** One period a post's holder was (or will be) absent. */
	public record PostAbsence(long id, long postId, long holderId, Instant from, Instant until, String reason,
			long recordedBy, Instant recordedAt) {
	}

	/** A post as a picker shows it. */
	public record PostChoice(long id, String name, String orgUnitName) {
	}

	/** A role as a picker shows it: its code and the name given to it. */
	public record RoleChoice(String code, String name) {
	}

	private final JdbcClient jdbc;
	private final Actors actors;
	private final Organisations organisations;
	private final AuditTrail audit;

	Positions(JdbcClient jdbc, Actors actors, Organisations organisations, AuditTrail audit) {
		this.jdbc = jdbc;
		this.actors = actors;
		this.organisations = organisations;
		this.audit = audit;
	}

	/**
	 * The lead of a unit, or of the nearest unit above it that has one; empty when no unit on the way up has a lead.
	 */
	public Optional<Long> leadOf(long orgUnitId) {
		return jdbc.sql("""
				select o.lead_id from org_unit o
				join org_unit u on u.path like o.path || '%'
				join app_user a on a.id = o.lead_id
				where u.id = ? and a.enabled
				order by length(o.path) desc limit 1""")
			.param(orgUnitId)
			.query(Long.class)
			.optional();
	}

	/**
	 * The lead a person answers to: the lead of their unit, or, when they lead it themselves, the lead of the units
	 * above it.
	 */
	public Optional<Long> leadAbove(long userId) {
		return jdbc.sql("""
				select o.lead_id from app_user p
				join org_unit u on u.id = p.org_unit_id
				join org_unit o on u.path like o.path || '%'
				join app_user a on a.id = o.lead_id
				where p.id = ? and o.lead_id <> p.id and a.enabled
				order by length(o.path) desc limit 1""")
			.param(userId)
			.query(Long.class)
			.optional();
	}

	/** The lead named for this unit itself (not one above it); empty when it has none. */
	public Optional<Long> appointedLead(long orgUnitId) {
		return jdbc.sql("select lead_id from org_unit where id = ? and lead_id is not null")
			.param(orgUnitId)
			.query(Long.class)
			.optional();
	}

	/** Names the lead of a unit; {@code null} removes it. For the directory's administration and for tests. */
	@Transactional
	public void appointLead(long orgUnitId, Long userId) {
		if (!actors.current().can(Permission.PARTY_MANAGE)) {
			throw RejectedRequest.forbidden("problem.forbidden");
		}
		organisations.find(orgUnitId).orElseThrow(() -> RejectedRequest.notFound("org-unit"));
		actors.writableScope();
		if (userId != null && jdbc.sql("select count(*) from app_user where id = ? and enabled").param(userId)
			.query(Long.class)
			.single() == 0) {
			throw RejectedRequest.invalidField("userId", "approval.person.unknown");
		}
		jdbc.sql("update org_unit set lead_id = ? where id = ?").params(userId, orgUnitId).update();
		audit.record(AuditEntry.of("ORG_UNIT_LEAD", "org_unit", orgUnitId).after(java.util.Map.of("leadId",
				userId == null ? "" : userId)));
	}

	/**
	 * The enabled people holding a role (by code) in a party, and, when a unit is given, in that unit or the units
	 * below it; by id, at most {@code limit}.
	 */
	public List<Long> holdersOfRole(String roleCode, long partyId, Long orgUnitId, int limit) {
		return jdbc.sql("""
				select distinct u.id from app_user u
				join org_unit o on o.id = u.org_unit_id
				join user_role ur on ur.user_id = u.id
				join role r on r.id = ur.role_id
				where r.code = ? and o.party_id = ? and u.enabled
				  and (cast(? as bigint) is null
				       or o.path like (select path from org_unit where id = cast(? as bigint)) || '%')
				order by u.id limit ?""")
			.params(roleCode, partyId, orgUnitId, orgUnitId, limit)
			.query(Long.class)
			.list();
	}

	/** Every post of an enabled unit, by unit and name, at most {@code limit}: for pickers. */
	public List<PostChoice> postChoices(int limit) {
		return jdbc.sql("""
				select s.id, s.name, o.name as unit from post s join org_unit o on o.id = s.org_unit_id
				where o.enabled order by o.name, s.name, s.id limit ?""")
			.param(limit)
			.query((rs, n) -> new PostChoice(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/** Every role, by code: for pickers (a built-in role's name in the reader's language is {@code role.<CODE>}). */
	public List<RoleChoice> roleChoices() {
		return jdbc.sql("select code, name from role order by built_in desc, code")
			.query((rs, n) -> new RoleChoice(rs.getString(1), rs.getString(2)))
			.list();
	}

	public Optional<PostHolding> post(long postId) {
		return jdbc.sql("select id, name, org_unit_id, holder_id, backup_id from post where id = ?")
			.param(postId)
			.query((rs, n) -> new PostHolding(rs.getLong("id"), rs.getString("name"), rs.getLong("org_unit_id"),
					(Long) rs.getObject("holder_id"), (Long) rs.getObject("backup_id")))
			.optional();
	}

	/** Whether the post's holder is marked absent at the instant. */
	public boolean holderAbsent(long postId, Instant at) {
		return jdbc.sql("""
				select exists (select 1 from post_absence a join post p on p.id = a.post_id
				  where a.post_id = ? and a.holder_id = p.holder_id and a.absent_from <= ? and a.absent_until > ?)""")
			.params(postId, java.sql.Timestamp.from(at), java.sql.Timestamp.from(at))
			.query(Boolean.class)
			.single();
	}

	/**
	 * Whether this person, as the post's holder, is marked absent from it at the instant — whoever holds the post now.
	 * Approvals ask it for the holder seated when a stage started, so that a change of holder does not move the stage.
	 */
	public boolean absentFrom(long postId, long holderId, Instant at) {
		return jdbc.sql("""
				select exists (select 1 from post_absence a
				  where a.post_id = ? and a.holder_id = ? and a.absent_from <= ? and a.absent_until > ?)""")
			.params(postId, holderId, java.sql.Timestamp.from(at), java.sql.Timestamp.from(at))
			.query(Boolean.class)
			.single();
	}

	/** The posts a person is the backup of whose holder is absent at the instant (or which have no holder). */
	public List<Long> postsCoveredBy(long userId, Instant at) {
		return jdbc.sql("""
				select p.id from post p where p.backup_id = ? and (p.holder_id is null or exists (
				  select 1 from post_absence a where a.post_id = p.id and a.holder_id = p.holder_id
				    and a.absent_from <= ? and a.absent_until > ?)) order by p.id""")
			.params(userId, java.sql.Timestamp.from(at), java.sql.Timestamp.from(at))
			.query(Long.class)
			.list();
	}

	/** The person who acts for the post at the instant: the backup while the holder is absent, else the holder. */
	public Optional<Long> actingFor(long postId, Instant at) {
		return post(postId).map(post -> post.backupId() != null && holderAbsent(postId, at) ? post.backupId()
				: post.holderId());
	}

	/**
	 * Marks the post's current holder absent from one instant to another, and why; audited.
	 *
	 * @throws RejectedRequest 403 without POST_ABSENCE_RECORD, 404 for a post outside the scope, 400 for a period
	 *         that ends before it starts or a blank reason, 422 for a post without holder or backup
	 */
	@Transactional
	public PostAbsence recordAbsence(long postId, Instant from, Instant until, String reason) {
		Actor actor = actors.current();
		if (!actor.can(Permission.POST_ABSENCE_RECORD)) {
			throw RejectedRequest.forbidden("problem.forbidden");
		}
		PostHolding post = post(postId).orElseThrow(() -> RejectedRequest.notFound("post"));
		OrganisationUnit unit = organisations.find(post.orgUnitId()).orElseThrow();
		actors.requireWritable(unit.partyId(), unit.id());
		if (from == null) {
			throw RejectedRequest.invalidField("from", "field.required");
		}
		if (until == null || !until.isAfter(from)) {
			throw RejectedRequest.invalidField("until", "absence.until.after-from");
		}
		if (reason == null || reason.isBlank()) {
			throw RejectedRequest.invalidField("reason", "field.required");
		}
		if (post.holderId() == null || post.backupId() == null) {
			throw RejectedRequest.unprocessable("post-without-backup", "absence.post-without-backup");
		}
		long id = jdbc.sql("""
				insert into post_absence (post_id, holder_id, absent_from, absent_until, reason, recorded_by)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(postId, post.holderId(), java.sql.Timestamp.from(from), java.sql.Timestamp.from(until),
					reason.strip(), actor.userId())
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of("POST_ABSENCE_RECORD", "post", postId)
			.after(java.util.Map.of("holderId", post.holderId(), "from", from.toString(), "until", until.toString(),
					"reason", reason.strip())));
		return new PostAbsence(id, postId, post.holderId(), from, until, reason.strip(), actor.userId(), Instant.now());
	}

	/**
	 * A post's absence records as the signed-in person may read them (POST_MANAGE, USER_READ or
	 * POST_ABSENCE_RECORD, within scope), latest first, at most 200.
	 */
	@Transactional(readOnly = true)
	public List<PostAbsence> readAbsences(long postId) {
		Actor actor = actors.current();
		if (!actor.can(Permission.POST_MANAGE) && !actor.can(Permission.USER_READ)
				&& !actor.can(Permission.POST_ABSENCE_RECORD)) {
			throw RejectedRequest.forbidden("problem.forbidden");
		}
		PostHolding post = post(postId).orElseThrow(() -> RejectedRequest.notFound("post"));
		OrganisationUnit unit = organisations.find(post.orgUnitId()).orElseThrow();
		if (!actors.scopeOf(actor).includes(unit.partyId(), unit.id())) {
			throw RejectedRequest.notFound("post");
		}
		return absences(postId, 200);
	}

	/** A post's absence records, latest first, at most {@code limit}. */
	public List<PostAbsence> absences(long postId, int limit) {
		return jdbc.sql("""
				select id, post_id, holder_id, absent_from, absent_until, reason, recorded_by, recorded_at
				from post_absence where post_id = ? order by absent_until desc, id desc limit ?""")
			.params(postId, limit)
			.query((rs, n) -> new PostAbsence(rs.getLong(1), rs.getLong(2), rs.getLong(3),
					rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getLong(7),
					rs.getTimestamp(8).toInstant()))
			.list();
	}
}
