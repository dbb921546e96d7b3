package org.yunwei.ticket.internal.statistics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yunwei.web.Chart;

/**
 * The dashboard's charts as the JSON that {@code static/js/charts.js} reads from a canvas's
 * {@code data-chart}: the chart type, labels, datasets, and per dataset the ticket list behind each segment.
 */
@Component
class DashboardCharts {

	private final MessageSource messages;

	DashboardCharts(MessageSource messages) {
		this.messages = messages;
	}

	/** A chart for the trend, for each dimension and for the backlog, by the id of its canvas. */
	Map<String, String> of(TicketStatistics.Report report, Locale locale) {
		Map<String, String> charts = new LinkedHashMap<>();
		List<String> steps = report.trend().points().stream().map(TicketStatistics.Point::period).toList();
		List<String> createdLinks = new ArrayList<>();
		List<String> resolvedLinks = new ArrayList<>();
		for (TicketStatistics.Point point : report.trend().points()) {
			// a step is a day or a month, cut to the period at its ends
			LocalDate first = point.period().length() == 7 ? YearMonth.parse(point.period()).atDay(1)
					: LocalDate.parse(point.period());
			LocalDate last = point.period().length() == 7 ? YearMonth.parse(point.period()).atEndOfMonth() : first;
			first = first.isBefore(report.period().from()) ? report.period().from() : first;
			last = last.isAfter(report.period().to()) ? report.period().to() : last;
			createdLinks.add(TicketStatisticsLabels.on("created", first, last));
			resolvedLinks.add(TicketStatisticsLabels.on("resolved", first, last));
		}
		charts.put("trend", chart("line", steps, List.of(
				dataset(text("ticket-stats.metric.created", locale),
						report.trend().points().stream().map(TicketStatistics.Point::created).toList()),
				dataset(text("ticket-stats.metric.resolved", locale),
						report.trend().points().stream().map(TicketStatistics.Point::resolved).toList())),
				List.of(createdLinks, resolvedLinks)));
		report.volumes().forEach((dimension, v) -> charts.put(dimension.key(), counts(kind(dimension), v.rows(),
				text("ticket-stats.metric.created", locale))));
		charts.put("backlog", counts("bar", report.backlog().buckets(), text("ticket-stats.metric.openBacklog",
				locale)));
		return charts;
	}

	private static String kind(TicketStatisticsDimension dimension) {
		return switch (dimension) {
			case TYPE, CHANNEL -> "doughnut";
			case PRIORITY, STATUS -> "bar";
			case CUSTOMER, SERVICE, CATEGORY -> "hbar";
		};
	}

	private String counts(String type, List<TicketStatistics.Count> rows, String label) {
		List<String> labels = rows.stream().map(TicketStatistics.Count::label).toList();
		List<Long> values = rows.stream().map(TicketStatistics.Count::count).toList();
		List<String> links = new ArrayList<>();
		rows.forEach(row -> links.add(row.link()));
		return chart(type, labels, List.of(dataset(label, values)), List.of(links));
	}

	private static String chart(String type, List<String> labels, List<Chart.Dataset> datasets,
			List<List<String>> links) {
		return new Chart(type, labels, datasets, links, false).json();
	}

	private static Chart.Dataset dataset(String label, List<Long> data) {
		return new Chart.Dataset(label, data);
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
