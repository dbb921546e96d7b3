package org.yunwei.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.audit.Outcome;

/**
 * Checks a sign-in attempt (password, second factor used once, lockout, address throttle) for the sign-in form and
 * the token endpoint alike. A paused address still lets through the people who signed in from it successfully in the
 * last {@link #KNOWN_ORIGIN}: spraying from it is stopped for every other account, the office behind it keeps
 * working. A service account never signs in this way. Every refusal looks the same to the person trying, so that it never tells whether an account
 * exists, is locked or disabled; the audit trail records the real reason.
 */
@Service
class SignIn {

	/** How long a successful sign-in from an address lets the person through while that address is paused. */
	static final Duration KNOWN_ORIGIN = Duration.ofDays(90);

	/** A hash to compare against when the account does not exist, so that the answer takes as long as otherwise. */
	private final String unknownAccountHash;

	private final UserAccounts accounts;
	private final PasswordEncoder encoder;
	private final AddressThrottle throttle;
	private final SignInOrigins origins;
	private final AuditTrail audit;
	private final SecurityProperties properties;
	private final Clock clock = Clock.systemUTC();

	SignIn(UserAccounts accounts, PasswordEncoder encoder, AddressThrottle throttle, SignInOrigins origins,
			AuditTrail audit, SecurityProperties properties) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.throttle = throttle;
		this.origins = origins;
		this.audit = audit;
		this.properties = properties;
		this.unknownAccountHash = encoder.encode("no such account " + System.nanoTime());
	}

	/**
	 * @return the id of the user whose credentials these are
	 * @throws BadCredentialsException for every kind of refusal; the failure is recorded and committed anyway
	 */
	@Transactional(noRollbackFor = AuthenticationException.class)
	long verify(String username, String password, String totpCode, String clientAddress) {
		String tried = username == null ? "" : username.trim();
		var found = tried.isEmpty() ? java.util.Optional.<UserAccount>empty() : accounts.lockByUsername(tried);
		// the password is compared in every case, so that the time taken tells nothing of the account or the pause
		boolean passwordMatches = encoder.matches(password == null ? "" : password,
				found.map(UserAccount::passwordHash).orElse(unknownAccountHash));
		Instant now = clock.instant();
		if (throttle.isPaused(clientAddress)
				&& (found.isEmpty() || !origins.knownSince(found.get().id(), clientAddress, now.minus(KNOWN_ORIGIN)))) {
			refuse(tried, "address throttled after repeated failures, account not known at this address");
		}
		if (found.isEmpty()) {
			throttle.recordFailure(clientAddress);
			refuse(tried, "unknown account");
		}
		UserAccount account = found.get();
		if (!account.enabled()) {
			throttle.recordFailure(clientAddress);
			refuse(account.username(), "account disabled");
		}
		if (account.serviceAccount()) {
			// an integration account works with the tokens an administrator issues for it, never with a password
			refuse(account.username(), "service account: no interactive sign-in");
		}
		if (accounts.lockedAt(account.id(), clientAddress, now)) {
			throttle.recordFailure(clientAddress);
			refuse(account.username(), "account locked for this address (" + AddressThrottle.key(clientAddress) + ")");
		}
		OptionalLong secondFactorStep = account.hasSecondFactor() ? account.freshSecondFactorStep(totpCode, now)
				: OptionalLong.empty();
		boolean secondFactorMatches = !account.hasSecondFactor() || secondFactorStep.isPresent();
		if (!passwordMatches || !secondFactorMatches) {
			throttle.recordFailure(clientAddress);
			countFailure(account, clientAddress, now, !passwordMatches ? "wrong password"
					: TotpAlgorithm.verify(account.totpSecret(), totpCode == null ? null : totpCode.trim(), now)
							? "second factor code already used" : "wrong second factor");
		}
		secondFactorStep.ifPresent(step -> accounts.rememberTotpStep(account.id(), step));
		accounts.recordSuccess(account.id(), clientAddress, now);
		origins.remember(account.id(), clientAddress, now);
		audit.record(AuditEntry.of("SIGN_IN", "user", account.id()).actor(account.username()));
		return account.id();
	}

	/**
	 * Counts the failure for the account and the address together and locks the pair at the threshold: someone who
	 * knows a user name locks its owner out only at their own address (the same office behind one NAT at worst),
	 * never everywhere; guessing from many addresses is what the address throttle and each pair's own count stop.
	 */
	private void countFailure(UserAccount account, String clientAddress, Instant now, String reason) {
		int failures = accounts.countFailure(account.id(), clientAddress, now);
		if (failures >= properties.lockoutThreshold()) {
			Instant until = now.plus(properties.lockoutDuration());
			accounts.lock(account.id(), clientAddress, failures, until);
			audit.record(AuditEntry.of("ACCOUNT_LOCKED", "user", account.id())
				.actor(account.username())
				.outcome(Outcome.FAILURE)
				.after(Map.of("failedAttempts", failures, "lockedUntil", until.toString(), "address",
						AddressThrottle.key(clientAddress)))
				.detail("locked after " + failures + " failed sign-ins from " + AddressThrottle.key(clientAddress)));
		}
		refuse(account.username(), reason + " (" + failures + " in a row from this address)");
	}

	private void refuse(String username, String reason) {
		audit.record(AuditEntry.of("SIGN_IN", "user", null)
			.actor(username.isEmpty() ? "anonymous" : username.substring(0, Math.min(100, username.length())))
			.outcome(Outcome.FAILURE)
			.detail(reason));
		throw new BadCredentialsException("sign-in refused");
	}
}
