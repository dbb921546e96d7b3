package org.yunwei.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.knowledge.internal.search.IndexFollower;
import org.yunwei.knowledge.internal.search.KnowledgeChangeLog;
import org.yunwei.support.BrowserTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.ticket.internal.TicketFixtures;

/**
 * An agent records a ticket: the subject typed suggests an article; on the ticket's page the agent links it and marks
 * that it solved the problem, which the article's usage counts then show.
 */
class KnowledgeOnTicketsBrowserTests extends BrowserTestSupport {

	@Autowired
	KnowledgeChangeLog changes;

	@Autowired
	IndexFollower follower;

	@Test
	void anAgentWritesATicketSeesASuggestedArticleLinksItAndMarksItSolved() {
		TicketFixtures world = new TicketFixtures(jdbc, api());
		long article = KnowledgeFixtures.published(jdbc, world.providerParty, world.providerUnit,
				world.userId(world.agent), "碎纸机过热停机的处理方法", "## 步骤\n\n1. 断电冷却三十分钟\n2. 清理碎纸屑",
				"INTERNAL");
		changes.record(article);
		follower.catchUp();

		signIn(world.agent, TestDirectory.PASSWORD, null);
		open("/tickets/new");
		find("#suggestions-start");
		click("#type-INCIDENT");
		new Select(find("#customerOrgUnitId")).selectByValue(Long.toString(world.bureau));
		type("#reporterName", "李四");
		new Select(find("#serviceId")).selectByValue(Long.toString(world.service));
		type("#subject", "碎纸机过热停机");
		assertThat(find("#suggested-article-" + article).getText()).isEqualTo("碎纸机过热停机的处理方法");
		type("#description", "三楼碎纸机工作十分钟后自动停机");
		clickAndWaitForTheNextPage("#ticket-submit");
		assertThat(find("#ticket-subject").getText()).isEqualTo("碎纸机过热停机");
		long ticket = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/tickets/(\\d+).*", "$1"));

		click("#link-" + article);
		assertThat(find("#linked-" + article + "-state").getText()).isEqualTo("待确认是否解决");
		click("#solved-" + article);
		// the box is swapped by htmx: an element read as it is replaced is asked for again
		waitFor().ignoring(StaleElementReferenceException.class)
			.until(d -> "解决了问题".equals(d.findElement(By.id("linked-" + article + "-state")).getText()));
		assertThat(jdbc.sql("select solved from knowledge_ticket_link where ticket_id = ? and article_id = ?")
			.params(ticket, article).query(Boolean.class).single()).isTrue();

		open("/knowledge/" + article);
		assertThat(find("#article-usage").getText()).isEqualTo("关联工单 1 次，其中解决问题 1 次、未解决 0 次");
	}
}
