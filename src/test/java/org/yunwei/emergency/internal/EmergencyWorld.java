package org.yunwei.emergency.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunwei.support.ApiClient;
import org.yunwei.support.TestDirectory;
import org.yunwei.ticket.internal.TicketFixtures;

/**
 * A provider's service desk that responds to emergencies (its manager writes plans and responds, an agent responds
 * and fills the plan's duty-officer role, backed up by a post whose holder is absent so that its backup acts), the
 * unit's lead who approves plans (the default policy's one stage), a customer's incident, and the calls the
 * emergency tests make.
 */
final class EmergencyWorld {

	final TicketFixtures fixtures;
	final JdbcClient jdbc;
	final ApiClient api;
	final TestDirectory directory;
	final String manager;
	final String agent;
	final String approver;
	final String backup;
	final long backupPost;

	EmergencyWorld(JdbcClient jdbc, ApiClient api) {
		this.jdbc = jdbc;
		this.api = api;
		this.fixtures = new TicketFixtures(jdbc, api);
		this.directory = fixtures.directory;
		manager = fixtures.lead;
		agent = fixtures.agent;
		approver = directory.user(fixtures.providerUnit);
		jdbc.sql("update org_unit set lead_id = ? where id = ?").params(directory.userId(approver),
				fixtures.providerUnit).update();
		String holder = directory.user(fixtures.providerUnit);
		backup = directory.user(fixtures.providerUnit);
		backupPost = jdbc.sql("""
				insert into post (org_unit_id, name, responsibilities, holder_id, backup_id)
				values (?, ?, '应急值班', ?, ?) returning id""")
			.params(fixtures.providerUnit, TestDirectory.unique("应急值班岗"), directory.userId(holder),
					directory.userId(backup))
			.query(Long.class).single();
		jdbc.sql("""
				insert into post_absence (post_id, holder_id, absent_from, absent_until, reason, recorded_by)
				values (?, ?, now() - interval '1 day', now() + interval '1 day', '休假', ?)""")
			.params(backupPost, directory.userId(holder), directory.userId(manager)).update();
	}

	String token(String username) {
		return fixtures.token(username);
	}

	long id(String username) {
		return directory.userId(username);
	}

	Map<String, Object> plan(String title) {
		Map<String, Object> plan = new LinkedHashMap<>();
		plan.put("title", title);
		plan.put("scenario", "核心交换机故障");
		plan.put("applicationSystem", "政务外网");
		plan.put("site", "市政务云机房");
		plan.put("reviewDate", "2099-01-01");
		plan.put("levels", List.of(Map.of("level", "MAJOR", "criteria", "全市政务外网中断超过 1 小时"),
				Map.of("level", "GENERAL", "criteria", "单个委办局网络中断")));
		plan.put("roles", List.of(Map.of("role", "应急值班员", "personId", id(agent), "backupPostId", backupPost,
				"contact", "13800138000")));
		plan.put("steps", List.of(
				Map.of("phase", "DISPATCH", "title", "通知网络组到场", "ownerRole", "应急值班员", "limitMinutes", 15),
				Map.of("phase", "DIAGNOSIS", "title", "定位故障设备", "ownerRole", "网络工程师", "limitMinutes", 30),
				Map.of("phase", "RECOVERY", "title", "切换备用链路", "ownerRole", "网络工程师", "limitMinutes", 60,
						"message", "各单位：政务外网已切换至备用链路，业务逐步恢复。")));
		return plan;
	}

	long createPlan(String title) {
		var created = api.post("/api/v1/emergency-plans", token(manager), plan(title));
		if (created.status() != 201) {
			throw new IllegalStateException(created.toString());
		}
		return created.json().get("id").asLong();
	}

	/** Submits the draft; the approval request's id. */
	long submit(long planId) {
		var submitted = api.post("/api/v1/emergency-plans/" + planId + "/submit", token(manager), null);
		if (submitted.status() != 200) {
			throw new IllegalStateException(submitted.toString());
		}
		return submitted.json().get("requestId").asLong();
	}

	/** A plan in force: written, submitted and granted as the approval module's decision would grant it. */
	long approvedPlan(EmergencyPlanApproval approval, String title) {
		long id = createPlan(title);
		submit(id);
		var pending = jdbc.sql("""
				select v.id, v.content_hash from emergency_plan p join emergency_plan_version v on v.id = p.pending_version_id
				where p.id = ?""").param(id).query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) }).single();
		approval.granted((Long) pending[0], (String) pending[1], Instant.now());
		return id;
	}

	String planStatus(long id) {
		return jdbc.sql("select status from emergency_plan where id = ?").param(id).query(String.class).single();
	}

	long audits(String action, long id) {
		return jdbc.sql("select count(*) from audit_record where action = ? and object_id = ?")
			.params(action, String.valueOf(id)).query(Long.class).single();
	}
}
