package org.yunwei.support;

import java.time.Instant;
import java.util.Map;

import org.yunwei.identity.internal.TestTotp;

/**
 * Signs in through the API as a script would.
 */
public final class Accounts {

	private Accounts() {
	}

	public static String tokenFor(ApiClient api, String username, String password, String totpSecret) {
		var body = new java.util.LinkedHashMap<String, Object>(Map.of("username", username, "password", password,
				"name", "test", "expiresInDays", 1));
		if (totpSecret != null) {
			body.put("totp", TestTotp.codeAt(totpSecret, Instant.now()));
		}
		var response = api.post("/api/v1/auth/tokens", null, body);
		if (response.status() != 201) {
			throw new IllegalStateException("Could not sign in as " + username + ": " + response);
		}
		return response.json().get("token").asString();
	}
}
