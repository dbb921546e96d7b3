package org.yunwei.database.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.support.IntegrationTestSupport;

/**
 * The shared test context is configured like a production installation with {@code YUNWEI_DB_URL}: it must use
 * that server and never start an embedded one.
 */
class ExternalDatabaseIntegrationTests extends IntegrationTestSupport {

	@Autowired
	DataSourceConfiguration.EmbeddedServerHolder embedded;

	@Test
	void aConfiguredDatabaseIsUsedAndNoEmbeddedServerStarts() {
		assertThat(embedded.server()).isNull();
		assertThat(jdbc.sql("select current_setting('application_name')").query(String.class).single())
			.isEqualTo("yunwei");
	}
}
