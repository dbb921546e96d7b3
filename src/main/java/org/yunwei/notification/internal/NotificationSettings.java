package org.yunwei.notification.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code yunwei.notification.*}: how the outbox is sent.
 *
 * @param mailFrom the sender of notification e-mail; empty: {@code spring.mail.username} when it is an address
 * @param maxAttempts tries of one e-mail or robot message before it is given up (an administrator may retry it)
 * @param retryAfter the wait after the first failed try; it doubles after each further one
 * @param retryAtMost the longest wait between two tries
 * @param timeout how long a robot's webhook and the mail server may take to connect and to answer
 */
@ConfigurationProperties("yunwei.notification")
record NotificationSettings(@DefaultValue("") String mailFrom, @DefaultValue("10") int maxAttempts,
		@DefaultValue("1m") Duration retryAfter, @DefaultValue("1h") Duration retryAtMost,
		@DefaultValue("10s") Duration timeout) {

	Backoff backoff() {
		return new Backoff(retryAfter, retryAtMost, maxAttempts);
	}
}
