package org.yunwei.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Yunwei's REST API over real HTTP/1.1 with a bearer token, as a script or the portal's JavaScript would call it.
 * Every call is timed from sending the request to having read the whole answer.
 */
final class Api {

	static final JsonMapper JSON = JsonMapper.builder().build();
	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();
	private final String base;

	Api(int port) {
		this.base = "http://localhost:" + port;
	}

	/** Where the application answers, e.g. {@code http://localhost:8080}. */
	String base() {
		return base;
	}

	/** One answer; {@code status} 0 when no answer came (timeout, connection refused or reset). */
	record Answer(int status, String body, long nanos) {

		boolean ok() {
			return status >= 200 && status < 300;
		}

		JsonNode json() {
			return JSON.readTree(body);
		}

		/** A refusal the load itself causes: a ticket someone else moved on in the meantime. */
		boolean raceLost() {
			return status == 422 && body != null && body.contains("invalid-transition");
		}

		@Override
		public String toString() {
			return status + " " + (body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body);
		}
	}

	Answer get(String path, String token) {
		return send(request(path, token).GET().build());
	}

	/** A plain-text resource, such as {@code /actuator/prometheus}. */
	Answer text(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).header("Accept", "text/plain")
			.GET()
			.build());
	}

	Answer post(String path, String token, Object body) {
		return send(request(path, token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build());
	}

	/** Sends and records the answer in {@code into}: its time when it succeeded, else an error or a lost race. */
	static Answer timed(Latencies into, java.util.function.Supplier<Answer> call) {
		Answer answer = call.get();
		if (answer.ok()) {
			into.record(answer.nanos());
		}
		else if (answer.raceLost()) {
			into.refusal();
		}
		else {
			into.error();
		}
		return answer;
	}

	private HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(TIMEOUT)
			.header("Accept", "application/json");
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	private Answer send(HttpRequest request) {
		long start = System.nanoTime();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body(), System.nanoTime() - start);
		}
		catch (IOException noAnswer) {
			return new Answer(0, noAnswer.toString(), System.nanoTime() - start);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new Answer(0, "interrupted", System.nanoTime() - start);
		}
	}
}
