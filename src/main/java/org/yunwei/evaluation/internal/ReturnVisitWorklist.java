package org.yunwei.evaluation.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.identity.Actors;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.OrganisationUnit;
import org.yunwei.identity.Organisations;
import org.yunwei.ticket.TicketGroup;
import org.yunwei.ticket.TicketType;
import org.yunwei.ticket.Tickets;
import org.yunwei.web.KeysetPage;

/**
 * The return-visit worklist (待回访): resolved and closed tickets of the asker's scope that are drawn in the sample,
 * rated low or major incidents, and that nobody has reached on a visit yet (a visit that found nobody leaves the
 * ticket on the list). Newest resolution first, one keyset page at a time. It reads evaluation's own record of
 * resolved tickets ({@link EvaluationTickets}), on its partial indexes, never the ticket table.
 */
@Service
class ReturnVisitWorklist {

	private final JdbcClient jdbc;
	private final Actors actors;
	private final EvaluationAccess access;
	private final SatisfactionSettings settings;
	private final Organisations organisations;
	private final Tickets tickets;

	ReturnVisitWorklist(JdbcClient jdbc, Actors actors, EvaluationAccess access, SatisfactionSettings settings,
			Organisations organisations, Tickets tickets) {
		this.jdbc = jdbc;
		this.actors = actors;
		this.access = access;
		this.settings = settings;
		this.organisations = organisations;
		this.tickets = tickets;
	}

	/** The worklist of the signed-in agent (or management, or supervision reading). */
	@Transactional(readOnly = true)
	public KeysetPage<ReturnVisitDue> list(ReturnVisitQuery query) {
		access.requireVisitReader();
		return list(query, actors.scope(), settings.returnVisitSamplePercent(), settings.lowRatingThreshold());
	}

	KeysetPage<ReturnVisitDue> list(ReturnVisitQuery query, DataScope scope, int samplePercent, int lowRating) {
		DataScope.Condition condition = scope.where("t.provider_party_id", "t.customer_org_unit_id");
		StringBuilder sql = new StringBuilder("""
				select t.ticket_id, t.number, t.type, t.status, t.priority, t.subject, t.customer_org_unit_id,
				  t.group_id, t.reporter_name, t.reporter_contact, t.major, t.resolved_at, r.score,
				  (select count(*) from ticket_return_visit v where v.ticket_id = t.ticket_id) as attempts
				from evaluation_ticket t left join ticket_rating r on r.ticket_id = t.ticket_id
				where t.status in ('RESOLVED', 'CLOSED') and t.resolved_at is not null""")
			.append(" and ").append(condition.sql());
		List<Object> params = new ArrayList<>(condition.parameters());
		sql.append(" and not exists (select 1 from ticket_return_visit v where v.ticket_id = t.ticket_id"
				+ " and v.result <> 'UNREACHABLE')");
		if (query.reason() == null) {
			sql.append(" and (").append(ReturnVisitSample.condition("t.ticket_id"))
				.append(" or t.major or r.score <= ?)");
			params.add(samplePercent);
			params.add(lowRating);
		}
		else {
			switch (query.reason()) {
				case SAMPLE -> {
					sql.append(" and ").append(ReturnVisitSample.condition("t.ticket_id"));
					params.add(samplePercent);
				}
				case LOW_RATING -> {
					sql.append(" and r.score <= ?");
					params.add(lowRating);
				}
				case MAJOR -> sql.append(" and t.major");
			}
		}
		if (query.status() != null) {
			sql.append(" and t.status = ?");
			params.add(query.status().name());
		}
		if (query.groupId() != null) {
			sql.append(" and t.group_id = ?");
			params.add(query.groupId());
		}
		if (query.customerOrgUnitId() != null) {
			sql.append(" and t.customer_org_unit_id = ?");
			params.add(query.customerOrgUnitId());
		}
		if (query.q() != null) {
			String pattern = "%" + query.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			sql.append(" and (t.number = upper(?) or t.subject ilike ?)");
			params.add(query.q());
			params.add(pattern);
		}
		if (query.after() != null) {
			sql.append(" and (t.resolved_at, t.ticket_id) < (?, ?)");
			params.add(Timestamp.from(query.after().resolvedAt()));
			params.add(query.after().ticketId());
		}
		sql.append(" order by t.resolved_at desc, t.ticket_id desc limit ?");
		params.add(query.limit() + 1);
		Names names = new Names();
		List<ReturnVisitDue> rows = jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> {
				long id = rs.getLong("ticket_id");
				boolean major = rs.getBoolean("major");
				Integer score = (Integer) rs.getObject("score");
				Set<ReturnVisitReason> reasons = EnumSet.noneOf(ReturnVisitReason.class);
				if (ReturnVisitSample.drawn(id, samplePercent)) {
					reasons.add(ReturnVisitReason.SAMPLE);
				}
				if (score != null && score <= lowRating) {
					reasons.add(ReturnVisitReason.LOW_RATING);
				}
				if (major) {
					reasons.add(ReturnVisitReason.MAJOR);
				}
				long unitId = rs.getLong("customer_org_unit_id");
				Long groupId = (Long) rs.getObject("group_id");
				return new ReturnVisitDue(id, rs.getString("number"), TicketType.valueOf(rs.getString("type")),
						rs.getString("status"), rs.getString("priority"), rs.getString("subject"), unitId,
						names.unit(unitId), groupId, names.group(groupId), rs.getString("reporter_name"),
						rs.getString("reporter_contact"), major, EvaluationTickets.instant(rs, "resolved_at"), score,
						rs.getInt("attempts"), Set.copyOf(reasons));
			})
			.list();
		return KeysetPage.of(rows, query.limit(), row -> ReturnVisitQuery.Cursor.after(row).encode());
	}

	/** The names of the units and groups of one page, each looked up once. */
	private final class Names {

		private final Map<Long, String> units = new HashMap<>();
		private final Map<Long, String> groupNames = new HashMap<>();

		String unit(long id) {
			return units.computeIfAbsent(id,
					k -> organisations.find(k).map(OrganisationUnit::name).orElse(null));
		}

		String group(Long id) {
			return id == null ? null
					: groupNames.computeIfAbsent(id, k -> tickets.group(k).map(TicketGroup::name).orElse(null));
		}
	}
}
