package org.yunwei.identity.internal;

import java.io.Serializable;
import java.time.Instant;

import org.springframework.security.core.AuthenticatedPrincipal;
import org.yunwei.identity.Actor;

/**
 * The principal of a signed-in session or API token: the actor as loaded at sign-in, and when that was.
 */
public record SignedInUser(Actor actor, Instant signedInAt) implements AuthenticatedPrincipal, Serializable {

	@Override
	public String getName() {
		return actor.username();
	}
}
