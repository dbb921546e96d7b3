package org.yunwei.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunwei.support.Accounts;
import org.yunwei.support.ApiClient;
import org.yunwei.support.TestDirectory;

/**
 * The people and organisations the catalogue tests share: a service manager of the management party, a provider's
 * unit, a customer department with two offices (and a section below the first), another customer department, and a
 * supervisor. Every name is unique, so that tests sharing one database never collide.
 */
final class CatalogTesting {

	final TestDirectory directory;
	private final JdbcClient jdbc;
	private final ApiClient api;

	final long managementUnit;
	final long providerUnit;
	final long department;
	final long office;
	final long section;
	final long otherOffice;
	final long otherDepartment;
	final long supervisionUnit;
	final String manager;

	CatalogTesting(JdbcClient jdbc, ApiClient api) {
		this.jdbc = jdbc;
		this.api = api;
		this.directory = new TestDirectory(jdbc);
		managementUnit = directory.orgUnit(directory.party("MANAGEMENT", "政务服务数据管理局"), null, "运维管理科");
		providerUnit = directory.orgUnit(directory.party("PROVIDER", "运维服务公司"), null, "驻场服务组");
		long education = directory.party("CUSTOMER", "市教育局");
		department = directory.orgUnit(education, null, "教育局");
		office = directory.orgUnit(education, department, "办公室");
		section = directory.orgUnit(education, office, "文秘科");
		otherOffice = directory.orgUnit(education, department, "信息科");
		otherDepartment = directory.orgUnit(directory.party("CUSTOMER", "市卫健委"), null, "卫健委");
		supervisionUnit = directory.orgUnit(directory.party("SUPERVISION", "监理公司"), null, "监理组");
		manager = directory.user(managementUnit, "SERVICE_MANAGER");
	}

	String tokenOf(String username) {
		return Accounts.tokenFor(api, username, TestDirectory.PASSWORD, null);
	}

	String managerToken() {
		return tokenOf(manager);
	}

	/** A token of a new user of this unit without any role. */
	String tokenIn(long orgUnitId) {
		return tokenOf(directory.user(orgUnitId));
	}

	long category(String token, Long parentId) {
		var response = api.post("/api/v1/catalog/categories", token,
				map("parentId", parentId, "code", TestDirectory.unique("CAT"), "name", TestDirectory.unique("分类")));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("id").asLong();
	}

	/** A service body with one indicator, offered to the given customer units. */
	Map<String, Object> service(long categoryId, Long... customerUnits) {
		return map("categoryId", categoryId, "code", TestDirectory.unique("SVC"), "name", TestDirectory.unique("服务"),
				"description", "办公电脑故障维修", "providerOrgUnitId", providerUnit, "objects", List.of("OFFICE_EQUIPMENT"),
				"indicators", List.of(map("name", "现场响应时间", "target", 30, "unit", "分钟", "measurement", "工作时间内")),
				"customerOrgUnitIds", List.of(customerUnits));
	}

	long createService(String token, Map<String, Object> body) {
		var response = api.post("/api/v1/catalog/services", token, body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("id").asLong();
	}

	long auditCount(String action, Object objectId) {
		return jdbc.sql("select count(*) from audit_record where action = ? and object_id = ?")
			.params(action, String.valueOf(objectId))
			.query(Long.class)
			.single();
	}

	long serviceCount() {
		return jdbc.sql("select count(*) from catalog_service").query(Long.class).single();
	}

	static Map<String, Object> map(Object... keysAndValues) {
		var map = new LinkedHashMap<String, Object>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}
}
