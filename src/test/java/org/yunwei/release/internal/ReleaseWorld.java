package org.yunwei.release.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunwei.support.Accounts;
import org.yunwei.support.ApiClient;
import org.yunwei.support.TestDirectory;

import tools.jackson.databind.JsonNode;

/**
 * A small world for release tests, with unique names (the change tests' world): a provider whose desk manager raises
 * changes and plans releases, whose agent owns plan steps and whose unit lead approves both (the built-in policy's one
 * stage); a customer bureau the provider serves through a catalogue service, with its items; a second provider and a
 * customer it does not serve.
 */
final class ReleaseWorld {

	final JdbcClient jdbc;
	final ApiClient api;
	final TestDirectory directory;
	final long providerParty;
	final long providerUnit;
	final long bureau;
	final long otherCustomerUnit;
	final String manager;
	final String agent;
	final String approver;
	final String bureauUser;
	final String otherCustomerUser;
	final String otherManager;
	final String supervisor;
	/** Management's service level manager, who declares freeze windows. */
	final String serviceManager;
	private final Map<String, String> tokens = new LinkedHashMap<>();

	ReleaseWorld(JdbcClient jdbc, ApiClient api) {
		this.jdbc = jdbc;
		this.api = api;
		directory = new TestDirectory(jdbc);
		providerParty = directory.party("PROVIDER", TestDirectory.unique("运维服务商"));
		providerUnit = directory.orgUnit(providerParty, null, "运维部");
		long customerParty = directory.party("CUSTOMER", TestDirectory.unique("市数据局"));
		bureau = directory.orgUnit(customerParty, null, "局机关");
		long otherCustomer = directory.party("CUSTOMER", TestDirectory.unique("市教育局"));
		otherCustomerUnit = directory.orgUnit(otherCustomer, null, "办公室");
		long otherProvider = directory.party("PROVIDER", TestDirectory.unique("另一服务商"));
		long otherProviderUnit = directory.orgUnit(otherProvider, null, "运维部");
		manager = directory.user(providerUnit, "SERVICE_DESK_MANAGER");
		agent = directory.user(providerUnit, "SERVICE_DESK_AGENT");
		approver = directory.user(providerUnit);
		jdbc.sql("update org_unit set lead_id = ? where id = ?").params(directory.userId(approver), providerUnit)
			.update();
		otherManager = directory.user(otherProviderUnit, "SERVICE_DESK_MANAGER");
		bureauUser = directory.user(bureau);
		otherCustomerUser = directory.user(otherCustomerUnit);
		supervisor = directory.user(directory.orgUnit(directory.party("SUPERVISION", TestDirectory.unique("监理")),
				null, "监理组"), "SUPERVISOR");
		serviceManager = directory.user(managementUnit(), "SERVICE_MANAGER");
		serve(providerUnit, bureau);
		serve(otherProviderUnit, otherCustomerUnit);
	}

	private long managementUnit() {
		return jdbc.sql("""
				select o.id from org_unit o join party p on p.id = o.party_id where p.kind = 'MANAGEMENT'
				order by o.id limit 1""")
			.query(Long.class).optional()
			.orElseGet(() -> directory.orgUnit(directory.party("MANAGEMENT", "管理方"), null, "管理处"));
	}

	String token(String username) {
		return tokens.computeIfAbsent(username, u -> Accounts.tokenFor(api, u, TestDirectory.PASSWORD, null));
	}

	/** Records an item of the bureau as the provider's desk manager and answers its id. */
	long item(String classCode, String name, Map<String, Object> attributes) {
		long classId = jdbc.sql("select id from ci_class where code = ?").param(classCode).query(Long.class).single();
		var response = api.post("/api/v1/cis", token(manager), Map.of("classId", classId, "name", name, "lifecycle",
				"IN_USE", "customerUnitId", bureau, "attributes", attributes));
		if (response.status() != 201) {
			throw new AssertionError(response);
		}
		return response.json().get("id").asLong();
	}

	void relate(long source, long target, String type) {
		var response = api.post("/api/v1/cis/" + source + "/relations", token(manager),
				Map.of("targetId", target, "type", type, "reason", "测试关系"));
		if (response.status() != 201) {
			throw new AssertionError(response);
		}
	}

	/** A complete normal change on the items, planned for a day in the future, with one step owned by the agent. */
	Map<String, Object> change(String title, List<Long> items) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", title);
		body.put("necessity", "系统版本存在安全漏洞，需要升级");
		body.put("reason", "厂商发布安全补丁");
		body.put("category", "NORMAL");
		body.put("type", "APPLICATION");
		body.put("ciIds", items);
		body.put("steps", List.of(Map.of("description", "备份数据库并停止应用", "ownerId", directory.userId(agent)),
				Map.of("description", "部署新版本并验证", "ownerId", directory.userId(agent))));
		body.put("rollbackPlan", "恢复备份并重新部署旧版本");
		body.put("plannedStart", "2099-03-01T14:00:00Z");
		body.put("plannedEnd", "2099-03-01T16:00:00Z");
		return body;
	}

	/** A change on the items, submitted and approved by the unit lead; answers its id once approved. */
	long approvedChange(String title, List<Long> items) {
		long id = create(change(title, items)).get("id").asLong();
		long request = api.post("/api/v1/changes/" + id + "/submit", token(manager), null).json()
			.get("approvalRequestId").asLong();
		decide(request);
		// the change module hears the decision after the approval's commit
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
			.until(() -> jdbc.sql("select status from change_request where id = ?").param(id).query(String.class)
				.single(), "APPROVED"::equals);
		return id;
	}

	/** The unit lead approves an approval request. */
	void decide(long request) {
		var response = api.post("/api/v1/approvals/" + request + "/decisions", token(approver),
				Map.of("decision", "APPROVE"));
		if (response.status() != 201) {
			throw new AssertionError(response);
		}
	}

	/** A complete minor release of the items and changes, planned for a day in the future. */
	Map<String, Object> release(String title, List<Long> items, List<Long> changes) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", title);
		body.put("type", "MINOR");
		body.put("releaseVersion", "V2.4.0");
		body.put("ciIds", items);
		body.put("changeIds", changes);
		body.put("plan", "周六 22:00 停机部署，灰度验证后全量开放");
		body.put("plannedAt", "2099-03-02T14:00:00Z");
		body.put("knownErrors", "IE11 下打印预览错位");
		return body;
	}

	JsonNode createRelease(Map<String, Object> body) {
		var response = api.post("/api/v1/releases", token(manager), body);
		if (response.status() != 201) {
			throw new AssertionError(response);
		}
		return response.json();
	}

	String releaseStatus(long releaseId) {
		return jdbc.sql("select status from release_record where id = ?").param(releaseId).query(String.class)
			.single();
	}

	int releaseAudits(String action, long releaseId) {
		return jdbc.sql("""
				select count(*) from audit_record where action = ? and object_type = 'release' and object_id = ?""")
			.params(action, String.valueOf(releaseId)).query(Integer.class).single();
	}

	JsonNode create(Map<String, Object> body) {
		var response = api.post("/api/v1/changes", token(manager), body);
		if (response.status() != 201) {
			throw new AssertionError(response);
		}
		return response.json();
	}

	String status(long changeId) {
		return jdbc.sql("select status from change_request where id = ?").param(changeId).query(String.class)
			.single();
	}

	int audits(String action, long changeId) {
		return jdbc.sql("""
				select count(*) from audit_record where action = ? and object_type = 'change' and object_id = ?""")
			.params(action, String.valueOf(changeId)).query(Integer.class).single();
	}

	private void serve(long providerUnitId, long customerUnitId) {
		long category = jdbc.sql("insert into catalog_category (code, name, path) values (?, ?, '/') returning id")
			.params(TestDirectory.unique("C"), TestDirectory.unique("类别")).query(Long.class).single();
		jdbc.sql("update catalog_category set path = '/' || id || '/' where id = ?").param(category).update();
		long service = jdbc.sql("""
				insert into catalog_service (category_id, code, name, provider_org_unit_id) values (?, ?, ?, ?)
				returning id""")
			.params(category, TestDirectory.unique("S"), TestDirectory.unique("应用运维"), providerUnitId)
			.query(Long.class).single();
		jdbc.sql("insert into catalog_service_customer (service_id, org_unit_id) values (?, ?)")
			.params(service, customerUnitId).update();
	}
}
