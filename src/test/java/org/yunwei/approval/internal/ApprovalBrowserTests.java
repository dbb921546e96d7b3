package org.yunwei.approval.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yunwei.approval.internal.ApprovalWorld.person;
import static org.yunwei.approval.internal.ApprovalWorld.stage;
import static org.yunwei.approval.internal.ApprovalWorld.subject;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.yunwei.support.BrowserTestSupport;
import org.yunwei.support.TestDirectory;

/**
 * Two approvers decide a two-stage request in their inboxes, the first on a phone; a policy keeper builds a policy
 * in the editor, is told where its condition goes wrong, and previews who would approve.
 */
class ApprovalBrowserTests extends BrowserTestSupport {

	@Autowired
	ApplicationContext context;

	private String username(long userId) {
		return jdbc.sql("select username from app_user where id = ?").param(userId).query(String.class).single();
	}

	@Test
	void twoStagesAreApprovedInTheApproversInboxes() {
		ApprovalWorld world = new ApprovalWorld(context, jdbc);
		long policy = world.policy(false, stage("部门审核", StageRule.ANY, 1, null, person(world.first)),
				stage("分管领导审批", StageRule.ANY, 1, null, person(world.second)));
		long request = world.request(policy, subject(), "v1", Map.of("risk", "HIGH")).requestId();

		browser.manage().window().setSize(new Dimension(390, 844));
		try {
			signIn(username(world.first), TestDirectory.PASSWORD, null);
			open("/");
			assertThat(find("#home-approvals").getText()).contains("1");
			open("/approvals");
			assertThat(find("#waiting-" + request).getText()).contains("测试审批 v1", "部门审核");
			clickAndWaitForTheNextPage("#open-" + request);
			clickAndWaitForTheNextPage("#reject");
			assertThat(find("#reason-error").getText()).isEqualTo("驳回或退回时必须填写理由。");
			type("#reason", "同意，注意变更窗口");
			clickAndWaitForTheNextPage("#approve");
			assertThat(find("#notice").getText()).isEqualTo("已同意。");
			assertThat(find("#stage-1").getText()).contains("已通过");
			assertThat(find("#stage-2").getText()).contains("审批中");
			assertThat(browser.findElements(By.id("decision-form"))).isEmpty();
		}
		finally {
			browser.manage().window().setSize(new Dimension(1400, 1000));
		}

		browser.manage().deleteAllCookies();
		signIn(username(world.second), TestDirectory.PASSWORD, null);
		open("/approvals");
		clickAndWaitForTheNextPage("#open-" + request);
		clickAndWaitForTheNextPage("#approve");
		assertThat(find("#request-outcome").getText()).isEqualTo("已通过");
		assertThat(find("#decisions").getText()).contains("同意，注意变更窗口");
		open("/approvals");
		assertThat(find("#inbox-empty").isDisplayed()).isTrue();
		click("#tab-decided");
		waitForPath("/approvals");
		assertThat(find("#decided-table").getText()).contains("测试审批 v1", "已通过");
	}

	@Test
	void aKeeperBuildsAPolicyIsToldWhereItsConditionIsWrongAndPreviewsIt() {
		ApprovalWorld world = new ApprovalWorld(context, jdbc);
		String name = TestDirectory.unique("重大变更审批");
		signIn(username(world.keeper), TestDirectory.PASSWORD, null);
		open("/approval-policies");
		clickAndWaitForTheNextPage("#new-policy");
		type("#name", name);
		type("#stage-name-0", "变更经理审核");
		find("#stage-person-0-" + world.first).click();
		type("#stage-condition-0", "risk = 'HIGH' and");
		clickAndWaitForTheNextPage("#save-policy");
		assertThat(find("#refusal").getText()).contains("变更经理审核", "18");
		assertThat(find("#name").getAttribute("value")).isEqualTo(name);
		find("#stage-condition-0").clear();
		type("#stage-condition-0", "risk = 'HIGH'");
		clickAndWaitForTheNextPage("#save-policy");
		assertThat(find("#notice").getText()).isEqualTo("审批流程已创建。");

		new org.openqa.selenium.support.ui.Select(find("#requesterId")).selectByValue(String.valueOf(world.requester));
		type("#facts", "risk = HIGH");
		clickAndWaitForTheNextPage("#run-preview");
		assertThat(find("#preview-stage-1").getText()).contains("变更经理审核", "测试用户");
		find("#facts").clear();
		type("#facts", "risk = LOW");
		clickAndWaitForTheNextPage("#run-preview");
		assertThat(find("#preview-stage-1").getText()).contains("已跳过");
	}

	@Test
	void theBackupSeatedAtTheStartSeesWhomTheyStandInForAndApprovesWhileTheHolderIsOnLeave() {
		ApprovalWorld world = new ApprovalWorld(context, jdbc);
		long post = jdbc.sql("""
				insert into post (org_unit_id, name, responsibilities, holder_id, backup_id)
				values (?, ?, '审批变更', ?, ?) returning id""")
			.params(world.unit, TestDirectory.unique("变更经理"), world.first, world.second)
			.query(Long.class)
			.single();
		long policy = world.policy(false, stage("变更经理审批", StageRule.ANY, 1, null, StageApprover.post(post)));
		long request = world.request(policy, subject(), "v1", Map.of()).requestId();
		// the directory changes after the stage started: another backup is named, then the holder goes on leave
		jdbc.sql("update post set backup_id = ? where id = ?").params(world.third, post).update();
		long recorder = world.person(world.directory.role("POST_ABSENCE_RECORD"));
		world.as(recorder, () -> context.getBean(org.yunwei.identity.Positions.class)
			.recordAbsence(post, java.time.Instant.now().minusSeconds(3600),
					java.time.Instant.now().plusSeconds(86400), "年休假"));
		String holderName = jdbc.sql("select display_name from app_user where id = ?").param(world.first)
			.query(String.class).single();

		signIn(username(world.second), TestDirectory.PASSWORD, null);
		open("/approvals");
		clickAndWaitForTheNextPage("#open-" + request);
		assertThat(find("#stage-1").getText()).contains("岗位备岗，" + holderName + "缺岗时代为审批",
				"审批人在本环节开始时确定");
		clickAndWaitForTheNextPage("#approve");
		assertThat(find("#request-outcome").getText()).isEqualTo("已通过");
		assertThat(find("#decisions").getText()).contains(holderName);
	}
}
