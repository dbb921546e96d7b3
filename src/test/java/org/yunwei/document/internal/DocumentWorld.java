package org.yunwei.document.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunwei.support.Accounts;
import org.yunwei.support.ApiClient;
import org.yunwei.support.TestDirectory;

/**
 * A provider with a service desk manager who keeps documents, the unit's lead who approves them (the default
 * policy's one stage), an agent who reads them, and a customer department; the calls the document tests make.
 */
final class DocumentWorld {

	final JdbcClient jdbc;
	final ApiClient api;
	final TestDirectory directory;
	final long provider;
	final long desk;
	final String keeper;
	final String lead;
	final String agent;
	final long customerParty;
	final long bureau;
	final String customer;
	private final String base;
	private final HttpClient http = HttpClient.newHttpClient();

	DocumentWorld(JdbcClient jdbc, int port) {
		this.jdbc = jdbc;
		this.api = new ApiClient(port);
		this.base = "http://localhost:" + port;
		this.directory = new TestDirectory(jdbc);
		provider = directory.party("PROVIDER", TestDirectory.unique("运维公司"));
		desk = directory.orgUnit(provider, null, "服务台");
		keeper = directory.user(desk, "SERVICE_DESK_MANAGER");
		lead = directory.user(desk);
		agent = directory.user(desk, "SERVICE_DESK_AGENT");
		jdbc.sql("update org_unit set lead_id = ? where id = ?").params(directory.userId(lead), desk).update();
		customerParty = directory.party("CUSTOMER", TestDirectory.unique("委办局"));
		bureau = directory.orgUnit(customerParty, null, "办公室");
		customer = directory.user(bureau);
	}

	String token(String username) {
		return Accounts.tokenFor(api, username, TestDirectory.PASSWORD, null);
	}

	long category(String code) {
		return jdbc.sql("select id from document_category where code = ?").param(code).query(Long.class).single();
	}

	/** A new document of the category, kept by the provider, applying also to the given parties. */
	long document(String keeperToken, String code, String title, Long... partyIds) {
		var created = api.post("/api/v1/documents", keeperToken, Map.of("categoryId", category(code), "title", title,
				"reviewDate", "2099-01-01", "partyIds", java.util.List.of(partyIds)));
		if (created.status() != 201) {
			throw new IllegalStateException(created.toString());
		}
		return created.json().get("document").get("id").asLong();
	}

	ApiClient.Response upload(long documentId, String token, String filename, byte[] content, String query) {
		return api.postFile("/api/v1/documents/" + documentId + "/versions" + query, token, filename,
				"application/pdf", content);
	}

	HttpResponse<byte[]> download(String path, String token) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).GET()
			.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	String status(long versionId) {
		return jdbc.sql("select status from document_version where id = ?").param(versionId).query(String.class)
			.single();
	}

	long audits(String action, long documentId) {
		return jdbc.sql("select count(*) from audit_record where action = ? and object_id = ?")
			.params(action, String.valueOf(documentId))
			.query(Long.class)
			.single();
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
