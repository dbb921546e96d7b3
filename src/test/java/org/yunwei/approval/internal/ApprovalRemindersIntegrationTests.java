package org.yunwei.approval.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yunwei.approval.internal.ApprovalWorld.person;
import static org.yunwei.approval.internal.ApprovalWorld.subject;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.yunwei.approval.ApprovalOutcome;
import org.yunwei.sla.BusinessCalendar;
import org.yunwei.support.IntegrationTestSupport;

/** A stage's time limit runs in business time; past it the approvers are reminded, then escalated to their lead. */
class ApprovalRemindersIntegrationTests extends IntegrationTestSupport {

	@Autowired
	ApplicationContext context;

	@Autowired
	ApprovalReminders reminders;

	@Test
	void theTimeLimitRunsInBusinessTimeOverAWeekend() {
		Instant saturday = ZonedDateTime.of(2026, 12, 5, 10, 0, 0, 0, BusinessCalendar.SHANGHAI).toInstant();
		Instant due = reminders.dueAt(saturday, 60);
		assertThat(due.atZone(BusinessCalendar.SHANGHAI).toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 7));
		Instant monday = ZonedDateTime.of(2026, 12, 7, 10, 0, 0, 0, BusinessCalendar.SHANGHAI).toInstant();
		assertThat(reminders.dueAt(monday, 60)).isEqualTo(monday.plus(Duration.ofHours(1)));
	}

	@Test
	void anOverdueStageIsRemindedOnceThenEscalatedToTheApproversLead() {
		ApprovalWorld world = new ApprovalWorld(context, jdbc);
		long lead = world.person();
		long leadUnit = world.directory.orgUnit(world.party, null, "运维中心");
		jdbc.sql("update app_user set org_unit_id = ? where id = ?").params(leadUnit, lead).update();
		jdbc.sql("""
				update org_unit set parent_id = ?, path = (select path from org_unit where id = ?) || id || '/'
				where id = ?""")
			.params(leadUnit, leadUnit, world.unit).update();
		jdbc.sql("update org_unit set lead_id = ? where id = ?").params(lead, leadUnit).update();
		long policy = world.policy(false, new PolicyStage(0, "审核", StageRule.ANY, 1, null, 60,
				List.of(person(world.first))));
		long request = world.request(policy, subject(), "v1", Map.of()).requestId();
		Timestamp due = jdbc.sql("select due_at from approval_request_stage where request_id = ?").param(request)
			.query(Timestamp.class).single();
		assertThat(due).isNotNull();

		Instant started = ZonedDateTime.of(2026, 12, 7, 9, 0, 0, 0, BusinessCalendar.SHANGHAI).toInstant();
		jdbc.sql("update approval_request_stage set started_at = ?, due_at = ? where request_id = ?")
			.params(Timestamp.from(started), Timestamp.from(started.plus(Duration.ofHours(1))), request).update();

		Instant beforeDue = started.plus(Duration.ofMinutes(30));
		reminders.remindAndEscalate(beforeDue);
		assertThat(notices(world.first, "approval.reminder")).isZero();

		Instant afterDue = started.plus(Duration.ofMinutes(70));
		reminders.remindAndEscalate(afterDue);
		reminders.remindAndEscalate(afterDue);
		assertThat(notices(world.first, "approval.reminder")).isEqualTo(1);
		assertThat(notices(lead, "approval.escalated")).isZero();

		Instant twiceOver = started.plus(Duration.ofMinutes(125));
		reminders.remindAndEscalate(twiceOver);
		assertThat(notices(lead, "approval.escalated")).isEqualTo(1);
		assertThat(world.approve(lead, request).outcome()).isEqualTo(ApprovalOutcome.GRANTED);
	}

	private long notices(long userId, String topic) {
		return jdbc.sql("select count(*) from notification where user_id = ? and topic = ?").params(userId, topic)
			.query(Long.class).single();
	}
}
