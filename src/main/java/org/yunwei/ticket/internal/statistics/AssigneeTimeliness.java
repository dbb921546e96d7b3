package org.yunwei.ticket.internal.statistics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.People;
import org.yunwei.identity.Permission;
import org.yunwei.identity.Person;
import org.yunwei.ticket.AssigneeFigures;
import org.yunwei.ticket.internal.record.TicketSettings;
import org.yunwei.ticket.internal.record.Timeline;
import org.yunwei.web.DateRange;
import org.yunwei.web.RejectedRequest;

/**
 * How each person handled tickets in a period (Hunan 5.4.2 c), by the ticket's assignee now: the figures of
 * {@link AssigneeFigures} in one statement over three index ranges of {@code ticket} (created, resolved and closed in
 * the period), within the reader's scope as the ticket statistics apply it. Public for the module's facade
 * {@code Tickets} only.
 */
@Service
public class AssigneeTimeliness {

	private final JdbcClient jdbc;
	private final Actors actors;
	private final Organisations organisations;
	private final People people;
	private final ZoneId zone;

	AssigneeTimeliness(JdbcClient jdbc, Actors actors, Organisations organisations, People people,
			TicketSettings settings) {
		this.jdbc = jdbc;
		this.actors = actors;
		this.organisations = organisations;
		this.people = people;
		this.zone = settings.zone();
	}

	/** See {@code Tickets#figuresByAssignee}. */
	@Transactional(readOnly = true)
	public List<AssigneeFigures> figures(DateRange period, Long providerPartyId) {
		Objects.requireNonNull(period, "period");
		Objects.requireNonNull(period.from(), "period.from");
		Objects.requireNonNull(period.to(), "period.to");
		return figures(period, condition(providerPartyId));
	}

	/**
	 * The reader's scope narrowed to one provider when asked: TICKET_REPORT and a party that is not a customer's
	 * (403 otherwise); a provider that does not exist or that the reader may not see is refused as unknown (400), so
	 * that nobody learns of a party they may not see.
	 */
	DataScope.Condition condition(Long providerPartyId) {
		Actor actor = actors.current();
		if (!actor.can(Permission.TICKET_REPORT)) {
			throw RejectedRequest.forbidden("problem.forbidden");
		}
		DataScope scope = actors.scopeOf(actor);
		if (scope.partyKind() == PartyKind.CUSTOMER) {
			throw RejectedRequest.forbidden("problem.forbidden");
		}
		DataScope.Condition condition = TicketStatistics.condition(scope);
		if (providerPartyId == null) {
			return condition;
		}
		boolean known = organisations.findParty(providerPartyId)
			.filter(party -> party.kind() == PartyKind.PROVIDER && scope.includesParty(party.id()))
			.isPresent();
		if (!known) {
			throw RejectedRequest.invalidField("provider", "ticket-stats.provider.unknown");
		}
		List<Object> parameters = new ArrayList<>(condition.parameters());
		parameters.add(providerPartyId);
		return new DataScope.Condition(condition.sql() + " and provider_party_id = ?", parameters);
	}

	/** The figures of the period within a condition from {@link #condition}. */
	List<AssigneeFigures> figures(DateRange period, DataScope.Condition scope) {
		Timestamp start = Timestamp.from(period.start(zone));
		Timestamp end = Timestamp.from(period.end(zone));
		List<Object> params = new ArrayList<>();
		for (int range = 0; range < 3; range++) {
			params.add(start);
			params.add(end);
			params.addAll(scope.parameters());
		}
		// The planner's cost grows with the period's tickets and passes jit_above_cost for a month of a large desk;
		// compiling then takes longer than running (111 ms of JIT for a 490 ms plan of this statement, seen on
		// 100,000 generated tickets before ticket/V12), and it is paid again on every execution.
		jdbc.sql("set local jit = off").update();
		// Three index ranges, each ticket read once per range it falls in; the times are computed once per resolved
		// ticket for both mean and 90th percentile (date_part, not extract: see TicketStatisticsReading#resolved).
		List<Row> rows = jdbc.sql("""
				select who, count(*) filter (where step = 'C') as assigned,
				  count(*) filter (where step = 'R') as resolved, count(*) filter (where step = 'X') as closed,
				  avg(respond) as mean_respond, percentile_cont(0.9) within group (order by respond) as p90_respond,
				  avg(resolve) as mean_resolve, percentile_cont(0.9) within group (order by resolve) as p90_resolve,
				  count(*) filter (where with_sla) as sla_counted,
				  count(*) filter (where with_sla and response_met) as response_met,
				  count(*) filter (where with_sla and resolution_met) as resolution_met,
				  count(*) filter (where reopened) as reopened
				from (
				  select assignee_user_id as who, 'C' as step, null::float8 as respond, null::float8 as resolve,
				    false as with_sla, false as response_met, false as resolution_met, false as reopened
				  from ticket where created_at >= ? and created_at < ? and\s""" + scope.sql() + """

				  union all
				  select t.assignee_user_id, 'R', date_part('epoch', t.responded_at - t.created_at),
				    date_part('epoch', t.resolved_at - t.created_at), t.agreement_id is not null,
				    t.response_breached_at is null, t.resolution_breached_at is null,
				    exists (select 1 from ticket_entry e where e.ticket_id = t.id and\s""" + Timeline.REOPEN + """
				)
				  from ticket t where t.resolved_at >= ? and t.resolved_at < ? and\s""" + scope.sql() + """

				  union all
				  select assignee_user_id, 'X', null, null, false, false, false, false
				  from ticket where closed_at >= ? and closed_at < ? and\s""" + scope.sql() + """

				) handled
				group by who""")
			.params(params)
			.query(AssigneeTimeliness::row)
			.list();
		Map<Long, String> names = names(rows);
		return rows.stream()
			.map(row -> row.figures(row.who() == null ? null : names.getOrDefault(row.who(), "#" + row.who())))
			.sorted(Comparator.comparingLong(AssigneeFigures::resolved).reversed()
				.thenComparing(Comparator.comparingLong(AssigneeFigures::assigned).reversed())
				.thenComparing(f -> f.assigneeName() == null ? "\uffff" : f.assigneeName()))
			.toList();
	}

	/** The display names of the people counted, in one lookup. */
	private Map<Long, String> names(List<Row> rows) {
		Map<Long, String> names = new HashMap<>();
		for (Person person : people.findAll(rows.stream().map(Row::who).filter(Objects::nonNull).toList())) {
			names.put(person.id(), person.displayName());
		}
		return names;
	}

	private record Row(Long who, long assigned, long resolved, long closed, Long meanRespond, Long p90Respond,
			Long meanResolve, Long p90Resolve, long slaCounted, long responseMet, long resolutionMet, long reopened) {

		AssigneeFigures figures(String name) {
			return new AssigneeFigures(who, name, assigned, resolved, closed, meanRespond, p90Respond, meanResolve,
					p90Resolve, AssigneeFigures.Attainment.of(slaCounted, responseMet),
					AssigneeFigures.Attainment.of(slaCounted, resolutionMet), reopened,
					AssigneeFigures.percent(reopened, resolved));
		}
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		long who = rs.getLong("who");
		return new Row(rs.wasNull() ? null : who, rs.getLong("assigned"), rs.getLong("resolved"), rs.getLong("closed"),
				seconds(rs, "mean_respond"), seconds(rs, "p90_respond"), seconds(rs, "mean_resolve"),
				seconds(rs, "p90_resolve"), rs.getLong("sla_counted"), rs.getLong("response_met"),
				rs.getLong("resolution_met"), rs.getLong("reopened"));
	}

	/** Whole seconds, rounded; {@code null} when nothing was measured. */
	private static Long seconds(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : Math.round(value);
	}

	ZoneId zone() {
		return zone;
	}
}
