package org.yunwei.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser: signs in through the form and keeps the session cookie, following no redirect by
 * itself so that tests see where they lead.
 */
final class FormSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
	private final String base;

	FormSession(int port) {
		this.base = "http://localhost:" + port;
	}

	/** Signs in and follows the redirect to the start page; returns the final response. */
	HttpResponse<String> signIn(String username, String password) {
		String csrf = csrfOf(get("/login").body());
		HttpResponse<String> posted = post("/login", Map.of("username", username, "password", password, "_csrf", csrf));
		if (posted.statusCode() != 302) {
			throw new IllegalStateException("sign-in answered " + posted.statusCode());
		}
		return get(URI.create(base).resolve(posted.headers().firstValue("Location").orElseThrow()).getPath());
	}

	HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
	}

	HttpResponse<String> getWithHeader(String path, String header, String value) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header(header, value).GET().build());
	}

	/** Posts a form as the page would, with the CSRF token of the page it came from. */
	HttpResponse<String> submit(String pagePath, String actionPath, Map<String, String> fields) {
		Map<String, String> withToken = new LinkedHashMap<>(fields);
		withToken.put("_csrf", csrfOf(get(pagePath).body()));
		return post(actionPath, withToken);
	}

	HttpResponse<String> post(String path, Map<String, String> fields) {
		String body = fields.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	static String csrfOf(String html) {
		Matcher matcher = CSRF.matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("no CSRF token on the page");
		}
		return matcher.group(1);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
