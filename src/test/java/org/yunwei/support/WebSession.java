package org.yunwei.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like session over plain HTTP: keeps cookies, does not follow redirects (tests see where they lead, and
 * {@link #follow(Page)} goes there), and sends forms with the CSRF token of the last page it read.
 */
public final class WebSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|name=\"_csrf\" content=\"([^\"]+)\"");

	private final CookieManager cookies = new CookieManager();
	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(cookies)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();
	private final String base;
	private String csrf;

	public WebSession(int port) {
		this.base = "http://localhost:" + port;
	}

	/** Signs in through the form; the answer is the redirect after it. */
	public Page signIn(String username, String password, String totp) {
		get("/login");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("username", username);
		form.put("password", password);
		if (totp != null) {
			form.put("totp", totp);
		}
		return post("/login", form);
	}

	/** Continues a session begun elsewhere, e.g. in a real browser, by taking over its cookie. */
	public void useCookie(String name, String value) {
		HttpCookie cookie = new HttpCookie(name, value);
		cookie.setPath("/");
		cookie.setVersion(0);
		cookies.getCookieStore().add(URI.create(base), cookie);
	}

	public Page get(String path) {
		return read(send(HttpRequest.newBuilder(URI.create(base + path)).GET()));
	}

	/** Gets a fragment as htmx asks for it, with the {@code HX-Request} header. */
	public Page htmx(String path) {
		return read(send(HttpRequest.newBuilder(URI.create(base + path)).header("HX-Request", "true").GET()));
	}

	/** Goes where a redirect leads. */
	public Page follow(Page redirect) {
		if (redirect.location() == null) {
			throw new IllegalStateException("not a redirect: " + redirect.status());
		}
		URI target = URI.create(base).resolve(redirect.location());
		return get(target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
	}

	/** Opens the page of a form, then posts the form with that page's CSRF token. */
	public Page submit(String pagePath, String actionPath, Map<String, String> fields) {
		get(pagePath);
		return post(actionPath, fields);
	}

	/** Downloads a file, e.g. an export, as bytes. */
	public Download download(String path) {
		try {
			var response = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
			return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
					response.body());
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** Posts a form with the CSRF token of the last page read. */
	public Page post(String path, Map<String, String> fields) {
		Map<String, String> withToken = new LinkedHashMap<>(fields);
		if (csrf != null) {
			withToken.put("_csrf", csrf);
		}
		return postWithoutCsrf(path, withToken);
	}

	public Page postWithoutCsrf(String path, Map<String, String> fields) {
		String body = fields.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private Page read(Page page) {
		Matcher m = CSRF.matcher(page.body());
		if (m.find()) {
			csrf = m.group(1) != null ? m.group(1) : m.group(2);
		}
		return page;
	}

	private Page send(HttpRequest.Builder request) {
		try {
			var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Page(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(null),
					response.headers().map());
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public record Page(int status, String body, String location, Map<String, List<String>> headers) {

		public String header(String name) {
			return headers.entrySet().stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.findFirst()
				.map(e -> e.getValue().get(0))
				.orElse(null);
		}
	}

	public record Download(int status, String contentType, byte[] body) {
	}
}
