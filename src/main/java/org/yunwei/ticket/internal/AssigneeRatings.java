package org.yunwei.ticket.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.identity.DataScope;

/**
 * The satisfaction ratings (满意度评价) given in a period, by the rated ticket's assignee now: how many and their mean
 * score. Kept apart from {@link org.yunwei.ticket.internal.statistics.AssigneeTimeliness}, with its one query, because
 * the ratings are moving to the {@code evaluation} module, which will answer this from its own table.
 */
@Repository
public class AssigneeRatings {

	/** Rating key of the tickets nobody is assigned to. */
	public static final long NOBODY = -1;

	private final JdbcClient jdbc;

	AssigneeRatings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** How many ratings and their mean score (1–5, two decimals). */
	public record Rated(long count, BigDecimal meanScore) {
	}

	/**
	 * By assignee ({@link #NOBODY} for no one), the ratings given from {@code start} (included) to {@code end}
	 * (excluded) on tickets within {@code scope}, a condition on the ticket's columns.
	 */
	public Map<Long, Rated> byAssignee(Instant start, Instant end, DataScope.Condition scope) {
		List<Object> params = new ArrayList<>(List.of(Timestamp.from(start), Timestamp.from(end)));
		params.addAll(scope.parameters());
		Map<Long, Rated> rated = new HashMap<>();
		jdbc.sql("""
				select coalesce(t.assignee_user_id, -1) as who, count(*) as n, avg(r.score) as mean
				from ticket_rating r join ticket t on t.id = r.ticket_id
				where r.rated_at >= ? and r.rated_at < ? and\s""" + scope.sql() + " group by 1")
			.params(params)
			.query((java.sql.ResultSet rs) -> {
				rated.put(rs.getLong("who"), new Rated(rs.getLong("n"),
						rs.getBigDecimal("mean").setScale(2, RoundingMode.HALF_UP)));
			});
		return rated;
	}
}
