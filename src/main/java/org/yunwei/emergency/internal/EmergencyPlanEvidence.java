package org.yunwei.emergency.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunwei.compliance.Evidence;
import org.yunwei.compliance.Evidence.EvidenceLink;
import org.yunwei.compliance.Evidence.EvidenceRecord;
import org.yunwei.compliance.Evidence.Figure;
import org.yunwei.compliance.Evidence.Note;
import org.yunwei.compliance.EvidenceRequest;
import org.yunwei.compliance.EvidenceSource;

/**
 * The plan library and the events that followed it as evidence of 8.1.2a (应急响应方案): evidenced while at least one
 * approved plan is in force, partial otherwise; the period's events as figures and latest records; plans past their
 * review date as gaps, and so are key periods (重要保障期) whose duty roster is incomplete. A provider's evidence counts
 * its own party's plans, events and rosters.
 */
@Component
class EmergencyPlanEvidence implements EvidenceSource {

	static final String ITEM = "8.1.2a";

	/** How far ahead of the register's day a key period's roster must already be complete. */
	static final int KEY_PERIOD_LOOKAHEAD_DAYS = 30;

	private final JdbcClient jdbc;
	private final DutyRosterRecords rosters;

	EmergencyPlanEvidence(JdbcClient jdbc, DutyRosterRecords rosters) {
		this.jdbc = jdbc;
		this.rosters = rosters;
	}

	@Override
	public Set<String> items() {
		return Set.of(ITEM);
	}

	@Override
	public List<Evidence> evidence(EvidenceRequest request) {
		String party = request.allProviders() ? "true" : "party_id = ?";
		List<Object> params = new ArrayList<>();
		if (!request.allProviders()) {
			params.add(request.providerPartyId());
		}
		// the review date's placeholder comes first in the statement, the party's after it
		List<Object> planParams = new ArrayList<>();
		planParams.add(Date.valueOf(LocalDate.ofInstant(request.now(), request.zone())));
		planParams.addAll(params);
		long[] plans = jdbc.sql("select count(*), "
				+ "count(*) filter (where approved_version_id is not null and status <> 'RETIRED'), "
				+ "count(*) filter (where status <> 'RETIRED' and review_date < ?) "
				+ "from emergency_plan where " + party)
			.params(planParams)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) }).single();
		List<Object> eventParams = new ArrayList<>(params);
		eventParams.add(Timestamp.from(request.start()));
		eventParams.add(Timestamp.from(request.end()));
		String inPeriod = " and declared_at >= ? and declared_at < ?";
		long[] events = jdbc.sql("select count(*), count(*) filter (where status = 'CLOSED') from emergency_event "
				+ "where " + party + inPeriod)
			.params(eventParams).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
		List<EvidenceRecord> latest = jdbc.sql("select id, number, title, declared_at from emergency_event where "
				+ party + inPeriod + " order by declared_at desc, id desc limit 5")
			.params(eventParams)
			.query((rs, n) -> new EvidenceRecord(rs.getString("number") + " " + rs.getString("title"),
					rs.getTimestamp("declared_at").toInstant(), "/emergency/events/" + rs.getLong("id")))
			.list();
		Evidence evidence = plans[1] > 0 ? Evidence.evidenced(ITEM, List.of())
				: Evidence.partial(ITEM, List.of(Note.of("evidence.emergency.present.plans", plans[0])),
						List.of(Note.of("evidence.emergency.missing.approved-plan")));
		evidence = evidence
			.withFigures(List.of(new Figure("evidence.emergency.plans-in-force", plans[1], "/emergency/plans"),
					new Figure("evidence.emergency.past-review", plans[2], "/emergency/plans"),
					new Figure("evidence.emergency.events", events[0], "/emergency/events"),
					new Figure("evidence.emergency.events-closed", events[1], "/emergency/events?status=CLOSED")))
			.withRecords(latest)
			.withLinks(List.of(new EvidenceLink("evidence.emergency.link.plans", "/emergency/plans"),
					new EvidenceLink("evidence.emergency.link.events", "/emergency/events")));
		List<Note> gaps = new ArrayList<>();
		if (plans[2] > 0) {
			gaps.add(Note.of("evidence.emergency.gap.past-review", plans[2]));
		}
		gaps.addAll(incompleteKeyPeriods(request));
		return List.of(gaps.isEmpty() ? evidence : evidence.withGaps(gaps));
	}

	/**
	 * Key periods (重要保障期) of the period, or starting within {@value #KEY_PERIOD_LOOKAHEAD_DAYS} days of today,
	 * whose roster leaves hours without anyone on duty or without a lead: the standard expects duty to be arranged
	 * before such a period, not found missing during it.
	 */
	private List<Note> incompleteKeyPeriods(EvidenceRequest request) {
		LocalDate today = LocalDate.ofInstant(request.now(), request.zone());
		LocalDate until = request.to().isAfter(today.plusDays(KEY_PERIOD_LOOKAHEAD_DAYS)) ? request.to()
				: today.plusDays(KEY_PERIOD_LOOKAHEAD_DAYS);
		List<Note> gaps = new ArrayList<>();
		for (DutyRosterRecords.Roster roster : rosters.keyPeriods(request.providerPartyId(), request.from(), until)) {
			List<DutyRosterRecords.Shift> shifts = rosters.shifts(roster.id());
			int uncovered = DutyCoverage.uncovered(roster.startsOn(), roster.endsOn(), EmergencyClock.ZONE, shifts)
				.size();
			int withoutLead = DutyCoverage.withoutLead(roster.startsOn(), roster.endsOn(), EmergencyClock.ZONE, shifts)
				.size();
			if (uncovered > 0 || withoutLead > 0) {
				gaps.add(Note.of("evidence.emergency.gap.key-period-roster", roster.name(), roster.startsOn(),
						roster.endsOn(), uncovered, withoutLead));
			}
		}
		return gaps;
	}
}
