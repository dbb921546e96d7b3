package org.yunwei.identity.internal;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.yunwei.identity.Actor;

/**
 * Decides what a user must do before working: a password that is temporary or older than the maximum age must be
 * changed; an administrator without a second factor must enrol one when the 等保 profile is on, and before any API
 * token whatever the profile.
 */
@Component
class PendingObligations {

	enum Obligation {
		CHANGE_PASSWORD, ENROL_SECOND_FACTOR
	}

	private final UserAccounts accounts;
	private final SecurityProperties properties;
	private final Clock clock = Clock.systemUTC();

	PendingObligations(UserAccounts accounts, SecurityProperties properties) {
		this.accounts = accounts;
		this.properties = properties;
	}

	Set<Obligation> of(Actor actor) {
		return of(actor, secondFactorRequired(actor));
	}

	/**
	 * What a user must do before getting an API token: an administrator must have a second factor whatever the
	 * profile, because a token is a bearer credential that lasts up to a year and skips the sign-in page.
	 */
	Set<Obligation> beforeToken(Actor actor) {
		return of(actor, holdsAdministrativeRole(actor));
	}

	private Set<Obligation> of(Actor actor, boolean secondFactorRequired) {
		UserAccount account = accounts.findById(actor.userId()).orElseThrow();
		Set<Obligation> pending = EnumSet.noneOf(Obligation.class);
		if (account.serviceAccount()) {
			// it never signs in, so it never types a password to change; its tokens are issued for it
			return pending;
		}
		if (account.mustChangePassword()
				|| account.passwordChangedAt().plus(properties.passwordMaxAge()).isBefore(clock.instant())) {
			pending.add(Obligation.CHANGE_PASSWORD);
		}
		if (secondFactorRequired && !account.hasSecondFactor()) {
			pending.add(Obligation.ENROL_SECOND_FACTOR);
		}
		return pending;
	}

	boolean secondFactorRequired(Actor actor) {
		return properties.dengbaoProfile() && holdsAdministrativeRole(actor);
	}

	private static boolean holdsAdministrativeRole(Actor actor) {
		return actor.roles().stream().anyMatch(SeparationOfDuties.ADMINISTRATORS::contains);
	}
}
