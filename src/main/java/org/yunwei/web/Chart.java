package org.yunwei.web;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * A chart as {@code static/js/charts.js} draws it from a canvas's {@code data-chart} attribute (no inline script:
 * Content-Security-Policy), so that every page's charts look and behave alike and the numbers stay in a table
 * beside them for those who cannot see the chart.
 *
 * @param type {@code line}, {@code bar}, {@code hbar} (horizontal bars) or {@code doughnut}
 * @param links per dataset, the page behind each point, bar or slice ({@code null} for none); empty for no links
 * @param percent whether the values are percentages: the scale runs from 0 to 100
 */
public record Chart(String type, List<String> labels, List<Dataset> datasets, List<List<String>> links,
		boolean percent) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public Chart {
		labels = List.copyOf(labels);
		datasets = List.copyOf(datasets);
		links = List.copyOf(links);
	}

	/** One series; a {@code null} value is a gap (nothing to show for that label). */
	public record Dataset(String label, List<? extends Number> data) {
	}

	/** The attribute's value. */
	public String json() {
		return JSON.writeValueAsString(this);
	}
}
