package org.yunwei.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.yunwei.support.BrowserTestSupport;
import org.yunwei.support.TestDirectory;

/**
 * An author writes an article with its preview, saves and submits it; the unit's lead approves it in the inbox; the
 * article is published and a customer finds it. A revision approved in turn shows in the versions and their diff.
 */
class KnowledgeAuthoringBrowserTests extends BrowserTestSupport {

	@Test
	void anAuthorWritesAndSubmitsAndAnApproverPublishes() {
		KnowledgeWorld world = new KnowledgeWorld(jdbc, port);
		String title = "蓝屏后无法开机的处理" + TestDirectory.unique("");

		signIn(world.author, TestDirectory.PASSWORD, null);
		open("/knowledge");
		clickAndWaitForTheNextPage("#knowledge-new");
		type("#title", title);
		type("#category", "终端");
		type("#tags", "蓝屏, 开机");
		type("#body", "## 步骤\n\n1. 进入安全模式\n2. 卸载最近的驱动");
		waitFor().until(d -> !d.findElements(By.cssSelector("#body-preview h2")).isEmpty());
		assertThat(find("#body-preview h2").getText()).isEqualTo("步骤");
		click("#visibility-CUSTOMER");
		clickAndWaitForTheNextPage("#article-save");
		assertThat(find("#article-title").getText()).isEqualTo(title);
		assertThat(find("#article-status").getText()).isEqualTo("草稿");
		long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/knowledge/(\\d+).*", "$1"));
		clickAndWaitForTheNextPage("#article-submit");
		assertThat(find("#article-status").getText()).isEqualTo("审核中");

		browser.manage().deleteAllCookies();
		signIn(world.lead, TestDirectory.PASSWORD, null);
		open("/approvals");
		assertThat(find("#inbox-table").getText()).contains(title);
		clickAndWaitForTheNextPage("#inbox-table a[id^=open-]");
		clickAndWaitForTheNextPage("#approve");

		browser.manage().deleteAllCookies();
		signIn(world.author, TestDirectory.PASSWORD, null);
		// the grant reaches the knowledge base after the approval's commit, as an event
		waitFor().until(d -> {
			open("/knowledge/" + id);
			return "已发布".equals(d.findElement(By.id("article-status")).getText());
		});
		assertThat(find("#article-retire").isDisplayed()).isTrue();

		// a revision: edit, submit, approved through the API this time; then the versions and their diff
		clickAndWaitForTheNextPage("#article-edit");
		type("#body", "## 步骤\n\n1. 进入安全模式\n2. 卸载最近的驱动\n3. 检查内存");
		clickAndWaitForTheNextPage("#article-save");
		assertThat(find("#article-pending").isDisplayed()).isTrue();
		clickAndWaitForTheNextPage("#article-submit");
		long request = jdbc.sql("""
				select v.approval_request_id from knowledge_article a join knowledge_article_version v
				    on v.id = a.pending_version_id where a.id = ?""").param(id).query(Long.class).single();
		var decided = world.api.post("/api/v1/approvals/" + request + "/decisions", world.token(world.lead),
				Map.of("decision", "APPROVE"));
		assertThat(decided.status()).as(decided.toString()).isLessThan(300);
		waitFor().until(d -> {
			open("/knowledge/" + id + "/versions");
			return "已发布".equals(d.findElement(By.id("version-2-status")).getText());
		});
		assertThat(find("#version-1-status").getText()).isEqualTo("已被新版本取代");
		clickAndWaitForTheNextPage("#diff-show");
		assertThat(find("#diff-lines .yw-diff-added").getText()).contains("3. 检查内存");

		browser.manage().deleteAllCookies();
		signIn(world.customer, TestDirectory.PASSWORD, null);
		waitFor().until(d -> {
			open("/knowledge?q=" + java.net.URLEncoder.encode("蓝屏 开机", java.nio.charset.StandardCharsets.UTF_8));
			return !d.findElements(By.id("knowledge-hit-" + id)).isEmpty();
		});
		clickAndWaitForTheNextPage("#knowledge-hit-" + id);
		assertThat(find("#article-body").getText()).contains("检查内存");
		assertThat(browser.findElements(By.id("article-actions"))).isEmpty();
	}
}
