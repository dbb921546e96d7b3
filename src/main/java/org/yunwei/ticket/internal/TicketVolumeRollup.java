package org.yunwei.ticket.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Timestamp;
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
 * The daily rollup of created tickets (migration {@code ticket/V9}): per day, provider and value of each
 * {@link TicketStatisticsDimension}, how many tickets created that day have that value now. Triggers on
 * {@code ticket} append every change of a counted column to {@code ticket_volume_change}; {@link #fold} moves them
 * into {@code ticket_volume_day}; {@link #volumes} reads both in one statement, so that a figure is exact whether or
 * not the latest changes were folded. Days are counted in one zone, recorded with the rollup; {@link #rebuild} counts
 * every ticket again, for the first start after the migration and after the zone was changed.
 */
@Repository
class TicketVolumeRollup {

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
	 * Tickets created on the days {@code from} to {@code to} (both included, in {@code zone}, the rollup's own), by each
	 * of the dimensions and by step when {@code granularity} is given; the same figures as
	 * {@link TicketStatisticsReading#volumes}, which counts the tickets themselves. Not for a customer's scope: the
	 * rollup counts by provider, not by customer unit ({@link #serves}).
	 */
	TicketStatisticsReading.Created volumes(LocalDate from, LocalDate to, ZoneId zone, DataScope scope,
			Set<TicketStatisticsDimension> dimensions, TicketStatisticsGranularity granularity) {
		if (!serves(scope)) {
			throw new IllegalArgumentException("The rollup does not count by customer unit");
		}
		DataScope.Condition counted = scope.where("provider_party_id", "customer_org_unit_id");
		DataScope.Condition appended = scope.where("c.provider_party_id", "c.customer_org_unit_id");
		List<Object> params = new ArrayList<>(List.of(Date.valueOf(from), Date.valueOf(to)));
		params.addAll(counted.parameters());
		params.add(Timestamp.from(from.atStartOfDay(zone).toInstant()));
		params.add(Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
		params.addAll(appended.parameters());
		params.add(dimensions.stream().map(TicketStatisticsDimension::key).collect(Collectors.joining(",", "{", "}")));
		String step = granularity == null ? "null" : "cast(date_trunc('" + granularity.unit() + "', day) as date)";
		Map<TicketStatisticsDimension, List<TicketStatisticsReading.Tally>> tallies = new EnumMap<>(
				TicketStatisticsDimension.class);
		dimensions.forEach(dimension -> tallies.put(dimension, new ArrayList<>()));
		Map<LocalDate, Long> bySteps = new LinkedHashMap<>();
		jdbc.sql("with counted as (select day, dimension, key, tickets from ticket_volume_day"
				+ " where day >= ? and day <= ? and " + counted.sql()
				+ " union all select " + day("c.created_at", zone) + ", d.dimension, d.key, c.tickets"
				+ " from ticket_volume_change c cross join lateral " + values("c") + " as d (dimension, key)"
				+ " where c.created_at >= ? and c.created_at < ? and " + appended.sql()
				+ ") select dimension, key, null as step, sum(tickets) as n from counted"
				+ " where dimension = any(cast(? as text[])) group by dimension, key having sum(tickets) <> 0"
				+ (granularity == null ? "" : " union all select null, null, " + step
						+ ", sum(tickets) from counted where dimension = 'type' group by 3 having sum(tickets) <> 0")
				+ " order by 1, 4 desc, 2")
			.params(params)
			.query((ResultSet rs) -> {
				String dimension = rs.getString("dimension");
				if (dimension == null) {
					bySteps.put(rs.getObject("step", LocalDate.class), rs.getLong("n"));
				}
				else {
					tallies.get(TicketStatisticsDimension.parse(dimension))
						.add(new TicketStatisticsReading.Tally(rs.getString("key"), rs.getLong("n")));
				}
			});
		return new TicketStatisticsReading.Created(tallies, bySteps);
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
				+ " counted as (select " + day("m.created_at", zone) + " as day, m.provider_party_id, d.dimension,"
				+ " d.key, sum(m.tickets) as tickets from moved m cross join lateral " + values("m")
				+ " as d (dimension, key) group by 1, 2, 3, 4),"
				+ " upserted as (insert into ticket_volume_day as v (day, provider_party_id, dimension, key, tickets)"
				+ " select day, provider_party_id, dimension, key, tickets from counted"
				+ " on conflict (day, provider_party_id, dimension, key)"
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
			jdbc.sql("insert into ticket_volume_day (day, provider_party_id, dimension, key, tickets)"
					+ " select " + day("t.created_at", zone) + ", t.provider_party_id, d.dimension, d.key, count(*)"
					+ " from ticket t cross join lateral " + values("t") + " as d (dimension, key) group by 1, 2, 3, 4")
				.update();
			jdbc.sql("insert into ticket_volume_rollup (zone, built_at) values (?, now())").param(zone.getId()).update();
		});
	}

	/**
	 * The day of a time column in the zone. A literal, not a parameter, so that {@code group by} recognises the
	 * expression; the zone comes from configuration, never from a request.
	 */
	private static String day(String column, ZoneId zone) {
		return "cast(" + column + " at time zone '" + zone.getId().replace("'", "''") + "' as date)";
	}

	/** One row per dimension for each ticket (or change) row: the dimension's name and the row's value as text. */
	private static String values(String alias) {
		StringBuilder values = new StringBuilder("(values ");
		for (TicketStatisticsDimension dimension : TicketStatisticsDimension.values()) {
			values.append(dimension.ordinal() == 0 ? "" : ", ").append("('").append(dimension.key()).append("', ")
				.append(alias).append('.').append(dimension.column()).append("::text)");
		}
		return values.append(')').toString();
	}

}
