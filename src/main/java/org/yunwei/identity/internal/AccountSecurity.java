package org.yunwei.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.web.RejectedRequest;

/**
 * What a person does to their own credentials: change the password, enrol a second factor.
 */
@Service
class AccountSecurity {

	private final UserAccounts accounts;
	private final PasswordPolicy policy;
	private final PasswordEncoder encoder;
	private final AuditTrail audit;
	private final Clock clock = Clock.systemUTC();

	AccountSecurity(UserAccounts accounts, PasswordPolicy policy, PasswordEncoder encoder, AuditTrail audit) {
		this.accounts = accounts;
		this.policy = policy;
		this.encoder = encoder;
		this.audit = audit;
	}

	@Transactional
	void changePassword(long userId, String current, String replacement, String confirmation) {
		UserAccount account = accounts.findById(userId).orElseThrow();
		if (current == null || !encoder.matches(current, account.passwordHash())) {
			throw RejectedRequest.invalidField("currentPassword", "account.password.wrong");
		}
		if (replacement == null || !replacement.equals(confirmation)) {
			throw RejectedRequest.invalidField("confirmation", "account.password.mismatch");
		}
		policy.check("newPassword", account.username(), replacement,
				accounts.recentPasswordHashes(userId, PasswordPolicy.HISTORY));
		Instant now = clock.instant();
		accounts.changePassword(userId, encoder.encode(replacement), false, now);
		audit.record(AuditEntry.of("PASSWORD_CHANGE", "user", userId)
			.after(Map.of("passwordChangedAt", now.toString())));
	}

	@Transactional
	void enrolSecondFactor(long userId, String secret, String code) {
		UserAccount account = accounts.findById(userId).orElseThrow();
		if (account.hasSecondFactor()) {
			throw RejectedRequest.conflict("second-factor-exists", "account.totp.already");
		}
		var step = TotpAlgorithm.isValidSecret(secret) ? TotpAlgorithm.matchingStep(secret, code, clock.instant())
				: java.util.OptionalLong.empty();
		if (step.isEmpty()) {
			throw RejectedRequest.invalidField("code", "account.totp.wrong");
		}
		accounts.setTotpSecret(userId, secret, step.getAsLong());
		audit.record(AuditEntry.of("SECOND_FACTOR_ENROL", "user", userId)
			.before(Map.of("secondFactor", false))
			.after(Map.of("secondFactor", true)));
	}

	boolean hasSecondFactor(long userId) {
		return accounts.findById(userId).orElseThrow().hasSecondFactor();
	}
}
