package org.yunwei.sla.internal.attainment;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.context.MessageSource;
import org.yunwei.sla.ClockKind;
import org.yunwei.web.Chart;

/** An agreement's twelve-month trend as a line per kind of clock; a month with nothing counted is a gap, not 0 %. */
final class AttainmentTrendChart {

	private AttainmentTrendChart() {
	}

	static Chart of(AttainmentReports.Trend trend, MessageSource messages, Locale locale) {
		Map<YearMonth, Map<ClockKind, BigDecimal>> byMonth = new TreeMap<>();
		for (MonthlyRate rate : trend.months()) {
			byMonth.computeIfAbsent(rate.month(), month -> new EnumMap<>(ClockKind.class))
				.put(rate.kind(), rate.rate());
		}
		List<Chart.Dataset> lines = new ArrayList<>();
		for (ClockKind kind : ClockKind.values()) {
			List<BigDecimal> rates = byMonth.values().stream().map(kinds -> kinds.get(kind)).toList();
			lines.add(new Chart.Dataset(messages.getMessage("attainment.kind." + kind.name(), null, kind.name(), locale),
					rates));
		}
		List<String> months = byMonth.keySet().stream().map(YearMonth::toString).toList();
		return new Chart("line", months, lines, List.of(), true);
	}
}
