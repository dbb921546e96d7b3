package org.yunwei.notification.internal;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.yunwei.notification.internal.Robots.Robot;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts text messages to group robots over HTTP, with a connect and a reply timeout, following no redirects. A
 * failure is told without the webhook address or the secret, which are credentials.
 */
@Component
class RobotWebhook {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http;
	private final Duration timeout;
	private final Clock clock;

	@Autowired
	RobotWebhook(NotificationSettings settings) {
		this(settings.timeout(), Clock.systemUTC());
	}

	RobotWebhook(Duration timeout, Clock clock) {
		this.timeout = timeout;
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * Sends the text, cut to what the robot accepts.
	 *
	 * @throws RobotRefusal when the robot cannot be reached, answers with an HTTP error, or its reply says that it
	 *         refused the message
	 */
	void send(Robot robot, String text) throws RobotRefusal {
		RobotKind.RobotRequest request = robot.kind()
			.request(robot.url(), robot.kind().signs() ? robot.secret() : null, cut(text, robot.kind().maxBytes()),
					clock.instant());
		HttpResponse<String> response;
		try {
			response = http.send(HttpRequest.newBuilder(request.uri())
				.timeout(timeout)
				.header("Content-Type", "application/json; charset=utf-8")
				.POST(HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException unreachable) {
			throw new RobotRefusal(unreachable.getClass().getSimpleName()
					+ (unreachable.getMessage() == null ? "" : ": " + hide(unreachable.getMessage(), robot)));
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new RobotRefusal("interrupted");
		}
		if (response.statusCode() / 100 != 2) {
			throw new RobotRefusal("HTTP " + response.statusCode() + " " + hide(shorten(response.body()), robot));
		}
		String refusal = refusalIn(robot.kind(), response.body());
		if (refusal != null) {
			throw new RobotRefusal(hide(shorten(refusal), robot));
		}
	}

	private static String refusalIn(RobotKind kind, String body) {
		if (body == null || body.isBlank()) {
			return null;
		}
		try {
			JsonNode reply = JSON.readTree(body);
			return reply.isObject() ? kind.refusal(reply) : null;
		}
		catch (JacksonException notJson) {
			// an intranet relay may answer with plain text: the HTTP status said it was accepted
			return null;
		}
	}

	/** The text, cut at a character boundary to at most {@code maxBytes} UTF-8 bytes (with an ellipsis when cut). */
	static String cut(String text, int maxBytes) {
		if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
			return text;
		}
		String ellipsis = "…";
		int budget = maxBytes - ellipsis.getBytes(StandardCharsets.UTF_8).length;
		StringBuilder kept = new StringBuilder();
		int used = 0;
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
			if (used + size > budget) {
				break;
			}
			kept.appendCodePoint(codePoint);
			used += size;
			i += Character.charCount(codePoint);
		}
		return kept.append(ellipsis).toString();
	}

	private static String shorten(String text) {
		if (text == null) {
			return "";
		}
		String line = text.strip().replaceAll("\\s+", " ");
		return line.length() > 300 ? line.substring(0, 300) + "…" : line;
	}

	private static String hide(String message, Robot robot) {
		String hidden = message;
		if (robot.url() != null && !robot.url().isEmpty()) {
			hidden = hidden.replace(robot.url(), robot.maskedUrl());
		}
		if (robot.secret() != null && !robot.secret().isEmpty()) {
			hidden = hidden.replace(robot.secret(), "***");
		}
		return hidden;
	}

	/** The robot did not take the message; the message says why, without credentials. */
	static final class RobotRefusal extends Exception {

		RobotRefusal(String reason) {
			super(reason, null, false, false);
		}
	}
}
