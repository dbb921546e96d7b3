package org.yunwei.identity.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.yunwei.web.RejectedRequest;

/**
 * 等保 level-3 password rules: at least 8 characters from at least 3 of the 4 classes (upper, lower, digit,
 * symbol), not one of the common passwords, not the user name, not one of the last 5 passwords.
 */
@Component
class PasswordPolicy {

	static final int MINIMUM_LENGTH = 8;
	static final int HISTORY = 5;

	private final Set<String> commonPasswords;
	private final PasswordEncoder encoder;

	PasswordPolicy(PasswordEncoder encoder) {
		this.encoder = encoder;
		this.commonPasswords = load("identity/common-passwords.txt");
	}

	/**
	 * Refuses a password that breaks a rule, naming the rule as the message of the given form field.
	 * @param recentHashes the hashes of the user's latest passwords (empty for a new user)
	 */
	void check(String field, String username, String password, List<String> recentHashes) {
		if (password == null || password.length() < MINIMUM_LENGTH) {
			throw RejectedRequest.invalidField(field, "password.too-short");
		}
		if (password.length() > 128) {
			throw RejectedRequest.invalidField(field, "password.too-long");
		}
		if (characterClasses(password) < 3) {
			throw RejectedRequest.invalidField(field, "password.too-simple");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (commonPasswords.contains(lower) || (username != null && lower.contains(username.toLowerCase(Locale.ROOT)))) {
			throw RejectedRequest.invalidField(field, "password.common");
		}
		for (String hash : recentHashes.subList(0, Math.min(HISTORY, recentHashes.size()))) {
			if (encoder.matches(password, hash)) {
				throw RejectedRequest.invalidField(field, "password.reused");
			}
		}
	}

	static int characterClasses(String password) {
		boolean upper = false, lower = false, digit = false, other = false;
		for (int i = 0; i < password.length(); i++) {
			char c = password.charAt(i);
			if (Character.isUpperCase(c)) upper = true;
			else if (Character.isLowerCase(c)) lower = true;
			else if (Character.isDigit(c)) digit = true;
			else other = true;
		}
		return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
	}

	private static Set<String> load(String resource) {
		Set<String> words = new HashSet<>();
		try (var reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
			reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
				.forEach(l -> words.add(l.toLowerCase(Locale.ROOT)));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return Set.copyOf(words);
	}
}
