package org.yunwei.ticket.internal.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

@RestController
@RequestMapping("/api/v1/ticket-statistics/assignees")
@PreAuthorize("hasAuthority('TICKET_REPORT')")
@Tag(name = "Ticket statistics by assignee", description = "处理相关运行维护问题的及时性与质量 (Hunan 5.4.2 c): per "
		+ "person, the tickets assigned, resolved and closed in the period, mean and 90th percentile times to respond "
		+ "and to resolve, SLA attainment, reopened tickets and satisfaction ratings, each count with the ticket list "
		+ "behind it. TICKET_REPORT; management and supervision see every provider's people (or one provider's), a "
		+ "provider its own, a customer nothing (403). Definitions: docs/ticket-statistics.md, \"By assignee\".")
class AssigneeStatisticsApiController {

	private static final String FROM = "first day, ISO date; with `to`; default: the current month (Asia/Shanghai)";
	private static final String TO = "last day, included";
	private static final String PROVIDER = "a provider party's id: only its tickets (management and supervision; a "
			+ "provider may name only itself); an unknown or unseen provider is a 400 naming `provider`";

	private final AssigneeStatistics statistics;

	AssigneeStatisticsApiController(AssigneeStatistics statistics) {
		this.statistics = statistics;
	}

	@GetMapping
	@Operation(summary = "Each person's tickets, speed, SLA attainment, reopened tickets and ratings in the period",
			description = "Rows most resolved first; the tickets nobody is assigned to are a row without "
					+ "`assigneeUserId`. Times are wall-clock seconds from creation over the tickets resolved in the "
					+ "period; ratings are those given in the period. 400 naming `from`, `to` or `provider`.")
	AssigneeStatistics.Report assignees(
			@Parameter(example = "2026-11-01", description = FROM) @RequestParam(required = false) String from,
			@Parameter(example = "2026-11-30", description = TO) @RequestParam(required = false) String to,
			@Parameter(description = PROVIDER) @RequestParam(required = false) String provider) {
		TicketStatisticsPeriod period = period(from, to);
		return statistics.report(period, provider(provider), LocaleContextHolder.getLocale());
	}

	@GetMapping("/export")
	@Operation(summary = "The figures by assignee as an Excel workbook (.xlsx)",
			description = "One sheet, a row per person. Recorded on the audit trail "
					+ "(TICKET_ASSIGNEE_STATISTICS_EXPORT).")
	void export(@Parameter(example = "2026-11-01", description = FROM) @RequestParam(required = false) String from,
			@Parameter(example = "2026-11-30", description = TO) @RequestParam(required = false) String to,
			@Parameter(description = PROVIDER) @RequestParam(required = false) String provider,
			HttpServletResponse response) throws IOException {
		TicketStatisticsPeriod period = period(from, to);
		statistics.export(period, provider(provider), LocaleContextHolder.getLocale(),
				() -> AssigneeWorkbook.open(response, period));
	}

	private TicketStatisticsPeriod period(String from, String to) {
		return TicketStatisticsPeriod.parse(from, to, statistics.zone());
	}

	/** A party's id, or nothing; anything else is refused on {@code provider}. */
	static Long provider(String provider) {
		String text = FieldErrors.clean(provider);
		if (text == null) {
			return null;
		}
		try {
			return Long.valueOf(text);
		}
		catch (NumberFormatException notANumber) {
			throw RejectedRequest.invalidField("provider", "ticket-stats.provider.unknown");
		}
	}
}
