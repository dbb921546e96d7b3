package org.yunwei.database.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code yunwei.db.*}: an external PostgreSQL, or the embedded one's directory and port when no URL is given; and how
 * an outage is noticed and the embedded server restarted ({@code recovery}).
 */
@ConfigurationProperties("yunwei.db")
record DatabaseProperties(String url, String user, String password, @DefaultValue("20") int poolSize,
		@DefaultValue("10s") Duration connectionTimeout, @DefaultValue Embedded embedded,
		@DefaultValue Recovery recovery) {

	record Embedded(@DefaultValue("./data/postgres") String dataDirectory, @DefaultValue("0") int port) {
	}

	/**
	 * @param probeInterval how often the database is asked whether it answers (the embedded server's process is
	 *        looked at four times as often)
	 * @param maxRestarts the embedded server's crashes within {@code restartWindow} that are restarted; one more, and
	 *        the database is DOWN
	 * @param restartWindow see {@code maxRestarts}
	 */
	record Recovery(@DefaultValue("1s") Duration probeInterval, @DefaultValue("5") int maxRestarts,
			@DefaultValue("10m") Duration restartWindow) {
	}
}
