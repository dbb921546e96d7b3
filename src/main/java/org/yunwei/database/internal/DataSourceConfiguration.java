package org.yunwei.database.internal;

import com.zaxxer.hikari.HikariConfig;

import java.nio.file.Path;
import java.time.Clock;


import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunwei.web.ServiceUnavailable;
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
	DatabasePool dataSource(DatabaseProperties properties, EmbeddedServerHolder embedded) {
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
		return new DatabasePool(config);
	}

	@Bean
	DatabaseAvailability databaseAvailability(ApplicationEventPublisher events, PlatformTransactionManager transactions,
			EmbeddedServerHolder embedded) {
		return new DatabaseAvailability(events, new TransactionTemplate(transactions), embedded.server() != null,
				Clock.systemUTC());
	}

	@Bean
	DatabaseWatch databaseWatch(DatabaseAvailability availability, EmbeddedServerHolder embedded,
			DatabasePool dataSource, DatabaseProperties properties) {
		return new DatabaseWatch(availability, embedded.server(), dataSource, properties.recovery(),
				Clock.systemUTC());
	}

	/** Named as Spring Boot's own indicator, which then stands back: see {@link DatabaseHealth}. */
	@Bean
	DatabaseHealth dbHealthIndicator(DatabaseAvailability availability) {
		return new DatabaseHealth(availability);
	}

	@Bean
	FilterRegistrationBean<OutageFilter> outageFilter(DatabaseAvailability availability,
			ServiceUnavailable unavailable) {
		var registration = new FilterRegistrationBean<>(new OutageFilter(availability, unavailable));
		// before Spring Security (-100), whose token look-up would wait for a connection
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		registration.addUrlPatterns("/*");
		return registration;
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
