package org.yunwei.identity.internal;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.yunwei.identity.Actor;

/**
 * Decides what a user must do before working: a password that is temporary or older than the maximum age must be
 * changed; an administrator without a second factor must enrol one when the 等保 profile is on.
 */
@Component
class PendingObligations {

	enum Obligation {
		CHANGE_PASSWORD, ENROL_SECOND_FACTOR
	}

	static final Set<String> ADMINISTRATOR_ROLES = Set.of("SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN");

	private final UserAccounts accounts;
	private final SecurityProperties properties;
	private final Clock clock = Clock.systemUTC();

	PendingObligations(UserAccounts accounts, SecurityProperties properties) {
		this.accounts = accounts;
		this.properties = properties;
	}

	Set<Obligation> of(Actor actor) {
		UserAccount account = accounts.findById(actor.userId()).orElseThrow();
		Set<Obligation> pending = EnumSet.noneOf(Obligation.class);
		if (account.mustChangePassword()
				|| account.passwordChangedAt().plus(properties.passwordMaxAge()).isBefore(clock.instant())) {
			pending.add(Obligation.CHANGE_PASSWORD);
		}
		if (secondFactorRequired(actor) && !account.hasSecondFactor()) {
			pending.add(Obligation.ENROL_SECOND_FACTOR);
		}
		return pending;
	}

	boolean secondFactorRequired(Actor actor) {
		return properties.dengbaoProfile() && actor.roles().stream().anyMatch(ADMINISTRATOR_ROLES::contains);
	}
}
