package org.yunwei.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One reading of Yunwei's {@code /actuator/prometheus}: the samples of the text format, by metric name and labels.
 */
final class Prometheus {

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+).*$");
	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	private record Sample(String name, Map<String, String> labels, double value) {
	}

	private final List<Sample> samples = new ArrayList<>();

	private Prometheus(String text) {
		for (String line : text.split("\n")) {
			Matcher m = SAMPLE.matcher(line);
			if (line.startsWith("#") || !m.matches()) {
				continue;
			}
			Map<String, String> labels = new LinkedHashMap<>();
			if (m.group(3) != null) {
				Matcher l = LABEL.matcher(m.group(3));
				while (l.find()) {
					labels.put(l.group(1), l.group(2));
				}
			}
			samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(4))));
		}
	}

	static Prometheus read(Api api) {
		Api.Answer answer = api.text("/actuator/prometheus");
		if (!answer.ok()) {
			throw new IllegalStateException("/actuator/prometheus: " + answer);
		}
		return new Prometheus(answer.body());
	}

	/** The sum of the samples of this metric whose labels include all of {@code labels} (pairs); 0 when none. */
	double sum(String name, String... labels) {
		double sum = 0;
		for (Sample sample : samples) {
			if (sample.name().equals(name) && matches(sample.labels(), labels)) {
				sum += sample.value();
			}
		}
		return sum;
	}

	/** The one sample of this metric with these labels, NaN when there is none. */
	double value(String name, String... labels) {
		return samples.stream()
			.filter(s -> s.name().equals(name) && matches(s.labels(), labels))
			.mapToDouble(Sample::value)
			.findFirst()
			.orElse(Double.NaN);
	}

	/** The values one label takes among the samples of this metric, in the order first seen. */
	java.util.Set<String> labelValues(String name, String label) {
		java.util.Set<String> values = new java.util.LinkedHashSet<>();
		for (Sample sample : samples) {
			if (sample.name().equals(name) && sample.labels().containsKey(label)) {
				values.add(sample.labels().get(label));
			}
		}
		return values;
	}

	private static boolean matches(Map<String, String> have, String[] want) {
		for (int i = 0; i < want.length; i += 2) {
			if (!want[i + 1].equals(have.get(want[i]))) {
				return false;
			}
		}
		return true;
	}
}
