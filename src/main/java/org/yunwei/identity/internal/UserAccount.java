package org.yunwei.identity.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A row of {@code app_user}: a person who signs in.
 */
record UserAccount(long id, String username, String displayName, String email, String phone, long orgUnitId,
		boolean enabled, String passwordHash, Instant passwordChangedAt, boolean mustChangePassword,
		String totpSecret, int failedAttempts, Instant lockedUntil, Instant sessionsValidAfter,
		Instant lastSignInAt, Instant createdAt) {

	boolean lockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	boolean hasSecondFactor() {
		return totpSecret != null;
	}

	/** The fields an audit record shows: never a hash or a secret. */
	Map<String, Object> auditView() {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("username", username);
		view.put("displayName", displayName);
		view.put("email", email);
		view.put("phone", phone);
		view.put("orgUnitId", orgUnitId);
		view.put("enabled", enabled);
		return view;
	}
}
