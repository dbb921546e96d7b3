package org.yunwei.ticket.internal.record;

import org.yunwei.identity.Actor;

/**
 * Who writes to a ticket: a signed-in person, or an intake acting for the system (the mailbox, monitoring).
 *
 * @param userId {@code null} for the system
 */
public record Author(Long userId, String name) {

	public static Author of(Actor actor) {
		return new Author(actor.userId(), actor.displayName());
	}

	public static Author system(String name) {
		return new Author(null, name);
	}

	/**
	 * The name the audit trail gives when nobody is signed in (the system, or a user whose e-mail an intake files);
	 * {@code null} lets the trail name the signed-in one.
	 */
	public String auditActor() {
		return userId == null
				|| org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication() == null
						? name : null;
	}
}
