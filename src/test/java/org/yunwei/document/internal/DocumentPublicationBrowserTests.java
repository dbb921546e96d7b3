package org.yunwei.document.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.yunwei.approval.internal.PolicyAdministration;
import org.yunwei.approval.internal.PolicyDraft;
import org.yunwei.approval.internal.PolicyStage;
import org.yunwei.approval.internal.StageApprover;
import org.yunwei.approval.internal.StageRule;
import org.yunwei.identity.internal.SignedIn;
import org.yunwei.support.BrowserTestSupport;
import org.yunwei.support.TestDirectory;

/**
 * A keeper writes a policy and submits its version; two approvers decide in their inboxes, one stage each; the
 * version is published and the person asked to read it confirms.
 */
class DocumentPublicationBrowserTests extends BrowserTestSupport {

	@Autowired
	ApplicationContext context;

	@Test
	void aVersionIsApprovedInTwoStagesPublishedAndAcknowledged() throws IOException {
		DocumentWorld world = new DocumentWorld(jdbc, port);
		String first = world.directory.user(world.desk);
		String second = world.directory.user(world.desk);
		long policy = twoStagePolicy(world, world.directory.userId(first), world.directory.userId(second));
		String category = TestDirectory.unique("值班管理制度");
		long management = jdbc.sql("select o.id from org_unit o join party p on p.id = o.party_id"
				+ " where p.kind = 'MANAGEMENT' order by o.id limit 1").query(Long.class).single();
		String manager = world.token(world.directory.user(management, "SERVICE_MANAGER"));
		var added = world.api.post("/api/v1/document-categories", manager,
				Map.of("name", category, "approvalPolicyId", policy));
		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		long categoryId = added.json().get("id").asLong();
		Path pdf = Files.createTempFile("值班制度", ".pdf");
		Files.write(pdf, OfficeFiles.pdf("值班"));

		signIn(world.keeper, TestDirectory.PASSWORD, null);
		open("/documents/new");
		new Select(find("#categoryId")).selectByValue(Long.toString(categoryId));
		type("#title", "服务台值班管理制度");
		clickAndWaitForTheNextPage("#document-save");
		assertThat(browser.findElements(By.id("document-title"))).as(() -> browser.getCurrentUrl() + "\n"
				+ browser.findElement(By.tagName("body")).getText()).isNotEmpty();
		assertThat(find("#document-title").getText()).isEqualTo("服务台值班管理制度");
		assertThat(find("#current-none").isDisplayed()).isTrue();
		find("#file").sendKeys(pdf.toAbsolutePath().toString());
		type("#changeNote", "首次发布");
		clickAndWaitForTheNextPage("#version-save");
		assertThat(find("#version-1-status").getText()).isEqualTo("草稿");
		click("#readers-1");
		new Select(find("#reader-users-1")).selectByValue(Long.toString(world.directory.userId(world.agent)));
		clickAndWaitForTheNextPage("#readers-save-1");
		clickAndWaitForTheNextPage("#submit-1");
		assertThat(find("#version-1-status").getText()).isEqualTo("审批中");
		long documentId = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/documents/(\\d+).*", "$1"));

		approveInInbox(first);
		approveInInbox(second);

		browser.manage().deleteAllCookies();
		signIn(world.agent, TestDirectory.PASSWORD, null);
		// the grant reaches the library after the approval's commit, as an event
		waitFor().until(d -> {
			open("/documents/" + documentId);
			return !d.findElements(By.id("current-open")).isEmpty();
		});
		assertThat(find("#current-open").getText()).startsWith("v1");
		open("/");
		assertThat(find("#to-read").getText()).contains("服务台值班管理制度");
		open("/documents/" + documentId);
		clickAndWaitForTheNextPage("#acknowledge");
		assertThat(find("#acknowledged").isDisplayed()).isTrue();
		assertThat(jdbc.sql("""
				select count(*) from document_acknowledgement a join document_version v on v.id = a.version_id
				where v.document_id = ? and a.acknowledged_at is not null""").param(documentId).query(Long.class)
			.single()).isEqualTo(1);

		browser.manage().deleteAllCookies();
		signIn(world.keeper, TestDirectory.PASSWORD, null);
		open("/documents/" + documentId);
		clickAndWaitForTheNextPage("#acknowledgements");
		assertThat(find("#ack-counts").getText()).isEqualTo("已确认 1 人，共要求 1 人。");
	}

	private void approveInInbox(String approver) {
		browser.manage().deleteAllCookies();
		signIn(approver, TestDirectory.PASSWORD, null);
		open("/approvals");
		assertThat(find("#inbox-table").getText()).contains("服务台值班管理制度");
		clickAndWaitForTheNextPage("#inbox-table a[id^=open-]");
		clickAndWaitForTheNextPage("#approve");
	}

	private long twoStagePolicy(DocumentWorld world, long first, long second) {
		long keeper = world.directory.userId(world.directory.user(world.desk, "APPROVAL_POLICY_ADMIN"));
		try (SignedIn signedIn = SignedIn.as(context, keeper)) {
			return context.getBean(PolicyAdministration.class).create(new PolicyDraft(
					TestDirectory.unique("制度发布审批"), "", false, List.of(
							new PolicyStage(0, "部门审核", StageRule.ANY, 1, null, null,
									List.of(StageApprover.person(first))),
							new PolicyStage(0, "分管领导审批", StageRule.ANY, 1, null, null,
									List.of(StageApprover.person(second))))));
		}
	}
}
