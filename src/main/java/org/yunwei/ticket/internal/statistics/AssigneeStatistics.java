package org.yunwei.ticket.internal.statistics;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.ThrowingSupplier;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actors;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.Party;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.People;
import org.yunwei.identity.Person;
import org.yunwei.ticket.AssigneeFigures;
import org.yunwei.ticket.AssigneeRatings;
import org.yunwei.ticket.internal.list.TicketQuery;
import org.yunwei.web.DateRange;

/**
 * The statistics by assignee (按处理人) as the page, the API and the export show them: each person's figures
 * ({@link AssigneeTimeliness}), the ratings of their tickets ({@link AssigneeRatings}, implemented by the module that
 * keeps the ratings; none shown without it), and the ticket list behind each figure. Reading is not audited, as the
 * other statistics are not; exporting is.
 */
@Service
class AssigneeStatistics {

	private final AssigneeTimeliness timeliness;
	private final ObjectProvider<AssigneeRatings> ratings;
	private final AssigneeWorkbook workbook;
	private final Actors actors;
	private final Organisations organisations;
	private final People people;
	private final MessageSource messages;
	private final AuditTrail audit;

	AssigneeStatistics(AssigneeTimeliness timeliness, ObjectProvider<AssigneeRatings> ratings,
			AssigneeWorkbook workbook, Actors actors, Organisations organisations, People people,
			MessageSource messages, AuditTrail audit) {
		this.timeliness = timeliness;
		this.ratings = ratings;
		this.workbook = workbook;
		this.actors = actors;
		this.organisations = organisations;
		this.people = people;
		this.messages = messages;
		this.audit = audit;
	}

	/**
	 * One person's row: the figures, the name to show (also for nobody), the ratings given in the period on their
	 * tickets, and the ticket list behind each count by the figure's name ({@code assigned}, {@code resolved},
	 * {@code closed}, {@code slaCounted}, {@code responseSlaMet}, {@code resolutionSlaMet}, {@code reopened}).
	 */
	public record Row(AssigneeFigures figures, String name, AssigneeRatings.Rated ratings, Map<String, String> links) {
	}

	/** The period, the provider it is narrowed to ({@code null}: every one the reader may see), the people. */
	public record Report(LocalDate from, LocalDate to, Long provider, List<Row> rows) {
	}

	@Transactional(readOnly = true)
	public Report report(TicketStatisticsPeriod period, Long provider, Locale locale) {
		DataScope.Condition scope = timeliness.condition(provider);
		DateRange days = new DateRange(period.from(), period.to());
		List<AssigneeFigures> figures = new ArrayList<>(timeliness.figures(days, scope));
		AssigneeRatings kept = ratings.getIfAvailable();
		Map<Long, AssigneeRatings.Rated> rated = kept == null ? Map.of()
				: kept.byAssignee(days.start(timeliness.zone()), days.end(timeliness.zone()), scope);
		Set<Long> onlyRated = new HashSet<>(rated.keySet());
		figures.forEach(f -> onlyRated.remove(key(f)));
		figures.addAll(onlyRated(onlyRated));
		String nobody = messages.getMessage("ticket-stats.assignee.nobody", null, locale);
		List<Row> rows = figures.stream()
			.map(f -> new Row(f, f.assigneeUserId() == null ? nobody : f.assigneeName(),
					rated.getOrDefault(key(f), new AssigneeRatings.Rated(0, null)), links(period, f.assigneeUserId())))
			.toList();
		return new Report(period.from(), period.to(), provider, rows);
	}

	/** Writes the report as a workbook and puts the export on the audit trail in the same transaction. */
	@Transactional
	public void export(TicketStatisticsPeriod period, Long provider, Locale locale,
			ThrowingSupplier<OutputStream> out) throws IOException {
		// before the response is opened, so that a refused reader gets a problem, not half a download
		Report report = report(period, provider, locale);
		Map<String, Object> exported = new LinkedHashMap<>();
		exported.put("from", period.from().toString());
		exported.put("to", period.to().toString());
		exported.put("provider", provider);
		DataScope scope = actors.scope();
		exported.put("scope", scope.partyKind() + " " + scope.partyId());
		exported.put("people", report.rows().size());
		audit.record(AuditEntry.of("TICKET_ASSIGNEE_STATISTICS_EXPORT", "ticket", null).after(exported)
			.detail(period.from() + "/" + period.to()));
		workbook.write(report, locale, out.get());
	}

	/**
	 * The providers a reader may narrow the figures to: every one for management and supervision, none for a
	 * provider (who sees its own people only).
	 */
	List<Party> providers() {
		DataScope scope = actors.scope();
		if (scope.partyKind() != PartyKind.MANAGEMENT && scope.partyKind() != PartyKind.SUPERVISION) {
			return List.of();
		}
		return organisations.parties(PartyKind.PROVIDER);
	}

	ZoneId zone() {
		return timeliness.zone();
	}

	/** The people whose tickets were only rated in the period: a row of zeros but for their ratings. */
	private List<AssigneeFigures> onlyRated(Set<Long> keys) {
		List<AssigneeFigures> rows = new ArrayList<>();
		Map<Long, String> names = new HashMap<>();
		for (Person person : people.findAll(keys.stream().filter(k -> k != AssigneeRatings.NOBODY).toList())) {
			names.put(person.id(), person.displayName());
		}
		for (Long key : keys) {
			Long who = key == AssigneeRatings.NOBODY ? null : key;
			rows.add(new AssigneeFigures(who, who == null ? null : names.getOrDefault(who, "#" + who), 0, 0, 0, null,
					null, null, null, AssigneeFigures.Attainment.of(0, 0), AssigneeFigures.Attainment.of(0, 0), 0,
					null));
		}
		return rows;
	}

	private static long key(AssigneeFigures figures) {
		return figures.assigneeUserId() == null ? AssigneeRatings.NOBODY : figures.assigneeUserId();
	}

	/** The ticket list behind each count of one person, with the list's own parameters. */
	static Map<String, String> links(TicketStatisticsPeriod period, Long assignee) {
		String who = assignee == null ? "none" : assignee.toString();
		String from = period.from().toString();
		String to = period.to().toString();
		Map<String, String> links = new LinkedHashMap<>();
		links.put("assigned", TicketStatisticsLabels.link("assignee", who, "createdFrom", from, "createdTo", to));
		links.put("resolved", TicketStatisticsLabels.link("assignee", who, "resolvedFrom", from, "resolvedTo", to));
		links.put("closed", TicketStatisticsLabels.link("assignee", who, "closedFrom", from, "closedTo", to));
		links.put("slaCounted", TicketStatisticsLabels.link("assignee", who, "resolvedFrom", from, "resolvedTo", to,
				"sla", TicketQuery.SlaOutcome.ANY.value()));
		links.put("responseSlaMet", TicketStatisticsLabels.link("assignee", who, "resolvedFrom", from, "resolvedTo",
				to, "sla", TicketQuery.SlaOutcome.RESPONSE_MET.value()));
		links.put("resolutionSlaMet", TicketStatisticsLabels.link("assignee", who, "resolvedFrom", from,
				"resolvedTo", to, "sla", TicketQuery.SlaOutcome.RESOLUTION_MET.value()));
		links.put("reopened", TicketStatisticsLabels.link("assignee", who, "resolvedFrom", from, "resolvedTo", to,
				"reopened", "true"));
		return links;
	}
}
