package org.yunwei.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yunwei.catalog.internal.CatalogTesting.map;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.catalog.ServiceCatalog;
import org.yunwei.identity.Organisations;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;

import tools.jackson.databind.JsonNode;

class CatalogApiIntegrationTests extends IntegrationTestSupport {

	private static final String SERVICES = "/api/v1/catalog/services";

	@Autowired
	private ServiceCatalog catalog;
	@Autowired
	private Organisations organisations;

	private CatalogTesting testing;
	private String manager;
	private long category;

	@BeforeEach
	void setUp() {
		testing = new CatalogTesting(jdbc, api());
		manager = testing.managerToken();
		category = testing.category(manager, null);
	}

	@Test
	void createsChangesDisablesAndEnablesAServiceOnTheAuditTrail() {
		long id = testing.createService(manager, testing.service(category, testing.office));
		JsonNode created = api().get(SERVICES + "/" + id, manager).json();
		assertThat(created.get("provider").get("id").asLong()).isEqualTo(testing.providerUnit);
		assertThat(created.get("provider").get("partyName").asString()).contains("运维服务公司");
		assertThat(created.get("objects").get(0).asString()).isEqualTo("OFFICE_EQUIPMENT");
		assertThat(created.get("indicators").get(0).get("target").asString()).isEqualTo("30");
		assertThat(created.get("indicators").get(0).get("unit").asString()).isEqualTo("分钟");
		assertThat(created.get("customers").get(0).get("id").asLong()).isEqualTo(testing.office);
		assertThat(testing.auditCount("CATALOG_SERVICE_CREATE", id)).isEqualTo(1);

		var body = testing.service(category, testing.office, testing.otherDepartment);
		body.put("code", created.get("code").asString());
		body.put("name", "政务云资源变更");
		body.put("objects", List.of("GOVERNMENT_CLOUD", "OFFICE_EQUIPMENT"));
		var updated = api().put(SERVICES + "/" + id, manager, body);
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
		assertThat(updated.json().get("name").asString()).isEqualTo("政务云资源变更");
		assertThat(updated.json().get("objects").size()).isEqualTo(2);
		assertThat(updated.json().get("customers").size()).isEqualTo(2);
		assertThat(testing.auditCount("CATALOG_SERVICE_UPDATE", id)).isEqualTo(1);

		assertThat(api().post(SERVICES + "/" + id + "/disable", manager, null).json().get("enabled").asBoolean())
			.isFalse();
		assertThat(testing.auditCount("CATALOG_SERVICE_DISABLE", id)).isEqualTo(1);
		assertThat(catalog.orderableBy(id, testing.office)).isFalse();
		assertThat(api().post(SERVICES + "/" + id + "/enable", manager, null).json().get("enabled").asBoolean())
			.isTrue();
		assertThat(testing.auditCount("CATALOG_SERVICE_ENABLE", id)).isEqualTo(1);
		assertThat(catalog.find(id)).hasValueSatisfying(s -> assertThat(s.name()).isEqualTo("政务云资源变更"));
	}

	@Test
	void refusesAnInvalidServiceFieldByFieldAndChangesNothing() {
		long before = testing.serviceCount();
		var body = testing.service(category, testing.providerUnit);
		body.put("name", " ");
		body.put("code", "has space");
		body.put("objects", List.of());
		body.put("indicators", List.of(map("name", "可用性", "target", 99.9)));
		var response = api().post(SERVICES, manager, body);

		assertThat(response.status()).isEqualTo(400);
		JsonNode errors = response.json().get("errors");
		assertThat(errors.has("name")).isTrue();
		assertThat(errors.has("code")).isTrue();
		assertThat(errors.has("objects")).isTrue();
		assertThat(errors.has("indicators[0].unit")).isTrue();
		assertThat(errors.get("customerOrgUnitIds").asString()).contains("使用方");
		assertThat(api().postRaw(SERVICES, manager, "{\"categoryId\": \"x\"", "application/json").status())
			.isEqualTo(400);
		assertThat(testing.serviceCount()).isEqualTo(before);
	}

	@Test
	void refusesADuplicateCodeNamingTheField() {
		var body = testing.service(category, testing.office);
		testing.createService(manager, body);
		body.put("code", body.get("code").toString().toLowerCase());
		var response = api().post(SERVICES, manager, body);

		assertThat(response.status()).isEqualTo(409);
		assertThat(response.json().get("errors").has("code")).isTrue();
	}

	@Test
	void requiresAnEnabledUnitOfAProviderToProvideTheService() {
		for (long notAProvider : new long[] { testing.managementUnit, testing.office }) {
			var body = testing.service(category, testing.office);
			body.put("providerOrgUnitId", notAProvider);
			var response = api().post(SERVICES, manager, body);
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.json().get("errors").get("providerOrgUnitId").asString()).contains("服务方");
		}
		jdbc.sql("update org_unit set enabled = false where id = ?").param(testing.providerUnit).update();
		var response = api().post(SERVICES, manager, testing.service(category, testing.office));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").has("providerOrgUnitId")).isTrue();
	}

	@Test
	void showsACustomerOnlyTheEnabledServicesTheirUnitMayOrder() {
		long forOffice = testing.createService(manager, testing.service(category, testing.office));
		long forOtherDepartment = testing.createService(manager, testing.service(category, testing.otherDepartment));
		long withdrawn = testing.createService(manager, testing.service(category, testing.office));
		api().post(SERVICES + "/" + withdrawn + "/disable", manager, null);

		String inSection = testing.tokenIn(testing.section);
		assertThat(ids(api().get(SERVICES + "?categoryId=" + category, inSection).json())).containsExactly(forOffice);
		JsonNode seen = api().get(SERVICES + "/" + forOffice, inSection).json();
		assertThat(seen.get("customers").size()).isEqualTo(1);
		assertThat(api().get(SERVICES + "/" + forOtherDepartment, inSection).status()).isEqualTo(404);
		assertThat(api().get(SERVICES + "/" + withdrawn, inSection).status()).isEqualTo(404);

		for (long elsewhere : new long[] { testing.otherOffice, testing.department }) {
			String token = testing.tokenIn(elsewhere);
			assertThat(ids(api().get(SERVICES + "?categoryId=" + category, token).json())).isEmpty();
			assertThat(api().get(SERVICES + "/" + forOffice, token).status()).isEqualTo(404);
		}
		String otherDepartment = testing.tokenIn(testing.otherDepartment);
		assertThat(ids(api().get(SERVICES + "?categoryId=" + category, otherDepartment).json()))
			.containsExactly(forOtherDepartment);
		assertThat(api().get(SERVICES + "/" + forOffice, otherDepartment).status()).isEqualTo(404);

		assertThat(catalog.orderableBy(forOffice, testing.section)).isTrue();
		assertThat(catalog.orderableBy(forOffice, testing.otherOffice)).isFalse();
		assertThat(catalog.orderableBy(withdrawn, testing.office)).isFalse();

		// the same answers for a caller that has the unit already
		assertThat(catalog.offerTo(forOffice, organisations.find(testing.section).orElseThrow()))
			.hasValueSatisfying(offer -> assertThat(offer.orderable()).isTrue());
		assertThat(catalog.offerTo(forOffice, organisations.find(testing.otherOffice).orElseThrow()))
			.hasValueSatisfying(offer -> assertThat(offer.orderable()).isFalse());
		assertThat(catalog.offerTo(withdrawn, organisations.find(testing.office).orElseThrow()))
			.hasValueSatisfying(offer -> assertThat(offer.orderable()).isFalse());
		assertThat(catalog.offerTo(-1, organisations.find(testing.office).orElseThrow())).isEmpty();
	}

	@Test
	void letsSupervisionAndProvidersReadButNotWrite() {
		long id = testing.createService(manager, testing.service(category, testing.office));
		String supervisor = testing.tokenOf(testing.directory.user(testing.supervisionUnit, "SUPERVISOR"));
		String provider = testing.tokenOf(testing.directory.user(testing.providerUnit, "SERVICE_DESK_AGENT"));
		for (String reader : List.of(supervisor, provider)) {
			assertThat(ids(api().get(SERVICES + "?categoryId=" + category, reader).json())).containsExactly(id);
			assertThat(api().get(SERVICES + "/" + id, reader).status()).isEqualTo(200);
			assertThat(api().post(SERVICES, reader, testing.service(category, testing.office)).status()).isEqualTo(403);
			assertThat(api().post(SERVICES + "/" + id + "/disable", reader, null).status()).isEqualTo(403);
			assertThat(api().post("/api/v1/catalog/categories", reader, map("code", "X", "name", "X")).status())
				.isEqualTo(403);
		}
		String supervisorWithPermission = testing.tokenOf(testing.directory.user(testing.supervisionUnit,
				testing.directory.role("CATALOG_MANAGE")));
		var refused = api().put(SERVICES + "/" + id, supervisorWithPermission, testing.service(category));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("type").asString()).endsWith("read-only-scope");
		assertThat(api().get(SERVICES + "/" + id, manager).json().get("customers").size()).isEqualTo(1);
	}

	/**
	 * The catalogue is read by those who order from it or work to it (docs/security.md, "Access model"): a provider
	 * reads the services its own units provide, never another provider's; a person of a party with no such role
	 * (a provider's user without a role, an administrator) is refused.
	 */
	@Test
	void providersReadTheirOwnServicesAndPeopleWithoutARoleNone() {
		long ours = testing.createService(manager, testing.service(category, testing.office));
		long otherProviderUnit = testing.directory.orgUnit(testing.directory.party("PROVIDER", "另一运维公司"), null,
				"驻场组");
		var theirs = testing.service(category, testing.office);
		theirs.put("providerOrgUnitId", otherProviderUnit);
		long theirsId = testing.createService(manager, theirs);

		String agent = testing.tokenOf(testing.directory.user(testing.providerUnit, "SERVICE_DESK_AGENT"));
		assertThat(ids(api().get(SERVICES + "?categoryId=" + category, agent).json())).contains(ours)
			.doesNotContain(theirsId);
		assertThat(api().get(SERVICES + "/" + theirsId, agent).status()).isEqualTo(404);
		assertThat(api().get(SERVICES + "/" + ours, agent).status()).isEqualTo(200);

		String withoutRole = testing.tokenIn(testing.providerUnit);
		assertThat(api().get(SERVICES, withoutRole).status()).isEqualTo(403);
		assertThat(api().get(SERVICES + "/" + ours, withoutRole).status()).isEqualTo(403);
		assertThat(api().get("/api/v1/catalog/categories", withoutRole).status()).isEqualTo(403);
	}

	@Test
	void pagesByKeysetWithFiltersAndSorting() {
		long child = testing.category(manager, category);
		List<Long> created = new ArrayList<>();
		for (String name : List.of("戊", "甲", "丁", "乙", "丙")) {
			var body = testing.service(name.equals("甲") || name.equals("乙") ? child : category, testing.office);
			body.put("name", name + TestDirectory.unique(""));
			if (name.equals("丙")) {
				body.put("objects", List.of("GOVERNMENT_CLOUD"));
			}
			created.add(testing.createService(manager, body));
		}
		List<Long> paged = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			var page = api().get(SERVICES + "?categoryId=" + category + "&sort=name&limit=2"
					+ (cursor == null ? "" : "&cursor=" + cursor), manager).json();
			paged.addAll(ids(page));
			cursor = page.get("next").isNull() ? null : page.get("next").asString();
			pages++;
		}
		while (cursor != null);
		assertThat(pages).isEqualTo(3);
		assertThat(paged).containsExactlyInAnyOrderElementsOf(created).doesNotHaveDuplicates();
		var names = paged.stream().map(id -> api().get(SERVICES + "/" + id, manager).json().get("name").asString())
			.toList();
		assertThat(names).isSorted();

		assertThat(ids(api().get(SERVICES + "?categoryId=" + child, manager).json())).hasSize(2);
		assertThat(ids(api().get(SERVICES + "?categoryId=" + category + "&object=GOVERNMENT_CLOUD", manager).json()))
			.containsExactly(created.get(4));
		assertThat(ids(api().get(SERVICES + "?categoryId=" + category + "&providerOrgUnitId=" + testing.providerUnit,
				manager).json())).hasSize(5);
		String code = api().get(SERVICES + "/" + created.get(0), manager).json().get("code").asString();
		assertThat(ids(api().get(SERVICES + "?q=" + code.toLowerCase(), manager).json())).containsExactly(created.get(0));
		api().post(SERVICES + "/" + created.get(1) + "/disable", manager, null);
		assertThat(ids(api().get(SERVICES + "?categoryId=" + category + "&enabled=false", manager).json()))
			.containsExactly(created.get(1));

		for (String bad : List.of("sort=price", "limit=0", "limit=x", "cursor=bm9wZQ", "object=SPACESHIP")) {
			assertThat(api().get(SERVICES + "?" + bad, manager).status()).as(bad).isEqualTo(400);
		}
	}

	@Test
	void keepsTheCategoryTreeFreeOfCycles() {
		long child = testing.category(manager, category);
		long grandchild = testing.category(manager, child);
		JsonNode tree = api().get("/api/v1/catalog/categories", manager).json();
		JsonNode node = null;
		for (JsonNode top : tree) {
			if (top.get("id").asLong() == category) {
				node = top;
			}
		}
		assertThat(node).isNotNull();
		assertThat(node.get("children").get(0).get("children").get(0).get("id").asLong()).isEqualTo(grandchild);

		JsonNode current = api().get("/api/v1/catalog/categories/" + category, manager).json();
		var move = map("parentId", grandchild, "code", current.get("code").asString(), "name", "循环");
		var refused = api().put("/api/v1/catalog/categories/" + category, manager, move);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").has("parentId")).isTrue();

		var moved = api().put("/api/v1/catalog/categories/" + grandchild, manager,
				map("parentId", category, "code", TestDirectory.unique("C"), "name", "移动后"));
		assertThat(moved.status()).isEqualTo(200);
		assertThat(moved.json().get("path").asString()).isEqualTo("/" + category + "/" + grandchild + "/");
		assertThat(testing.auditCount("CATALOG_CATEGORY_UPDATE", grandchild)).isEqualTo(1);

		assertThat(api().post("/api/v1/catalog/categories/" + category + "/disable", manager, null).status())
			.isEqualTo(422);
		assertThat(api().post("/api/v1/catalog/categories", manager,
				map("code", current.get("code").asString(), "name", "重复")).status()).isEqualTo(409);
	}

	@Test
	void documentsTheCatalogueInTheOpenApiDocument() {
		String document = api().get("/v3/api-docs", null).body();
		assertThat(document).contains("\"/api/v1/catalog/services\"", "\"/api/v1/catalog/services/{id}\"",
				"\"/api/v1/catalog/categories\"", "CatalogServiceDraft");
	}

	private static List<Long> ids(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
		return ids;
	}
}
