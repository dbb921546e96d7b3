package org.yunwei.inspection.internal.check;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.yunwei.inspection.internal.check.CheckSeries.CheckSeriesBucket;
import org.yunwei.inspection.internal.check.CheckSeries.CheckSeriesView;
import org.yunwei.web.Chart;

/**
 * The two charts of a check's page from its series: the mean response time per bucket (a line with gaps where the
 * check did not run) and the availability per bucket (bars on a 0–100 % scale). The same figures are in the text
 * summary and the table beside them, for screen readers and small screens.
 */
final class CheckSeriesCharts {

	private CheckSeriesCharts() {
	}

	static Chart responseTime(CheckSeriesView series, ZoneId zone, MessageSource messages, Locale locale) {
		return new Chart("line", labels(series, zone), List.of(new Chart.Dataset(
				messages.getMessage("check.chart.millis", null, locale),
				series.buckets().stream().map(CheckSeriesBucket::averageMillis).toList())), List.of(), false);
	}

	static Chart availability(CheckSeriesView series, ZoneId zone, MessageSource messages, Locale locale) {
		return new Chart("bar", labels(series, zone), List.of(new Chart.Dataset(
				messages.getMessage("check.chart.availability", null, locale),
				series.buckets().stream().map(CheckSeriesBucket::availabilityPercent).toList())), List.of(), true);
	}

	/** Hours and minutes for buckets under a day; the day alone for day buckets. */
	static DateTimeFormatter labelFormat(CheckSeriesView series) {
		return DateTimeFormatter.ofPattern(series.bucketSeconds() < 86_400 ? "MM-dd HH:mm" : "MM-dd");
	}

	private static List<String> labels(CheckSeriesView series, ZoneId zone) {
		DateTimeFormatter format = labelFormat(series);
		return series.buckets().stream().map(b -> format.format(b.start().atZone(zone))).toList();
	}
}
