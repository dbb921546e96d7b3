package org.yunwei.ticket.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.PartyKind;

/**
 * The daily rollup of ticket statistics (migration {@code ticket/V9}): per day and provider, how many tickets created
 * that day have each value of each {@link TicketStatisticsDimension} now, and how many were resolved and closed that
 * day. Triggers on {@code ticket} append every change of a counted column to {@code ticket_volume_change}; {@link #fold} moves them
 * into {@code ticket_volume_day}; {@link #volumes} reads both in one statement, so that a figure is exact whether or
 * not the latest changes were folded. Days are counted in one zone, recorded with the rollup; {@link #rebuild} counts
 * every ticket again, for the first start after the migration and after the zone was changed.
 */
@Repository
class TicketVolumeRollup {

	/** The rollup's rows of tickets resolved and closed on a day, beside the dimensions of those created. */
	private static final String RESOLVED = "resolved";
	private static final String CLOSED = "closed";

	/** The dimension whose rows give the tickets created per step: every ticket has one type. */
	private static final String STEPPED = "type";

	private final JdbcClient jdbc;
	private final TransactionTemplate snapshot;

	TicketVolumeRollup(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.snapshot = new TransactionTemplate(transactionManager);
		// one snapshot for clearing the changes and counting the tickets, so that a change counted is a change cleared
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	/** The zone the day rows were counted in; empty while they are not built. */
	Optional<ZoneId> zone() {
		return jdbc.sql("select zone from ticket_volume_rollup").query(String.class).optional().map(ZoneId::of);
	}

	/**
	 * The tickets of the days {@code from} to {@code to} (both included, in {@code zone}, the rollup's own): those
	 * created by each of the dimensions, and by step when {@code granularity} is given, with those resolved in each
	 * step, and how many were closed. The same figures as {@link TicketStatisticsReading} counts from the tickets.
	 * Not for a customer's scope: the rollup counts by provider, not by customer unit ({@link #serves}).
	 */
	TicketVolumes.Counted volumes(LocalDate from, LocalDate to, ZoneId zone, DataScope scope,
			Set<TicketStatisticsDimension> dimensions, TicketStatisticsGranularity granularity) {
		if (!serves(scope)) {
			throw new IllegalArgumentException("The rollup does not count by customer unit");
		}
		DataScope.Condition condition = scope.where("provider_party_id", "customer_org_unit_id");
		List<Object> params = new ArrayList<>();
		for (int part = 0; part < 2; part++) {
			params.addAll(List.of(Date.valueOf(from), Date.valueOf(to)));
			params.addAll(condition.parameters());
		}
		List<String> asked = new ArrayList<>(dimensions.stream().map(TicketStatisticsDimension::key).toList());
		asked.add(CLOSED);
		params.add(asked.stream().collect(Collectors.joining(",", "{", "}")));
		String step = granularity == null ? null : "cast(date_trunc('" + granularity.unit() + "', day) as date)";
		Map<TicketStatisticsDimension, List<TicketStatisticsReading.Tally>> tallies = new EnumMap<>(
				TicketStatisticsDimension.class);
		dimensions.forEach(dimension -> tallies.put(dimension, new ArrayList<>()));
		Map<LocalDate, Long> createdSteps = new LinkedHashMap<>();
		Map<LocalDate, Long> resolvedSteps = new LinkedHashMap<>();
		long[] closed = { 0 };
		String where = " where day >= ? and day <= ? and " + condition.sql();
		jdbc.sql("with counted as (select day, dimension, key, tickets from ticket_volume_day" + where
				+ " union all select day, dimension, key, tickets from (" + rows("ticket_volume_change", "s.tickets", zone)
				+ ") appended" + where + ")"
				+ " select dimension, key, null as step, sum(tickets) as n from counted"
				+ " where dimension = any(cast(? as text[])) group by dimension, key having sum(tickets) <> 0"
				+ (step == null ? "" : " union all select dimension, null, " + step + ", sum(tickets) from counted"
						+ " where dimension in ('" + STEPPED + "', '" + RESOLVED + "') group by 1, 3"
						+ " having sum(tickets) <> 0")
				+ " order by 1, 4 desc, 2")
			.params(params)
			.query((ResultSet rs) -> {
				String dimension = rs.getString("dimension");
				long n = rs.getLong("n");
				LocalDate day = rs.getObject("step", LocalDate.class);
				if (day != null) {
					(dimension.equals(RESOLVED) ? resolvedSteps : createdSteps).put(day, n);
				}
				else if (dimension.equals(CLOSED)) {
					closed[0] = n;
				}
				else {
					tallies.get(TicketStatisticsDimension.parse(dimension))
						.add(new TicketStatisticsReading.Tally(rs.getString("key"), n));
				}
			});
		return new TicketVolumes.Counted(tallies, createdSteps, resolvedSteps, closed[0]);
	}

	/** Whether {@link #volumes} can answer for this scope: all tickets, or one provider's. */
	static boolean serves(DataScope scope) {
		return scope.partyKind() != PartyKind.CUSTOMER;
	}

	/**
	 * Moves the changes appended so far into the day rows, in one statement: a reader sees each change either still
	 * appended or folded, never both or neither.
	 *
	 * @return how many changes were folded
	 */
	int fold(ZoneId zone) {
		return jdbc.sql("with moved as (delete from ticket_volume_change returning *),"
				+ " upserted as (insert into ticket_volume_day as v (day, provider_party_id, dimension, key, tickets)"
				+ " select day, provider_party_id, dimension, key, sum(tickets) from (" + rows("moved", "s.tickets", zone)
				+ ") changes group by 1, 2, 3, 4 on conflict (day, provider_party_id, dimension, key)"
				+ " do update set tickets = v.tickets + excluded.tickets)"
				+ " select count(*) from moved")
			.query(Integer.class)
			.single();
	}

	/** Counts every ticket again into day rows of {@code zone}, dropping what was counted and appended before. */
	void rebuild(ZoneId zone) {
		snapshot.executeWithoutResult(status -> {
			jdbc.sql("delete from ticket_volume_rollup").update();
			jdbc.sql("delete from ticket_volume_day").update();
			jdbc.sql("delete from ticket_volume_change").update();
			// in day order, so that a period's rows lie together on disk
			jdbc.sql("insert into ticket_volume_day (day, provider_party_id, dimension, key, tickets)"
					+ " select day, provider_party_id, dimension, key, count(*) from (" + rows("ticket", "1", zone)
					+ ") tickets group by 1, 2, 3, 4 order by 1, 2, 3, 4")
				.update();
			jdbc.sql("insert into ticket_volume_rollup (zone, built_at) values (?, now())").param(zone.getId()).update();
		});
	}

	/**
	 * Each row of {@code source} (tickets, or their changes) as the rows of the rollup it counts in: one per dimension
	 * on its creation day, one on the day it was resolved and one on the day it was closed, each of
	 * {@code tickets}.
	 */
	private static String rows(String source, String tickets, ZoneId zone) {
		StringBuilder values = new StringBuilder("(values ");
		for (TicketStatisticsDimension dimension : TicketStatisticsDimension.values()) {
			values.append(dimension.ordinal() == 0 ? "" : ", ").append("('").append(dimension.key()).append("', s.")
				.append(dimension.column()).append("::text)");
		}
		values.append(')');
		return "select " + day("s.created_at", zone) + " as day, s.provider_party_id, d.dimension, d.key, " + tickets
				+ " as tickets from " + source + " s cross join lateral " + values + " as d (dimension, key)"
				+ " union all select " + day("s.resolved_at", zone) + ", s.provider_party_id, '" + RESOLVED
				+ "', null, " + tickets + " from " + source + " s where s.resolved_at is not null"
				+ " union all select " + day("s.closed_at", zone) + ", s.provider_party_id, '" + CLOSED + "', null, "
				+ tickets + " from " + source + " s where s.closed_at is not null";
	}

	/**
	 * The day of a time column in the zone. A literal, not a parameter, so that {@code group by} recognises the
	 * expression; the zone comes from configuration, never from a request.
	 */
	private static String day(String column, ZoneId zone) {
		return "cast(" + column + " at time zone '" + zone.getId().replace("'", "''") + "' as date)";
	}


}
