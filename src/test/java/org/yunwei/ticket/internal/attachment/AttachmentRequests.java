package org.yunwei.ticket.internal.attachment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.yunwei.support.ApiClient;

/** Uploads and downloads ticket attachments over real HTTP with an API token, as a script would. */
final class AttachmentRequests {

	private final HttpClient http = HttpClient.newHttpClient();
	private final String base;
	private final ApiClient api;

	AttachmentRequests(int port) {
		this.base = "http://localhost:" + port;
		this.api = new ApiClient(port);
	}

	ApiClient.Response upload(long ticketId, String token, String filename, byte[] content) {
		return upload(ticketId, token, filename, content, "");
	}

	/** An upload with a query string such as {@code ?internal=true}. */
	ApiClient.Response upload(long ticketId, String token, String filename, byte[] content, String query) {
		return api.postFile("/api/v1/tickets/" + ticketId + "/attachments" + query, token, filename,
				"application/octet-stream", content);
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
}
