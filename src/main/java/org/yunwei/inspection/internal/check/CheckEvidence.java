package org.yunwei.inspection.internal.check;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * The automated checks as evidence of 10.1.2a and 10.2.2c (自动化运维工具: the tool exists, runs on its own and feeds
 * the incident process) and 10.3.2b (自动化工具使用率: how much of the inspection work the tool does). Figures of the
 * period: checks kept and active, runs, failures, targets checked, incidents the checks opened, alarms that ended by
 * themselves on recovery, and the automated share of inspections (check runs against manual inspections done).
 * Evidenced when active checks ran in the period; partial when checks exist but none ran, or none exist. What the
 * checks alone cannot show is said as a gap: the share of all incidents opened by automation needs the service
 * desk's count (its monitoring-channel figure serves 10.1.2a beside this), and checks that failed without an incident
 * (no customer unit) are flagged.
 * <p>
 * A check every 30 seconds runs 86,400 times a month: the runs are counted from their hourly counts
 * ({@code inspection_check_hour}, kept by the runs' own statements), never one by one.
 */
@Component
class CheckEvidence implements EvidenceSource {

	static final String TOOL_ORGANISATION = "10.1.2a";
	static final String TOOL_PROCESS = "10.2.2c";
	static final String USAGE = "10.3.2b";
	static final int LATEST = 5;

	private final JdbcClient jdbc;

	CheckEvidence(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<String> items() {
		return Set.of(TOOL_ORGANISATION, TOOL_PROCESS, USAGE);
	}

	@Override
	public List<Evidence> evidence(EvidenceRequest request) {
		long[] runs = counts(request);
		List<Object> period = new ArrayList<>(request.parameters());
		period.add(Timestamp.from(request.start()));
		period.add(Timestamp.from(request.end()));
		String inPeriod = request.providerCondition("r.party_id") + " and r.ran_at >= ? and r.ran_at < ?";
		// the targets that ran: one probe of a check's newest runs each (inspection_check_result_check_idx), as
		// checks are hundreds and their runs millions
		long targets = jdbc.sql("""
				select count(distinct (c.kind, c.target, c.port)) from inspection_check c
				where exists (select 1 from inspection_check_result r where r.check_id = c.id and""" + " " + inPeriod
				+ ")")
			.params(period).query(Long.class).single();
		long kept = jdbc.sql("select count(*) from inspection_check where " + request.providerCondition("party_id"))
			.params(request.parameters()).query(Long.class).single();
		long active = jdbc.sql("select count(*) from inspection_check where active and "
				+ request.providerCondition("party_id")).params(request.parameters()).query(Long.class).single();
		List<Object> days = new ArrayList<>(request.parameters());
		days.add(Date.valueOf(request.from()));
		days.add(Date.valueOf(request.to()));
		long manualDone = jdbc.sql("select count(*) from inspection_task where status = 'DONE' and "
				+ request.providerCondition("party_id") + " and scheduled_on between ? and ?")
			.params(days).query(Long.class).single();
		long totalInspections = runs[0] + manualDone;
		long automatedPercent = totalInspections == 0 ? 0 : Math.round(runs[0] * 100.0 / totalInspections);

		List<Object> latestParams = new ArrayList<>(period);
		latestParams.add(LATEST);
		List<EvidenceRecord> latest = jdbc.sql("""
				select c.id, c.name, r.ran_at, r.action from inspection_check_result r
				join inspection_check c on c.id = r.check_id
				where r.action is not null and""" + " " + inPeriod + " order by r.ran_at desc, r.id desc limit ?")
			.params(latestParams)
			// the check's name only: the record's text is shown as is, and the alarm's action is a code (the
			// figures above count each kind of action in words)
			.query((rs, n) -> new EvidenceRecord(rs.getString(2),
					rs.getTimestamp(3).toInstant(), "/inspections/checks/" + rs.getLong(1)))
			.list();

		List<Figure> toolFigures = List.of(new Figure("evidence.check.active", active, "/inspections/checks"),
				new Figure("evidence.check.runs", runs[0], null),
				new Figure("evidence.check.failures", runs[1], "/inspections/checks?outcome=DOWN"),
				new Figure("evidence.check.warnings", runs[2], "/inspections/checks?outcome=WARNING"),
				new Figure("evidence.check.targets", targets, null),
				new Figure("evidence.check.incidents", runs[3], "/tickets?channel=MONITORING"),
				new Figure("evidence.check.recovered", runs[5], null));
		List<Figure> usageFigures = List.of(new Figure("evidence.check.runs", runs[0], null),
				new Figure("evidence.check.manual-done", manualDone, "/inspections/tasks"),
				new Figure("evidence.check.automated-percent", automatedPercent, null),
				new Figure("evidence.check.targets", targets, null),
				new Figure("evidence.check.incidents", runs[3], "/tickets?channel=MONITORING"),
				new Figure("evidence.check.recovered", runs[5], null),
				new Figure("evidence.check.resolved", runs[6], "/tickets?channel=MONITORING&status=RESOLVED"));
		List<Note> gaps = new ArrayList<>();
		if (runs[4] > 0) {
			gaps.add(Note.of("evidence.check.gap.told", runs[4]));
		}
		if (kept > active) {
			gaps.add(Note.of("evidence.check.gap.paused", kept - active));
		}
		List<EvidenceLink> links = List.of(new EvidenceLink("evidence.check.link.checks", "/inspections/checks"));
		List<Evidence> evidence = new ArrayList<>();
		boolean ran = runs[0] > 0;
		for (String item : List.of(TOOL_ORGANISATION, TOOL_PROCESS, USAGE)) {
			List<Figure> figures = item.equals(USAGE) ? usageFigures : toolFigures;
			Evidence one = ran ? Evidence.evidenced(item, figures)
					: Evidence.partial(item, List.of(Note.of("evidence.check.present", kept, active)),
							List.of(Note.of("evidence.check.missing.runs"))).withFigures(figures);
			List<Note> itemGaps = new ArrayList<>(gaps);
			if (item.equals(USAGE)) {
				itemGaps.add(Note.of("evidence.check.gap.incident-share"));
			}
			evidence.add(one.withRecords(latest).withLinks(links).withGaps(itemGaps));
		}
		return evidence;
	}

	/**
	 * The period's runs, failures, warnings, incidents opened, owners told, alarms ended by recovery and incidents
	 * resolved by it: the whole hours from {@code inspection_check_hour}, a partial first or last hour (a zone whose
	 * offset is not whole hours) from the runs themselves.
	 */
	private long[] counts(EvidenceRequest request) {
		Instant start = request.start();
		Instant end = request.end();
		Instant firstHour = start.plus(Duration.ofHours(1)).minusNanos(1).truncatedTo(ChronoUnit.HOURS);
		Instant lastHour = end.truncatedTo(ChronoUnit.HOURS);
		if (!firstHour.isBefore(lastHour)) {
			// no whole hour in the period: all of it from the runs
			firstHour = end;
			lastHour = end;
		}
		List<Object> params = new ArrayList<>(request.parameters());
		params.add(Timestamp.from(firstHour));
		params.add(Timestamp.from(lastHour));
		for (Instant[] edge : List.of(new Instant[] { start, firstHour }, new Instant[] { lastHour, end })) {
			params.addAll(request.parameters());
			params.add(Timestamp.from(edge[0]));
			params.add(Timestamp.from(edge[1]));
		}
		String runs = """
				select 1, (outcome = 'DOWN')::int, (outcome = 'WARNING')::int, (action = 'OPENED')::int,
				  (action = 'TOLD')::int, (action in ('RECOVERED', 'RESOLVED'))::int, (action = 'RESOLVED')::int
				from inspection_check_result where""" + " " + request.providerCondition("party_id")
				+ " and ran_at >= ? and ran_at < ?";
		return jdbc.sql("""
				select coalesce(sum(runs), 0), coalesce(sum(failures), 0), coalesce(sum(warnings), 0),
				  coalesce(sum(opened), 0), coalesce(sum(told), 0), coalesce(sum(recovered), 0), coalesce(sum(resolved), 0)
				from (select runs, failures, warnings, opened, told, recovered, resolved from inspection_check_hour
				  where""" + " " + request.providerCondition("party_id") + " and hour >= ? and hour < ?"
				+ " union all " + runs + " union all " + runs + ") counted")
			.params(params)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
					rs.getLong(6), rs.getLong(7) })
			.single();
	}
}
