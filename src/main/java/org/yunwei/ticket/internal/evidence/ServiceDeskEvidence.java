package org.yunwei.ticket.internal.evidence;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.yunwei.compliance.Evidence;
import org.yunwei.compliance.Evidence.EvidenceLink;
import org.yunwei.compliance.Evidence.Figure;
import org.yunwei.compliance.Evidence.Note;
import org.yunwei.compliance.EvidenceRequest;
import org.yunwei.compliance.EvidenceSource;
import org.yunwei.ticket.internal.record.TicketSettings;

/**
 * The service desk's evidence (服务台, 事件管理): the ticket records of a period (4.3.2c 运维服务记录表, 4.4.2b 事件处理记录表,
 * 7.2.2b 事件记录表), the work logged on them (6.1.2b 日常工作记录), the statistics report (6.1.2d, 7.2.2d), the
 * escalations that happened (7.2.2c, beside the SLA module's escalation chains), the speed and attainment of the
 * handling (5.4.2c, per person on the statistics by assignee) and the monitoring intake (10.1.2a, partial). Every figure links to the
 * ticket list showing the tickets it counted, with the list's own parameters.
 */
@Component
class ServiceDeskEvidence implements EvidenceSource {

	/** A desk that logs no work for this long is flagged. */
	static final Duration QUIET = Duration.ofDays(30);

	private static final int LATEST = 3;

	private final TicketPeriodFigures figures;
	private final TicketSettings settings;

	ServiceDeskEvidence(TicketPeriodFigures figures, TicketSettings settings) {
		this.figures = figures;
		this.settings = settings;
	}

	@Override
	public Set<String> items() {
		return Set.of("4.3.2c", "4.4.2b", "5.4.2c", "6.1.2b", "6.1.2d", "7.2.2b", "7.2.2c", "7.2.2d", "10.1.2a");
	}

	@Override
	public List<Evidence> evidence(EvidenceRequest request) {
		LocalDate from = request.from();
		LocalDate to = request.to();
		var created = figures.created(request);
		var resolved = figures.resolved(request);
		long closed = figures.closed(request);
		var workLogs = figures.entries(request, "WORK_LOG");
		var escalations = figures.entries(request, "ESCALATED");
		String createdDays = "createdFrom=" + from + "&createdTo=" + to;
		String resolvedDays = "resolvedFrom=" + from + "&resolvedTo=" + to;
		String incidents = "type=INCIDENT&" + createdDays;
		List<Evidence.EvidenceRecord> latestIncidents = figures.latest(request, "INCIDENT", LATEST);

		Evidence records = Evidence.evidenced("4.3.2c", List.of(
				new Figure("evidence.ticket.created", created.tickets(), "/tickets?" + createdDays),
				new Figure("evidence.ticket.resolved", resolved.tickets(), "/tickets?" + resolvedDays),
				new Figure("evidence.ticket.closed", closed, "/tickets?closedFrom=" + from + "&closedTo=" + to)))
			.withRecords(figures.latest(request, null, LATEST))
			.withLinks(List.of(new EvidenceLink("evidence.link.ticket-list", "/tickets?" + createdDays),
					new EvidenceLink("evidence.link.ticket-export", "/tickets/export?" + createdDays)));

		Evidence handled = Evidence.evidenced("4.4.2b", List.of(
				new Figure("evidence.incident.created", created.incidents(), "/tickets?" + incidents),
				new Figure("evidence.incident.done", created.incidentsDone(),
						"/tickets?status=RESOLVED,CLOSED&" + incidents)))
			.withRecords(latestIncidents)
			.withLinks(List.of(new EvidenceLink("evidence.link.incident-list", "/tickets?" + incidents),
					new EvidenceLink("evidence.link.incident-export", "/tickets/export?" + incidents)));

		Evidence incidentRecords = Evidence.evidenced("7.2.2b", List.of(
				new Figure("evidence.incident.created", created.incidents(), "/tickets?" + incidents),
				new Figure("evidence.incident.high", created.incidentsHigh(), "/tickets?priority=P1,P2&" + incidents)))
			.withRecords(latestIncidents)
			.withLinks(List.of(new EvidenceLink("evidence.link.incident-list", "/tickets?" + incidents),
					new EvidenceLink("evidence.link.incident-export", "/tickets/export?" + incidents)));

		Evidence work = Evidence.evidenced("6.1.2b", List.of(
				new Figure("evidence.work-log.entries", workLogs.count(), null),
				new Figure("evidence.work-log.minutes", workLogs.minutes(), null)))
			.withRecords(figures.latestEntries(request, "WORK_LOG", LATEST))
			.withLinks(List.of(new EvidenceLink("evidence.link.workspace", "/tickets")));
		if (workLogs.latest() == null || workLogs.latest().isBefore(request.now().minus(QUIET))) {
			work = work.withGaps(List.of(Note.of("evidence.gap.no-work-log", QUIET.toDays())));
		}

		String statistics = "/tickets/statistics?from=" + from + "&to=" + to;
		String statisticsExport = "/tickets/statistics/export?from=" + from + "&to=" + to;
		List<EvidenceLink> statisticsLinks = List.of(new EvidenceLink("evidence.link.statistics", statistics),
				new EvidenceLink("evidence.link.statistics-export", statisticsExport));
		Evidence report = Evidence.evidenced("6.1.2d", List.of(
				new Figure("evidence.ticket.created", created.tickets(), "/tickets?" + createdDays),
				new Figure("evidence.ticket.resolved", resolved.tickets(), "/tickets?" + resolvedDays),
				new Figure("evidence.ticket.closed", closed, "/tickets?closedFrom=" + from + "&closedTo=" + to)))
			.withLinks(statisticsLinks);
		Evidence incidentStatistics = Evidence.evidenced("7.2.2d", List.of(
				new Figure("evidence.incident.created", created.incidents(), "/tickets?" + incidents),
				new Figure("evidence.incident.high", created.incidentsHigh(), "/tickets?priority=P1,P2&" + incidents),
				new Figure("evidence.ticket.resolved", resolved.tickets(), "/tickets?" + resolvedDays)))
			.withLinks(statisticsLinks);

		Evidence escalated = Evidence.evidenced("7.2.2c", List.of(
				new Figure("evidence.escalation.happened", escalations.count(), null)))
			.withRecords(figures.latestEntries(request, "ESCALATED", LATEST));

		// the figures per person are on the statistics by assignee, which the links lead to for the same provider
		String byAssignee = "from=" + from + "&to=" + to
				+ (request.allProviders() ? "" : "&provider=" + request.providerPartyId());
		Evidence timeliness = Evidence.evidenced("5.4.2c", timelinessFigures(resolved, resolvedDays))
			.withLinks(List.of(new EvidenceLink("evidence.link.assignee-statistics",
					"/tickets/statistics/assignees?" + byAssignee),
					new EvidenceLink("evidence.link.assignee-export", "/tickets/statistics/assignees/export?" + byAssignee),
					statisticsLinks.getFirst()));

		Evidence automation = Evidence.partial("10.1.2a",
				List.of(Note.of("evidence.automation.alerts"),
						Note.of("evidence.automation.auto-close", settings.autoCloseBusinessDays())),
				List.of(Note.of("evidence.automation.missing")))
			.withFigures(List.of(
					new Figure("evidence.automation.monitoring-tickets", created.fromMonitoring(),
							"/tickets?channel=MONITORING&" + createdDays),
					new Figure("evidence.automation.alert-routes", figures.alertRoutes(), null)))
			.withLinks(List.of(new EvidenceLink("evidence.link.alert-routes", "/tickets/alert-routes")));

		return List.of(records, handled, incidentRecords, work, report, incidentStatistics, escalated, timeliness,
				automation);
	}

	private static List<Figure> timelinessFigures(TicketPeriodFigures.Resolved resolved, String resolvedDays) {
		List<Figure> shown = new java.util.ArrayList<>();
		shown.add(new Figure("evidence.ticket.resolved", resolved.tickets(), "/tickets?" + resolvedDays));
		if (resolved.meanMinutesToRespond() != null) {
			shown.add(new Figure("evidence.timeliness.respond-minutes", resolved.meanMinutesToRespond(), null));
		}
		if (resolved.meanMinutesToResolve() != null) {
			shown.add(new Figure("evidence.timeliness.resolve-minutes", resolved.meanMinutesToResolve(), null));
		}
		shown.add(new Figure("evidence.timeliness.sla-counted", resolved.slaCounted(),
				"/tickets?" + resolvedDays + "&sla=any"));
		shown.add(new Figure("evidence.timeliness.response-met", resolved.responseMet(),
				"/tickets?" + resolvedDays + "&sla=response-met"));
		shown.add(new Figure("evidence.timeliness.resolution-met", resolved.resolutionMet(),
				"/tickets?" + resolvedDays + "&sla=resolution-met"));
		return shown;
	}
}
