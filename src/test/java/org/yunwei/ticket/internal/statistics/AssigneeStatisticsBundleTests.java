package org.yunwei.ticket.internal.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** The bundles the statistics pages read have the same keys in Chinese and in English, so no page shows a key. */
class AssigneeStatisticsBundleTests {

	@Test
	void everyKeyOfTheStatisticsAndTheListIsInBothLanguages() throws IOException {
		for (String bundle : new String[] { "ticket-stats", "ticket-ui" }) {
			Set<String> chinese = keys("i18n/" + bundle + ".properties");
			assertThat(chinese).as(bundle).containsAnyOf("ticket-stats.assignee.title", "ticketui.filter.reopened.true");
			assertThat(keys("i18n/" + bundle + "_en.properties")).as(bundle).isEqualTo(chinese);
		}
	}

	private static Set<String> keys(String resource) throws IOException {
		Properties properties = new Properties();
		try (var in = AssigneeStatisticsBundleTests.class.getClassLoader().getResourceAsStream(resource)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return new TreeSet<>(properties.stringPropertyNames());
	}
}
