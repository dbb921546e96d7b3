package org.yunwei.database.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code yunwei.db.*}: an external PostgreSQL, or the embedded one's directory and port when no URL is given.
 */
@ConfigurationProperties("yunwei.db")
record DatabaseProperties(String url, String user, String password, @DefaultValue("20") int poolSize,
		@DefaultValue("10s") java.time.Duration connectionTimeout, @DefaultValue Embedded embedded) {

	record Embedded(@DefaultValue("./data/postgres") String dataDirectory, @DefaultValue("0") int port) {
	}
}
