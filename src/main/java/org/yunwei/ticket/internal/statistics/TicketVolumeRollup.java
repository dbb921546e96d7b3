package org.yunwei.ticket.internal.statistics;

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
 * day. Triggers on {@code ticket} append every change of a counted column to {@code ticket_volume_change};
 * {@link #fold} moves them into {@code ticket_volume_day}; {@link #volumes} reads both in one statement, so that a
 * figure is exact whether or not the latest changes were folded. Days are counted in one zone, recorded with the rollup; {@link #rebuild} counts
 * every ticket again, for the first start after the migration and after the zone was changed.
 */
@Repository
class TicketVolumeRollup {

	/**
	 * How the rollup's rows name the dimensions of created tickets (small numbers: a period's rows are filtered and
	 * grouped by them); written down in migration {@code ticket/V9}, never to be renumbered.
	 */
	private static final Map<TicketStatisticsDimension, Short> CODES = Map.of(TicketStatisticsDimension.TYPE,
			(short) 1, TicketStatisticsDimension.PRIORITY, (short) 2, TicketStatisticsDimension.CATEGORY, (short) 3,
			TicketStatisticsDimension.CUSTOMER, (short) 4, TicketStatisticsDimension.SERVICE, (short) 5,
			TicketStatisticsDimension.CHANNEL, (short) 6, TicketStatisticsDimension.STATUS, (short) 7);
	private static final Map<Short, TicketStatisticsDimension> DIMENSIONS = CODES.entrySet().stream()
		.collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));

	/** The rows of tickets resolved and of those closed on a day, beside the dimensions of those created. */
	private static final short RESOLVED = 8;
	private static final short CLOSED = 9;

	/** The dimension whose rows give the tickets created per step: every ticket has one type. */
	private static final TicketStatisticsDimension STEPPED = TicketStatisticsDimension.TYPE;

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
		List<Short> tallied = new ArrayList<>(dimensions.stream().map(CODES::get).toList());
		tallied.add(CLOSED);
		List<Object> params = new ArrayList<>();
		String sql = "select dimension, key, null as step, sum(tickets) as n from ("
				+ counted(from, to, zone, condition, tallied, params) + ") tallied group by 1, 2 having sum(tickets) <> 0";
		if (granularity != null) {
			sql += " union all select dimension, null, cast(date_trunc('" + granularity.unit()
					+ "', day) as date), sum(tickets) from ("
					+ counted(from, to, zone, condition, List.of(CODES.get(STEPPED), RESOLVED), params)
					+ ") stepped group by 1, 3 having sum(tickets) <> 0";
		}
		Map<TicketStatisticsDimension, List<TicketStatisticsReading.Tally>> tallies = new EnumMap<>(
				TicketStatisticsDimension.class);
		dimensions.forEach(dimension -> tallies.put(dimension, new ArrayList<>()));
		Map<LocalDate, Long> createdSteps = new LinkedHashMap<>();
		Map<LocalDate, Long> resolvedSteps = new LinkedHashMap<>();
		long[] closed = { 0 };
		jdbc.sql(sql + " order by 1, 4 desc, 2")
			.params(params)
			.query((ResultSet rs) -> {
				short dimension = rs.getShort("dimension");
				long n = rs.getLong("n");
				LocalDate day = rs.getObject("step", LocalDate.class);
				if (day != null) {
					(dimension == RESOLVED ? resolvedSteps : createdSteps).put(day, n);
				}
				else if (dimension == CLOSED) {
					closed[0] = n;
				}
				else {
					tallies.get(DIMENSIONS.get(dimension)).add(new TicketStatisticsReading.Tally(rs.getString("key"), n));
				}
			});
		return new TicketVolumes.Counted(tallies, createdSteps, resolvedSteps, closed[0]);
	}

	/**
	 * The rollup's rows of the days in the scope with one of the dimensions, folded or still appended: a union whose
	 * parameters are added to {@code params}. Both parts are filtered before they are added up, and the changes are a
	 * second's worth, so that a period costs about as many rows as it has day rows.
	 */
	private static String counted(LocalDate from, LocalDate to, ZoneId zone, DataScope.Condition scope,
			List<Short> dimensions, List<Object> params) {
		String where = " where day >= ? and day <= ? and dimension = any(cast(? as smallint[])) and " + scope.sql();
		String codes = dimensions.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
		for (int part = 0; part < 2; part++) {
			params.addAll(List.of(Date.valueOf(from), Date.valueOf(to), codes));
			params.addAll(scope.parameters());
		}
		return "select day, dimension, key, tickets from ticket_volume_day" + where
				+ " union all select day, dimension, key, tickets from (" + rows("ticket_volume_change", "s.tickets", zone)
				+ ") appended" + where;
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
			values.append(dimension.ordinal() == 0 ? "" : ", ").append("(cast(").append(CODES.get(dimension))
				.append(" as smallint), s.").append(dimension.column()).append("::text)");
		}
		values.append(')');
		return "select " + day("s.created_at", zone) + " as day, s.provider_party_id, d.dimension, d.key, " + tickets
				+ " as tickets from " + source + " s cross join lateral " + values + " as d (dimension, key)"
				+ " union all select " + day("s.resolved_at", zone) + ", s.provider_party_id, cast(" + RESOLVED
				+ " as smallint), null, " + tickets + " from " + source + " s where s.resolved_at is not null"
				+ " union all select " + day("s.closed_at", zone) + ", s.provider_party_id, cast(" + CLOSED
				+ " as smallint), null, " + tickets + " from " + source + " s where s.closed_at is not null";
	}

	/**
	 * The day of a time column in the zone. A literal, not a parameter, so that {@code group by} recognises the
	 * expression; the zone comes from configuration, never from a request.
	 */
	private static String day(String column, ZoneId zone) {
		return "cast(" + column + " at time zone '" + zone.getId().replace("'", "''") + "' as date)";
	}
}
