package org.yunwei.ticket.internal.attachment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.yunwei.support.ApiClient;

/** Uploads and downloads ticket attachments over real HTTP with an API token, as a script would. */
final class AttachmentRequests {

	private final HttpClient http = HttpClient.newHttpClient();
	private final String base;

	AttachmentRequests(int port) {
		this.base = "http://localhost:" + port;
	}

	ApiClient.Response upload(long ticketId, String token, String filename, byte[] content) {
		return upload(ticketId, token, filename, content, "");
	}

	/** An upload with a query string such as {@code ?internal=true}. */
	ApiClient.Response upload(long ticketId, String token, String filename, byte[] content, String query) {
		String boundary = "----yunwei" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
		body.writeBytes(content);
		write(body, "\r\n--" + boundary + "--\r\n");
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/tickets/" + ticketId + "/attachments"
				+ query))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString());
		return new ApiClient.Response(response.statusCode(), response.body(),
				response.headers().firstValue("Content-Type").orElse(""));
	}

	HttpResponse<byte[]> download(long ticketId, long attachmentId, String token) {
		return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tickets/" + ticketId + "/attachments/"
				+ attachmentId)).header("Authorization", "Bearer " + token).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	/** A tiny valid PNG: the signature and an IHDR chunk are enough for the type check. */
	static byte[] png() {
		byte[] header = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
		byte[] rest = "IHDR-test-image".getBytes(StandardCharsets.US_ASCII);
		byte[] png = new byte[header.length + rest.length];
		System.arraycopy(header, 0, png, 0, header.length);
		System.arraycopy(rest, 0, png, header.length, rest.length);
		return png;
	}

	private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
		try {
			return http.send(request, handler);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}
}
