package org.yunwei.identity.internal;

import java.time.Instant;

import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A person signed in on the test's own thread, as a request of theirs would be: for tests that call a module's
 * services directly (e.g. inside a Spring Modulith {@code Scenario}, which sees only the events of its thread).
 * Closing it signs them out.
 */
public final class SignedIn implements AutoCloseable {

	private SignedIn() {
	}

	public static SignedIn as(ApplicationContext context, long userId) {
		ActorDirectory directory = context.getBean(ActorDirectory.class);
		SecurityContextHolder.getContext().setAuthentication(directory.authenticationOf(userId, Instant.now()));
		return new SignedIn();
	}

	@Override
	public void close() {
		SecurityContextHolder.clearContext();
	}
}
