package org.yunwei.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;

/** The catalogue's pages over HTTP with a signed-in session. */
class CatalogPagesIntegrationTests extends IntegrationTestSupport {

	private CatalogTesting testing;
	private String managerToken;
	private long category;

	@BeforeEach
	void setUp() {
		testing = new CatalogTesting(jdbc, api());
		managerToken = testing.managerToken();
		category = testing.category(managerToken, null);
	}

	@Test
	void showsACustomerThePortalWithTheServicesTheirUnitMayOrderOnly() {
		var orderable = testing.service(category, testing.office);
		long id = testing.createService(managerToken, orderable);
		var meantForOthers = testing.service(category, testing.otherDepartment);
		testing.createService(managerToken, meantForOthers);

		WebSession customer = signedIn(testing.directory.user(testing.section));
		var page = customer.get("/catalog");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"service-" + id + "\"", (String) orderable.get("name"), "现场响应时间",
				"办公设备", "运维服务公司")
			.doesNotContain((String) meantForOthers.get("name"))
			.doesNotContain("id=\"new-service\"");
		assertThat(customer.get("/catalog?q=" + orderable.get("code")).body()).contains((String) orderable.get("name"));
		assertThat(customer.get("/catalog/services/new").status()).isEqualTo(403);
	}

	/**
	 * A person whose roles give no reason to read the catalogue (a provider's user without a role) is neither shown
	 * the link nor the page; a provider's agent reads the page with their own party's services.
	 */
	@Test
	void showsTheCatalogueOnlyToThoseWhoMayReadIt() {
		WebSession withoutRole = signedIn(testing.directory.user(testing.providerUnit));
		assertThat(withoutRole.get("/").body()).doesNotContain("id=\"nav-catalog\"");
		assertThat(withoutRole.get("/catalog").status()).isEqualTo(403);

		long id = testing.createService(managerToken, testing.service(category, testing.section));
		WebSession agent = signedIn(testing.directory.user(testing.providerUnit, "SERVICE_DESK_AGENT"));
		var page = agent.get("/catalog");
		assertThat(page.body()).contains("id=\"nav-catalog\"", "id=\"service-" + id + "\"");
	}

	@Test
	void tellsACustomerWithNothingToOrderWhatToDo() {
		long lonelyUnit = testing.directory.orgUnit(testing.directory.party("CUSTOMER", "市档案馆"), null, "档案馆");
		var page = signedIn(testing.directory.user(lonelyUnit)).get("/catalog");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"catalog-empty\"", "管理方");
	}

	@Test
	void keepsWhatTheManagerTypedAndShowsTheMistakesBesideTheFields() {
		WebSession session = signedIn(testing.manager);
		assertThat(session.get("/catalog/services/new?categoryId=" + category).status()).isEqualTo(200);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("categoryId", String.valueOf(category));
		form.put("code", "bad code!");
		form.put("name", "打印机维修");
		form.put("description", "激光打印机卡纸与硒鼓更换");
		form.put("providerOrgUnitId", String.valueOf(testing.providerUnit));
		form.put("indicatorName", "修复时间");
		form.put("indicatorTarget", "四小时");
		form.put("indicatorUnit", "小时");
		long before = testing.serviceCount();
		var page = session.post("/catalog/services", form);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"code-error\"", "id=\"objects-error\"", "id=\"indicators-0-target-error\"",
				"value=\"bad code!\"", "value=\"打印机维修\"", "激光打印机卡纸与硒鼓更换", "value=\"四小时\"",
				"id=\"problem\"");
		assertThat(testing.serviceCount()).isEqualTo(before);
	}

	@Test
	void letsTheManagerCreateAServiceThroughTheFormForTheCustomerToSee() {
		WebSession session = signedIn(testing.manager);
		session.get("/catalog/services/new");
		String name = TestDirectory.unique("网络故障排查");
		var form = new LinkedHashMap<String, String>();
		form.put("categoryId", String.valueOf(category));
		form.put("code", TestDirectory.unique("NET"));
		form.put("name", name);
		form.put("providerOrgUnitId", String.valueOf(testing.providerUnit));
		form.put("objects", "INFRASTRUCTURE");
		form.put("customerOrgUnitIds", String.valueOf(testing.department));
		form.put("indicatorName", "到场时间");
		form.put("indicatorTarget", "2");
		form.put("indicatorUnit", "小时");
		var saved = session.post("/catalog/services", form);
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		assertThat(saved.location()).endsWith("/catalog");
		assertThat(session.get("/catalog").body()).contains(name, "id=\"new-service\"", "id=\"notice\"");

		assertThat(signedIn(testing.directory.user(testing.section)).get("/catalog").body()).contains(name, "2 小时");
	}

	@Test
	void letsTheManagerEditCategoriesAndRefusesFormsWithoutTheCsrfToken() {
		WebSession session = signedIn(testing.manager);
		assertThat(session.get("/catalog/categories/" + category).status()).isEqualTo(200);
		var refused = session.post("/catalog/categories", Map.of("code", "", "name", "新分类", "sortOrder", "x"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"code-error\"", "id=\"sortOrder-error\"", "value=\"新分类\"");

		String code = TestDirectory.unique("CAT");
		var created = session.post("/catalog/categories", Map.of("code", code, "name", "新分类 " + code,
				"parentId", String.valueOf(category)));
		assertThat(created.status()).isEqualTo(302);
		assertThat(session.get("/catalog").body()).contains("新分类 " + code);

		assertThat(session.postWithoutCsrf("/catalog/categories", Map.of("code", TestDirectory.unique("C"), "name", "x"))
			.status()).isEqualTo(403);
	}

	private WebSession signedIn(String username) {
		WebSession session = new WebSession(port);
		var signedIn = session.signIn(username, TestDirectory.PASSWORD, null);
		assertThat(signedIn.status()).isEqualTo(302);
		return session;
	}
}
