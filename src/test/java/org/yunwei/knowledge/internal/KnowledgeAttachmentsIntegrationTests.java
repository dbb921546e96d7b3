package org.yunwei.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;

/**
 * Files on articles under the uploads rules: refused files (type, content that is not what the name says, empty, too
 * large) change nothing and name the field; internal files stay with the article's party's staff and supervision and
 * each of their downloads is audited; public ones go to every reader of the article; an article in review takes none.
 */
class KnowledgeAttachmentsIntegrationTests extends IntegrationTestSupport {

	private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);

	KnowledgeWorld world;

	@BeforeEach
	void world() {
		world = new KnowledgeWorld(jdbc, port);
	}

	private long files(long articleId) {
		return jdbc.sql("select count(*) from knowledge_attachment where article_id = ?").param(articleId)
			.query(Long.class).single();
	}

	private WebSession signedIn(String username) {
		WebSession session = new WebSession(port);
		session.signIn(username, TestDirectory.PASSWORD, null);
		return session;
	}

	@Test
	void refusedFilesNameTheFieldAndStoreNothing() {
		String token = world.token(world.author);
		long id = world.create(token, "交换机配置手册", "见附件", "CUSTOMER");
		String path = "/api/v1/knowledge/articles/" + id + "/attachments";
		var script = world.api.postFile(path, token, "setup.sh", "text/plain", "rm -rf /".getBytes());
		assertThat(script.status()).isEqualTo(400);
		assertThat(script.body()).contains("attachment-type").contains("file");
		var disguised = world.api.postFile(path, token, "手册.pdf", "application/pdf",
				"<html><script>alert(1)</script></html>".getBytes());
		assertThat(disguised.status()).isEqualTo(400);
		assertThat(disguised.body()).contains("file");
		var empty = world.api.postFile(path, token, "空.txt", "text/plain", new byte[0]);
		assertThat(empty.status()).isEqualTo(400);
		var large = world.api.postFile(path, token, "大.txt", "text/plain",
				new byte[(int) ArticleAttachments.MAX_BYTES + 1]);
		assertThat(large.status()).isEqualTo(413);
		assertThat(files(id)).isZero();
		// a customer may not attach, whatever the file
		assertThat(world.api.postFile(path, world.token(world.customer), "a.pdf", "application/pdf", PDF).status())
			.isEqualTo(403);
		assertThat(files(id)).isZero();
	}

	@Test
	void internalFilesStayWithStaffAndTheirDownloadsAreAudited() {
		String token = world.token(world.author);
		long id = world.create(token, "打印机驱动安装说明", "下载驱动并安装", "CUSTOMER");
		String path = "/api/v1/knowledge/articles/" + id + "/attachments";
		var manual = world.api.postFile(path, token, "C:\\temp\\驱动手册.pdf", "application/octet-stream", PDF);
		assertThat(manual.status()).as(manual.toString()).isEqualTo(201);
		assertThat(manual.json().get("filename").asText()).isEqualTo("驱动手册.pdf");
		assertThat(manual.json().get("contentType").asText()).isEqualTo("application/pdf");
		long publicFile = manual.json().get("id").asLong();
		var wiring = world.api.postFile(path + "?internal=true", token, "机房接线.txt", "text/plain",
				"端口 1-24 接核心交换机".getBytes(StandardCharsets.UTF_8));
		assertThat(wiring.status()).isEqualTo(201);
		long internalFile = wiring.json().get("id").asLong();
		assertThat(world.audits("KNOWLEDGE_ATTACHMENT_ADDED", id)).isEqualTo(2);

		// published for customers: the customer sees the public file, not the internal one
		KnowledgeFixtures.publish(jdbc, id);
		String customer = world.token(world.customer);
		var listed = world.api.get(path, customer);
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.body()).contains("驱动手册.pdf").doesNotContain("机房接线");
		assertThat(world.api.get(path + "/" + internalFile, customer).status()).isEqualTo(404);
		WebSession customerPage = signedIn(world.customer);
		assertThat(customerPage.get("/knowledge/" + id).body()).contains("驱动手册.pdf").doesNotContain("机房接线")
			.doesNotContain("attachment-form");
		var download = customerPage.download("/knowledge/" + id + "/attachments/" + publicFile);
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(PDF);
		assertThat(world.audits("KNOWLEDGE_INTERNAL_FILE_DOWNLOADED", id)).isZero();

		// the author's side reads the internal file, and that read is audited
		var internal = world.api.get(path + "/" + internalFile, token);
		assertThat(internal.status()).isEqualTo(200);
		assertThat(internal.body()).contains("核心交换机");
		assertThat(world.audits("KNOWLEDGE_INTERNAL_FILE_DOWNLOADED", id)).isEqualTo(1);
		WebSession author = signedIn(world.author);
		assertThat(author.get("/knowledge/" + id).body()).contains("机房接线.txt").contains("attachment-form");

		// removing is the authors' and audited
		assertThat(world.api.delete(path + "/" + publicFile, customer).status()).isEqualTo(403);
		assertThat(world.api.delete(path + "/" + publicFile, token).status()).isEqualTo(204);
		assertThat(world.audits("KNOWLEDGE_ATTACHMENT_REMOVED", id)).isEqualTo(1);
		assertThat(files(id)).isEqualTo(1);
	}

	@Test
	void anArticleInReviewTakesNoFiles() {
		String token = world.token(world.author);
		long id = world.create(token, "VPN 连接超时的处理", "检查网络", "INTERNAL");
		world.submit(token, id);
		var refused = world.api.postFile("/api/v1/knowledge/articles/" + id + "/attachments", token, "a.pdf",
				"application/pdf", PDF);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(files(id)).isZero();
	}
}
