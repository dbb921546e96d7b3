package org.yunwei.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run measured: named figures for the {@code BENCH {json}} line, and rows of a table that puts each of
 * Yunwei's figures beside the raw PostgreSQL figure of the same run and the target. Every figure is printed as soon as
 * it is known, so that a run cut short still tells what it measured.
 */
final class Figures {

	private final Map<String, Object> values = new LinkedHashMap<>();
	private final List<String[]> rows = new ArrayList<>();

	void put(String name, Object value) {
		values.put(name, value instanceof Double d ? round(d) : value);
		System.out.printf("  %-40s %s%n", name, values.get(name));
	}

	Object get(String name) {
		return values.get(name);
	}

	/** A row of the table: the figure, Yunwei's value, the raw PostgreSQL value beside it, the target. */
	void row(String figure, String yunwei, String raw, String target) {
		rows.add(new String[] { figure, yunwei, raw, target });
	}

	void print(String title) {
		int[] widths = { 6, 6, 6, 6 };
		String[] header = { "Figure", "Yunwei", "Raw PostgreSQL (same run)", "Target" };
		List<String[]> all = new ArrayList<>();
		all.add(header);
		all.addAll(rows);
		for (String[] row : all) {
			for (int i = 0; i < row.length; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		}
		System.out.println();
		System.out.println(title);
		String format = "| %-" + widths[0] + "s | %-" + widths[1] + "s | %-" + widths[2] + "s | %-" + widths[3]
				+ "s |%n";
		System.out.printf(format, (Object[]) header);
		System.out.printf(format, "-".repeat(widths[0]), "-".repeat(widths[1]), "-".repeat(widths[2]),
				"-".repeat(widths[3]));
		rows.forEach(row -> System.out.printf(format, (Object[]) row));
		System.out.println("BENCH " + Api.JSON.writeValueAsString(Map.of("benchmark", "city", "figures", values)));
	}

	static double round(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return value;
		}
		double scale = Math.abs(value) >= 100 ? 1 : Math.abs(value) >= 1 ? 10 : 1000;
		return Math.round(value * scale) / scale;
	}

	static String ms(double value) {
		return Double.isNaN(value) ? "–" : String.format("%,.1f ms", value);
	}

	static String perSecond(double value) {
		return String.format("%,.0f/s", value);
	}
}
