package org.yunwei.evaluation.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunwei.compliance.Evidence;
import org.yunwei.compliance.Evidence.EvidenceLink;
import org.yunwei.compliance.Evidence.Figure;
import org.yunwei.compliance.Evidence.Note;
import org.yunwei.compliance.EvidenceRequest;
import org.yunwei.compliance.EvidenceSource;

/**
 * The customers' feedback as evidence: the satisfaction ratings of a period and the follow-ups low ones opened
 * (6.1.2c 客户反馈问题处理记录), and the return visits made (6.1.2e 回访报告), with a gap when no return visit was
 * recorded in the last 30 days. Ratings count in the period they were given ({@code ticket_rating_rated_idx}),
 * visits in the period they were made ({@code ticket_return_visit_called_idx}), as the satisfaction figures count them.
 * Ratings and visits are placed with a provider, and named by their ticket's number, through evaluation's own record
 * of their tickets ({@code evaluation_ticket}); the return-visit item links to the return-visit report.
 */
@Component
class FeedbackEvidence implements EvidenceSource {

	/** A desk that records no return visit for this long is flagged. */
	static final Duration QUIET = Duration.ofDays(30);

	private static final int LATEST = 3;

	private final JdbcClient jdbc;
	private final SatisfactionSettings settings;

	FeedbackEvidence(JdbcClient jdbc, SatisfactionSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	@Override
	public Set<String> items() {
		return Set.of("6.1.2c", "6.1.2e");
	}

	@Override
	public List<Evidence> evidence(EvidenceRequest request) {
		String join = request.allProviders() ? ""
				: " join evaluation_ticket t on t.ticket_id = x.ticket_id and t.provider_party_id = ?";
		// in the order of the statement: the threshold (select list), the provider (join), the period (where)
		List<Object> params = new ArrayList<>();
		params.add(settings.lowRatingThreshold());
		params.addAll(request.parameters());
		params.add(Timestamp.from(request.start()));
		params.add(Timestamp.from(request.end()));
		long[] ratings = jdbc.sql("""
				select count(*) as given, count(*) filter (where x.score >= 4) as satisfied,
				  count(*) filter (where x.score <= ?) as low,
				  count(*) filter (where x.follow_up_ticket_id is not null) as followed_up
				from ticket_rating x""" + join + " where x.rated_at >= ? and x.rated_at < ?")
			.params(params)
			.query((rs, n) -> new long[] { rs.getLong("given"), rs.getLong("satisfied"), rs.getLong("low"),
					rs.getLong("followed_up") })
			.single();
		List<Object> visitParams = new ArrayList<>(request.parameters());
		visitParams.add(Timestamp.from(request.start()));
		visitParams.add(Timestamp.from(request.end()));
		long[] visits = jdbc.sql("""
				select count(*) as made,
				  count(*) filter (where x.result in ('SATISFIED', 'BASICALLY_SATISFIED')) as satisfied,
				  count(*) filter (where x.result = 'DISSATISFIED') as dissatisfied,
				  count(*) filter (where x.result = 'UNREACHABLE') as unreachable,
				  count(*) filter (where x.follow_up_ticket_id is not null) as followed_up
				from ticket_return_visit x""" + join + " where x.called_at >= ? and x.called_at < ?")
			.params(visitParams)
			.query((rs, n) -> new long[] { rs.getLong("made"), rs.getLong("satisfied"), rs.getLong("dissatisfied"),
					rs.getLong("unreachable"), rs.getLong("followed_up") })
			.single();
		Instant lastVisit = jdbc.sql("select x.called_at from ticket_return_visit x" + join
				+ " order by x.called_at desc limit 1")
			.params(request.parameters())
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.orElse(null);

		Evidence feedback = Evidence.evidenced("6.1.2c", List.of(
				new Figure("evidence.rating.given", ratings[0], null),
				new Figure("evidence.rating.satisfied", ratings[1], null),
				new Figure("evidence.rating.low", ratings[2], "/return-visits?reason=LOW_RATING"),
				new Figure("evidence.rating.followed-up", ratings[3], null),
				new Figure("evidence.return-visit.followed-up", visits[4], null)))
			.withRecords(latest(request, "ticket_rating", "rated_at", "rated_by_name", join))
			.withLinks(List.of(new EvidenceLink("evidence.link.low-ratings", "/return-visits?reason=LOW_RATING")));
		if (settings.lowRatingThreshold() > 0 && ratings[3] < ratings[2]) {
			feedback = feedback.withGaps(List.of(Note.of("evidence.gap.low-rating-without-follow-up",
					ratings[2] - ratings[3])));
		}

		Evidence returnVisits = Evidence.evidenced("6.1.2e", List.of(
				new Figure("evidence.return-visit.made", visits[0], null),
				new Figure("evidence.return-visit.satisfied", visits[1], null),
				new Figure("evidence.return-visit.dissatisfied", visits[2], null),
				new Figure("evidence.return-visit.unreachable", visits[3], null)))
			.withRecords(latest(request, "ticket_return_visit", "called_at", "called_by_name", join))
			.withLinks(List.of(new EvidenceLink("evidence.link.return-visits", "/return-visits"),
					new EvidenceLink("return-visit.report.title", "/return-visits/report")));
		if (lastVisit == null || lastVisit.isBefore(request.now().minus(QUIET))) {
			returnVisits = returnVisits.withGaps(List.of(Note.of("evidence.gap.no-return-visit", QUIET.toDays())));
		}
		return List.of(feedback, returnVisits);
	}

	/** The latest ratings or visits of the period with their ticket, newest first. */
	private List<Evidence.EvidenceRecord> latest(EvidenceRequest request, String table, String at, String by,
			String join) {
		List<Object> params = new ArrayList<>(request.parameters());
		params.add(Timestamp.from(request.start()));
		params.add(Timestamp.from(request.end()));
		params.add(LATEST);
		return jdbc.sql("select y.ticket_id, y.number, x." + by + " as by, x." + at + " as at from " + table + " x"
				+ join + " join evaluation_ticket y on y.ticket_id = x.ticket_id where x." + at + " >= ? and x." + at
				+ " < ? order by x." + at + " desc limit ?")
			.params(params)
			.query((rs, n) -> new Evidence.EvidenceRecord(rs.getString("number") + " · " + rs.getString("by"),
					rs.getTimestamp("at").toInstant(), "/tickets/" + rs.getLong("ticket_id")))
			.list();
	}
}
