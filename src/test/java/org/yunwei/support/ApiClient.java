package org.yunwei.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the running application over real HTTP, as a script with an API token would.
 */
public final class ApiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();
	private final String base;

	public ApiClient(int port) {
		this.base = "http://localhost:" + port;
	}

	public Response get(String path, String token) {
		return send("GET", path, token, null);
	}

	public Response post(String path, String token, Object body) {
		return send("POST", path, token, body);
	}

	public Response put(String path, String token, Object body) {
		return send("PUT", path, token, body);
	}

	public Response patch(String path, String token, Object body) {
		return send("PATCH", path, token, body);
	}

	public Response delete(String path, String token) {
		return send("DELETE", path, token, null);
	}

	/** Sends a raw body, e.g. malformed JSON. */
	public Response postRaw(String path, String token, String body, String contentType) {
		var request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return execute(request.build());
	}

	/** Posts one file as the multipart part {@code file}, with the given part content type. */
	public Response postFile(String path, String token, String filename, String partType, byte[] content) {
		String boundary = "----yunwei" + java.util.UUID.randomUUID();
		var body = new java.io.ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: " + partType + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		return execute(HttpRequest.newBuilder(URI.create(base + path))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	/** A GET that accepts the given media type, e.g. {@code text/csv} for a download. */
	public Response getAccepting(String path, String token, String accept) {
		var request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return execute(request.build());
	}

	public Response send(String method, String path, String token, Object body) {
		var request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
			request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return execute(request.build());
	}

	private Response execute(HttpRequest request) {
		try {
			var response = http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""));
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public record Response(int status, String body, String contentType) {

		public JsonNode json() {
			return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
		}

		@Override
		public String toString() {
			return status + " " + body;
		}
	}
}
