package org.yunwei.database.internal;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.ErrorHandler;
import org.yunwei.web.ServiceUnavailable;

/**
 * Scheduled jobs of every module run once per cluster: a job annotated with {@code @SchedulerLock} takes its lock in
 * the {@code shedlock} table, with the database's clock so that nodes with drifting clocks agree.
 */
@Configuration(proxyBeanMethods = false)
// off for one-off commands such as generate, which must not raise SLA deadlines or send mail while they write
@ConditionalOnProperty(name = "yunwei.scheduling.enabled", havingValue = "true", matchIfMissing = true)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT5M")
class SchedulingConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SchedulingConfiguration.class);

	/**
	 * A tick that fails because the database cannot be reached is an outage, already logged and being recovered, not
	 * a bug: one line each, rather than a stack trace every tick for as long as the outage lasts.
	 */
	static final ErrorHandler TICK_FAILURE = failure -> {
		if (ServiceUnavailable.causedBy(failure)) {
			log.warn("A scheduled tick did not run: the database cannot be reached ({}); it runs again at its next time",
					failure.getMessage());
		}
		else {
			log.error("Unexpected error occurred in scheduled task", failure);
		}
	};

	@Bean
	SimpleAsyncTaskSchedulerCustomizer tickFailuresOnVirtualThreads() {
		return scheduler -> scheduler.setErrorHandler(TICK_FAILURE);
	}

	@Bean
	ThreadPoolTaskSchedulerCustomizer tickFailuresOnPlatformThreads() {
		return scheduler -> scheduler.setErrorHandler(TICK_FAILURE);
	}

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
	}
}
