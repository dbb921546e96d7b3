package org.yunwei.identity.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A row of {@code app_user}: a person who signs in.
 */
/** {@code phoneMark}: how the audit names the sealed phone number (see {@link DirectoryPhones#auditMark}), never the number. */
record UserAccount(long id, String username, String displayName, String email, String phoneMark, long orgUnitId,
		boolean enabled, String passwordHash, Instant passwordChangedAt, boolean mustChangePassword,
		String totpSecret, Long totpLastStep, int failedAttempts, Instant lockedUntil, Instant sessionsValidAfter,
		Instant lastSignInAt, Instant createdAt, boolean serviceAccount) {

	boolean lockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	boolean hasSecondFactor() {
		return totpSecret != null;
	}

	/**
	 * Whether this code is the account's second factor now and newer than the last one accepted: the step to
	 * remember, or empty when it is wrong or a replay.
	 */
	OptionalLong freshSecondFactorStep(String code, Instant now) {
		var step = TotpAlgorithm.matchingStep(totpSecret, code == null ? null : code.trim(), now);
		return step.isPresent() && totpLastStep != null && step.getAsLong() <= totpLastStep
				? OptionalLong.empty() : step;
	}

	/** The fields an audit record shows: never a hash or a secret. */
	Map<String, Object> auditView() {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("username", username);
		view.put("displayName", displayName);
		view.put("email", email);
		view.put("phone", phoneMark);
		view.put("orgUnitId", orgUnitId);
		view.put("enabled", enabled);
		view.put("serviceAccount", serviceAccount);
		return view;
	}
}
