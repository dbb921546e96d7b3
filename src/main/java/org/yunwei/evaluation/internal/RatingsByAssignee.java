package org.yunwei.evaluation.internal;

import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.identity.DataScope;
import org.yunwei.ticket.AssigneeRatings;

/**
 * The ratings of a period by the rated ticket's assignee, for the ticket module's statistics by assignee, from this
 * module's own tables: the ratings and its record of the rated tickets ({@link EvaluationTickets}), whose provider
 * and customer columns bear the names the ticket module's scope condition uses.
 */
@Repository
class RatingsByAssignee implements AssigneeRatings {

	private final JdbcClient jdbc;

	RatingsByAssignee(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<Long, Rated> byAssignee(Instant start, Instant end, DataScope.Condition scope) {
		List<Object> params = new ArrayList<>(List.of(Timestamp.from(start), Timestamp.from(end)));
		params.addAll(scope.parameters());
		Map<Long, Rated> rated = new HashMap<>();
		jdbc.sql("""
				select coalesce(t.assignee_user_id, -1) as who, count(*) as n, avg(r.score) as mean
				from ticket_rating r join evaluation_ticket t on t.ticket_id = r.ticket_id
				where r.rated_at >= ? and r.rated_at < ? and\s""" + scope.sql() + " group by 1")
			.params(params)
			.query((ResultSet rs) -> {
				rated.put(rs.getLong("who"), new Rated(rs.getLong("n"),
						rs.getBigDecimal("mean").setScale(2, RoundingMode.HALF_UP)));
			});
		return rated;
	}
}
