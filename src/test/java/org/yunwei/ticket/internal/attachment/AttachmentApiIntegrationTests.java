package org.yunwei.ticket.internal.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yunwei.support.ApiClient;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;
import org.yunwei.ticket.internal.TicketFixtures;

import tools.jackson.databind.JsonNode;

/** Ticket attachments through the API: stored with their digest, served safely, refused whole when too big or mistyped. */
class AttachmentApiIntegrationTests extends IntegrationTestSupport {

	ApiClient api;
	TicketFixtures world;
	AttachmentRequests files;

	@BeforeEach
	void world() {
		api = new ApiClient(port);
		world = new TicketFixtures(jdbc, api);
		files = new AttachmentRequests(port);
	}

	@Test
	void anInternalAttachmentIsNeverListedOrHandedOutToTheCustomer() {
		long id = world.submitted("服务器日志").get("ticket").get("id").asLong();
		String agent = world.token(world.agent);
		String customer = world.token(world.bureauUser);

		var internal = files.upload(id, agent, "server.log", "ERROR disk full".getBytes(StandardCharsets.UTF_8),
				"?internal=true");
		assertThat(internal.status()).as(internal.toString()).isEqualTo(201);
		assertThat(internal.json().get("internal").asBoolean()).isTrue();
		long hidden = internal.json().get("id").asLong();
		var open = files.upload(id, agent, "guide.txt", "重启打印机".getBytes(StandardCharsets.UTF_8));
		assertThat(open.json().get("internal").asBoolean()).isFalse();
		long shown = open.json().get("id").asLong();

		assertThat(api.get("/api/v1/tickets/" + id + "/attachments", agent).json().size()).isEqualTo(2);
		assertThat(files.download(id, hidden, agent).statusCode()).isEqualTo(200);
		JsonNode forCustomer = api.get("/api/v1/tickets/" + id + "/attachments", customer).json();
		assertThat(forCustomer.valueStream().map(a -> a.get("id").asLong())).containsExactly(shown);
		assertThat(files.download(id, hidden, customer).statusCode()).isEqualTo(404);
		assertThat(files.download(id, shown, customer).statusCode()).isEqualTo(200);
		JsonNode ticket = api.get("/api/v1/tickets/" + id, customer).json();
		assertThat(ticket.get("attachments").size()).isEqualTo(1);
		assertThat(ticket.get("timeline").valueStream().filter(e -> e.get("kind").asString().equals("ATTACHMENT")))
			.hasSize(1);
		assertThat(api.get("/api/v1/tickets/" + id, agent).json().get("timeline").valueStream()
			.filter(e -> e.get("kind").asString().equals("ATTACHMENT"))).hasSize(2);

		var refused = files.upload(id, customer, "mine.txt", "x".getBytes(StandardCharsets.UTF_8), "?internal=true");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(api.get("/api/v1/tickets/" + id + "/attachments", agent).json().size()).isEqualTo(2);

		WebSession portal = new WebSession(port);
		portal.signIn(world.bureauUser, TestDirectory.PASSWORD, null);
		assertThat(portal.get("/portal/tickets/" + id).body()).contains("guide.txt").doesNotContain("server.log");
		assertThat(portal.download("/tickets/" + id + "/attachments/" + hidden).status()).isEqualTo(404);
		WebSession workspace = new WebSession(port);
		workspace.signIn(world.agent, TestDirectory.PASSWORD, null);
		assertThat(workspace.get("/tickets/" + id + "?tab=attachments").body()).contains("server.log",
				"id=\"internal-" + hidden + "\"").doesNotContain("id=\"internal-" + shown + "\"");
	}

	@Test
	void theCustomerAttachesAFileThatIsStoredWithItsDigestAndServedAsADownload() {
		long id = world.submitted("打印机卡纸").get("ticket").get("id").asLong();
		String customer = world.token(world.bureauUser);
		byte[] png = AttachmentRequests.png();

		var uploaded = files.upload(id, customer, "C:\\Users\\张三\\截图 1.png", png);
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
		JsonNode attachment = uploaded.json();
		assertThat(attachment.get("filename").asString()).isEqualTo("截图 1.png");
		assertThat(attachment.get("contentType").asString()).isEqualTo("image/png");
		assertThat(attachment.get("sizeBytes").asLong()).isEqualTo(png.length);
		assertThat(attachment.get("sha256").asString()).isEqualTo(AttachmentUploads.sha256(png));

		JsonNode listed = api.get("/api/v1/tickets/" + id + "/attachments", world.token(world.agent)).json();
		assertThat(listed.size()).isEqualTo(1);
		HttpResponse<byte[]> download = files.download(id, attachment.get("id").asLong(), world.token(world.agent));
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(png);
		assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;")
			.contains("filename*=UTF-8''%E6%88%AA%E5%9B%BE%201.png");
		assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(download.headers().firstValue("Content-Type")).contains("image/png");

		JsonNode ticket = api.get("/api/v1/tickets/" + id, customer).json();
		assertThat(ticket.get("attachments").size()).isEqualTo(1);
		assertThat(ticket.get("timeline").valueStream().map(e -> e.get("kind").asString()))
			.contains("ATTACHMENT");
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'TICKET_ATTACHMENT_ADDED' and object_id = ?")
			.param(String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void anOversizedFileIsRefusedWithA413AndNothingIsStored() {
		long id = world.submitted("日志太大").get("ticket").get("id").asLong();
		byte[] tooBig = new byte[(int) (10L * 1024 * 1024) + 1];
		Arrays.fill(tooBig, (byte) 'x');

		var refused = files.upload(id, world.token(world.agent), "trace.log", tooBig);

		assertThat(refused.status()).isEqualTo(413);
		assertThat(refused.json().get("type").asString()).isEqualTo("urn:yunwei:problem:attachment-too-large");
		assertThat(refused.json().get("detail").asString()).contains("10 MB");
		assertThat(refused.json().get("errors").has("file")).isTrue();
		assertNothingStored(id);
	}

	@Test
	void aRefusedTypeADisguisedFileAndAMissingFileAreRefusedAndNothingIsStored() {
		long id = world.submitted("可疑附件").get("ticket").get("id").asLong();
		String customer = world.token(world.bureauUser);

		var executable = files.upload(id, customer, "setup.exe", "MZ...".getBytes(StandardCharsets.US_ASCII));
		assertThat(executable.status()).isEqualTo(400);
		assertThat(executable.json().get("type").asString()).isEqualTo("urn:yunwei:problem:attachment-type");
		assertThat(executable.json().get("detail").asString()).contains(".exe", "png");
		assertThat(executable.json().get("errors").get("file").asString()).isNotBlank();

		var disguised = files.upload(id, customer, "photo.png",
				"<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
		assertThat(disguised.status()).isEqualTo(400);
		assertThat(disguised.json().get("errors").has("file")).isTrue();

		var empty = files.upload(id, customer, "empty.txt", new byte[0]);
		assertThat(empty.status()).isEqualTo(400);

		var none = api.post("/api/v1/tickets/" + id + "/attachments", customer, java.util.Map.of());
		assertThat(none.status()).isIn(400, 415);
		assertNothingStored(id);
	}

	@Test
	void whoeverDoesNotSeeTheTicketNeitherSeesNorAddsItsFiles() {
		long id = world.submitted("办公室专用").get("ticket").get("id").asLong();
		long attachment = files.upload(id, world.token(world.bureauUser), "a.txt",
				"内容".getBytes(StandardCharsets.UTF_8)).json().get("id").asLong();
		String department = world.token(world.departmentUser);

		assertThat(api.get("/api/v1/tickets/" + id + "/attachments", department).status()).isEqualTo(404);
		assertThat(files.download(id, attachment, department).statusCode()).isEqualTo(404);
		assertThat(files.upload(id, department, "b.txt", "x".getBytes(StandardCharsets.UTF_8)).status())
			.isEqualTo(404);
		assertThat(attachments(id)).isEqualTo(1);
	}

	private void assertNothingStored(long id) {
		assertThat(attachments(id)).isZero();
		assertThat(jdbc.sql("select count(*) from ticket_entry where ticket_id = ? and kind = 'ATTACHMENT'").param(id)
			.query(Long.class).single()).isZero();
	}

	private long attachments(long id) {
		return jdbc.sql("select count(*) from ticket_attachment where ticket_id = ?").param(id).query(Long.class)
			.single();
	}
}
