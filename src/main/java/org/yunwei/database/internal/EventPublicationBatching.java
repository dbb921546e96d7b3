package org.yunwei.database.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Puts {@link BatchedEventPublications} in front of Spring Modulith's JDBC event publication repository, where its
 * assumptions hold: the registry's default table layout, completed publications deleted, and the table in the
 * default schema or the one configured.
 */
@Configuration(proxyBeanMethods = false)
class EventPublicationBatching {

	@Bean
	static BeanPostProcessor eventPublicationBatcher(ObjectProvider<JdbcTemplate> jdbc,
			ObjectProvider<EventSerializer> serializer, ObjectProvider<PlatformTransactionManager> transactions,
			Environment environment) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof EventPublicationRepository repository && !(bean instanceof BatchedEventPublications)
						&& applies(environment)) {
					String schema = environment.getProperty("spring.modulith.events.jdbc.schema");
					String table = schema == null || schema.isBlank() ? "event_publication"
							: schema + ".event_publication";
					return new BatchedEventPublications(repository, jdbc.getObject(), serializer.getObject(),
							transactions.getObject(), table);
				}
				return bean;
			}
		};
	}

	private static boolean applies(Environment environment) {
		return "delete".equalsIgnoreCase(environment.getProperty("spring.modulith.events.completion-mode", ""))
				&& !environment.getProperty("spring.modulith.events.jdbc.use-legacy-structure", Boolean.class, false)
				&& environment.getProperty("yunwei.events.batched-publications", Boolean.class, true);
	}
}
