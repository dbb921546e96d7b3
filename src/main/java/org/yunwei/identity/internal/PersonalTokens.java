package org.yunwei.identity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.crypto.Digester;
import org.yunwei.web.RejectedRequest;

/**
 * A person's API tokens: 256 random bits, shown once, stored as a digest, with an expiry, revocable.
 */
@Service
class PersonalTokens {

	static final String PREFIX = "ywt_";
	static final int MAX_DAYS = 365;
	private static final SecureRandom RANDOM = new SecureRandom();

	private final ApiTokens tokens;
	private final Digester digester;
	private final AuditTrail audit;
	private final Clock clock = Clock.systemUTC();

	PersonalTokens(ApiTokens tokens, Digester digester, AuditTrail audit) {
		this.tokens = tokens;
		this.digester = digester;
		this.audit = audit;
	}

	/** @return the token; it cannot be read again */
	@Transactional
	IssuedToken issue(long userId, String username, String name, Integer expiresInDays) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (name == null || name.isBlank() || name.length() > 100) {
			errors.put("name", "token.name.invalid");
		}
		if (expiresInDays == null || expiresInDays < 1 || expiresInDays > MAX_DAYS) {
			errors.put("expiresInDays", "token.expiry.invalid");
		}
		if (!errors.isEmpty()) {
			throw RejectedRequest.invalidFields(errors);
		}
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant expiresAt = clock.instant().plus(Duration.ofDays(expiresInDays));
		long id = tokens.insert(userId, name.trim(), digester.hexDigest(token), expiresAt);
		audit.record(AuditEntry.of("TOKEN_CREATE", "api_token", id)
			.actor(username)
			.after(Map.of("name", name.trim(), "userId", userId, "expiresAt", expiresAt.toString())));
		return new IssuedToken(id, token, expiresAt);
	}

	List<ApiTokens.TokenView> of(long userId) {
		return tokens.ofUser(userId);
	}

	@Transactional
	void revoke(long userId, long tokenId) {
		var token = tokens.find(userId, tokenId).orElseThrow(() -> RejectedRequest.notFound("token"));
		if (token.revokedAt() != null) {
			return;
		}
		tokens.revoke(tokenId, clock.instant());
		audit.record(AuditEntry.of("TOKEN_REVOKE", "api_token", tokenId)
			.before(Map.of("name", token.name(), "revoked", false))
			.after(Map.of("name", token.name(), "revoked", true)));
	}

	record IssuedToken(long id, String token, Instant expiresAt) {
	}
}
