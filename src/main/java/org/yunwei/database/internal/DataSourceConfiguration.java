package org.yunwei.database.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.nio.file.Path;


import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The one data source of the application: the external PostgreSQL when {@code yunwei.db.url} is set, otherwise the
 * embedded server. The embedded server is a bean of its own that the pool depends on, so that the context stops it
 * after the pool has closed, which is after everything that uses the pool: see the stop order in the module's
 * package-info.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DataSourceConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DataSourceConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedServerHolder embeddedPostgres(DatabaseProperties properties) {
		if (StringUtils.hasText(properties.url())) {
			return new EmbeddedServerHolder(null);
		}
		Path directory = Path.of(properties.embedded().dataDirectory());
		log.info("No YUNWEI_DB_URL given: starting the embedded PostgreSQL with its data in {}",
				directory.toAbsolutePath());
		return new EmbeddedServerHolder(EmbeddedPostgresServer.start(directory, properties.embedded().port()));
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(DatabaseProperties properties, EmbeddedServerHolder embedded) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("yunwei");
		if (embedded.server() != null) {
			config.setJdbcUrl(embedded.server().jdbcUrl("postgres"));
			config.setUsername("postgres");
		}
		else {
			config.setJdbcUrl(properties.url());
			config.setUsername(properties.user());
			config.setPassword(properties.password());
		}
		config.setMaximumPoolSize(properties.poolSize());
		config.setMinimumIdle(2);
		config.setConnectionTimeout(properties.connectionTimeout().toMillis());
		config.addDataSourceProperty("reWriteBatchedInserts", "true");
		config.addDataSourceProperty("ApplicationName", "yunwei");
		return new HikariDataSource(config);
	}

	record EmbeddedServerHolder(EmbeddedPostgresServer server) implements AutoCloseable {
		@Override
		public void close() throws Exception {
			if (server != null) {
				server.close();
			}
		}
	}

}
