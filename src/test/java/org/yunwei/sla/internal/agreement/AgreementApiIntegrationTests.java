package org.yunwei.sla.internal.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yunwei.sla.internal.agreement.AgreementFixtures.body;
import static org.yunwei.sla.internal.agreement.AgreementFixtures.target;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yunwei.support.ApiClient;
import org.yunwei.support.IntegrationTestSupport;

/**
 * The agreements API: creation, every contradiction refused with its field and nothing stored, which agreement
 * applies at each level, and who may read and change what.
 */
class AgreementApiIntegrationTests extends IntegrationTestSupport {

	private static final String AGREEMENTS = "/api/v1/sla/agreements";

	private AgreementFixtures fixtures;
	private String manager;
	private long provider;
	private long customerParty;
	private long bureau;
	private long department;
	private long section;

	@BeforeEach
	void setUp() {
		fixtures = new AgreementFixtures(jdbc, api());
		manager = fixtures.managerToken();
		provider = fixtures.providerParty();
		customerParty = fixtures.customerParty();
		bureau = fixtures.directory.orgUnit(customerParty, null, "局本级");
		department = fixtures.directory.orgUnit(customerParty, bureau, "信息中心");
		section = fixtures.directory.orgUnit(customerParty, department, "网络科");
	}

	private long create(Map<String, Object> body) {
		ApiClient.Response created = api().post(AGREEMENTS, manager, body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private ApiClient.Response resolve(long unit, Long service, String priority) {
		return api().get("/api/v1/sla/resolve?customerOrgUnitId=" + unit + (service == null ? "" : "&serviceId=" + service)
				+ "&priority=" + priority + "&on=2026-06-01", manager);
	}

	@Test
	void createsAnAgreementWithTargetsAndEscalationsAndAuditsIt() {
		long service = fixtures.service();
		long id = create(body(provider, department, List.of(service)));

		var read = api().get(AGREEMENTS + "/" + id, manager);

		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().get("serviceIds").get(0).asLong()).isEqualTo(service);
		assertThat(read.json().get("targets")).hasSize(4);
		assertThat(read.json().get("targets").get(0).get("responseMinutes").asLong()).isEqualTo(15);
		assertThat(read.json().get("targets").get(0).get("thresholds").toString()).isEqualTo("[50,75,90]");
		assertThat(read.json().get("escalations")).hasSize(2);
		assertThat(read.json().get("calendarId").isNull()).isTrue();
		assertThat(fixtures.auditCount("SLA_CREATE", id)).isEqualTo(1);
	}

	@Test
	void rejectsEachContradictionWithItsFieldAndStoresNothing() {
		long providerUnit = fixtures.directory.orgUnit(provider, null, "一线");
		Map<String, Consumer<Map<String, Object>>> cases = new java.util.LinkedHashMap<>();
		cases.put("targets.P2.response", b -> targets(b).set(1, target("P2", 90, 480)));
		cases.put("targets.P3.resolution", b -> targets(b).set(2, target("P3", 2000, 960)));
		cases.put("targets.P4", b -> targets(b).remove(3));
		cases.put("targets.P1.response", b -> targets(b).set(0, target("P1", 0, 240)));
		cases.put("targets.P1.thresholds", b -> {
			var t = target("P1", 15, 240);
			t.put("thresholds", List.of(90, 50));
			targets(b).set(0, t);
		});
		cases.put("escalations[0].thresholdPercent", b -> b.put("escalations",
				List.of(Map.of("priority", "P1", "thresholdPercent", 80, "order", 1, "kind", "FUNCTIONAL",
						"target", "二线"))));
		cases.put("validTo", b -> b.put("validTo", "2025-12-31"));
		cases.put("providerPartyId", b -> b.put("providerPartyId", customerParty));
		cases.put("customerOrgUnitId", b -> b.put("customerOrgUnitId", providerUnit));
		cases.put("serviceIds", b -> b.put("serviceIds", List.of(Long.MAX_VALUE)));
		cases.put("calendarId", b -> b.put("calendarId", Long.MAX_VALUE));
		cases.forEach((field, change) -> {
			Map<String, Object> body = body(provider, department, List.of());
			change.accept(body);

			var refused = api().post(AGREEMENTS, manager, body);

			assertThat(refused.status()).as(field + ": " + refused.body()).isEqualTo(400);
			assertThat(refused.json().get("errors").has(field)).as(field + ": " + refused.body()).isTrue();
			assertThat(jdbc.sql("select count(*) from service_level_agreement where code = ?")
				.param(body.get("code")).query(Long.class).single()).isZero();
		});
	}

	@Test
	void malformedInputIsA400NotA500() {
		assertThat(api().postRaw(AGREEMENTS, manager, "{\"validFrom\": \"yesterday\"}", "application/json").status())
			.isEqualTo(400);
		assertThat(api().get("/api/v1/sla/resolve?customerOrgUnitId=" + section + "&priority=P9", manager).status())
			.isEqualTo(400);
		assertThat(api().get("/api/v1/sla/resolve?customerOrgUnitId=" + Long.MAX_VALUE + "&priority=P1", manager)
			.status()).isEqualTo(400);
		var empty = api().post(AGREEMENTS, manager, Map.of());
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.json().get("errors").has("targets.P1")).isTrue();
	}

	@Test
	void resolvesAtEachLevelOfPrecedence() {
		long s1 = fixtures.service();
		long s2 = fixtures.service();
		long s3 = fixtures.service();
		long customerAndService = create(body(provider, department, List.of(s1)));
		long customerWide = create(body(provider, bureau, List.of()));
		long serviceOnly = create(body(provider, null, List.of(s3)));
		long otherCustomer = fixtures.directory.orgUnit(fixtures.customerParty(), null, "另一局");

		assertLevel(resolve(section, s1, "P1"), customerAndService, "CUSTOMER_AND_SERVICE");
		assertLevel(resolve(section, s2, "P2"), customerWide, "CUSTOMER");
		assertLevel(resolve(section, null, "P3"), customerWide, "CUSTOMER");
		assertLevel(resolve(otherCustomer, s3, "P4"), serviceOnly, "SERVICE");
		// the customer-wide agreement is more specific than one for the service alone
		assertLevel(resolve(section, s3, "P1"), customerWide, "CUSTOMER");

		var applied = resolve(section, s1, "P1").json();
		assertThat(applied.get("target").get("resolutionMinutes").asLong()).isEqualTo(240);
		assertThat(applied.get("target").get("resolutionBasis").asString()).isEqualTo("BUSINESS");
		assertThat(applied.get("escalations")).hasSize(2);
	}

	@Test
	void theDefaultAppliesWhenNothingElseDoesAndThereIsOnlyOne() {
		String defaultCode = ensureDefault();
		long loneUnit = fixtures.directory.orgUnit(fixtures.customerParty(), null, "无协议单位");

		var applied = resolve(loneUnit, fixtures.service(), "P2");

		assertLevel(applied, applied.json().get("agreementId").asLong(), "DEFAULT");
		assertThat(applied.json().get("code").asString()).isEqualTo(defaultCode);

		Map<String, Object> second = body(provider, null, List.of());
		second.put("defaultAgreement", true);
		var refused = api().post(AGREEMENTS, manager, second);
		assertThat(refused.status()).as(refused.body()).isEqualTo(409);
		assertThat(refused.json().get("errors").has("defaultAgreement")).isTrue();
	}

	/** Creates the default agreement unless another test already did; it is never disabled or changed. */
	private String ensureDefault() {
		Map<String, Object> body = body(provider, null, List.of());
		body.put("defaultAgreement", true);
		body.put("validFrom", "2000-01-01");
		body.remove("validTo");
		var created = api().post(AGREEMENTS, manager, body);
		assertThat(created.status()).as(created.body()).isIn(201, 409);
		return jdbc.sql("select code from service_level_agreement where is_default").query(String.class).single();
	}

	@Test
	void disablingTakesAnAgreementOutOfResolutionAndIsAudited() {
		long service = fixtures.service();
		long id = create(body(provider, section, List.of(service)));
		assertLevel(resolve(section, service, "P1"), id, "CUSTOMER_AND_SERVICE");

		assertThat(api().post(AGREEMENTS + "/" + id + "/disable", manager, null).status()).isEqualTo(200);

		var after = resolve(section, service, "P1");
		assertThat(after.status() == 404 || after.json().get("agreementId").asLong() != id).isTrue();
		assertThat(fixtures.auditCount("SLA_DISABLE", id)).isEqualTo(1);
		assertThat(api().post(AGREEMENTS + "/" + id + "/enable", manager, null).json().get("enabled").asBoolean())
			.isTrue();
	}

	@Test
	void updatesReplaceTargetsAndAStaleVersionIsA409() {
		long id = create(body(provider, department, List.of()));
		Map<String, Object> change = body(provider, department, List.of());
		targets(change).set(3, target("P4", 240, 4800));
		change.put("version", 0);

		var updated = api().put(AGREEMENTS + "/" + id, manager, change);

		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
		assertThat(updated.json().get("targets").get(3).get("resolutionMinutes").asLong()).isEqualTo(4800);
		assertThat(updated.json().get("version").asInt()).isEqualTo(1);
		assertThat(fixtures.auditCount("SLA_UPDATE", id)).isEqualTo(1);
		assertThat(api().put(AGREEMENTS + "/" + id, manager, change).status()).isEqualTo(409);
	}

	@Test
	void listsByFilterWithKeysetPages() {
		long ownProvider = fixtures.providerParty();
		long service = fixtures.service();
		for (int i = 0; i < 3; i++) {
			create(body(ownProvider, department, List.of(service)));
		}

		var first = api().get(AGREEMENTS + "?providerPartyId=" + ownProvider + "&limit=2", manager).json();
		assertThat(first.get("items")).hasSize(2);
		var second = api().get(AGREEMENTS + "?providerPartyId=" + ownProvider + "&limit=2&after="
				+ first.get("next").asString(), manager).json();
		assertThat(second.get("items")).hasSize(1);
		assertThat(second.get("next").isNull()).isTrue();
		assertThat(api().get(AGREEMENTS + "?serviceId=" + service + "&enabled=true", manager).json().get("items"))
			.hasSize(3);
		assertThat(api().get(AGREEMENTS + "?providerPartyId=" + ownProvider + "&enabled=false", manager).json()
			.get("items")).isEmpty();
	}

	@Test
	void onlyServiceLevelManagersOfManagementWriteAndReadersSeeOnlyWhatCoversThem() {
		long id = create(body(provider, department, List.of()));
		String plainManagement = fixtures.tokenOf(fixtures.directory.user(fixtures.managementUnit()));
		long supervisionUnit = fixtures.directory.orgUnit(fixtures.directory.party("SUPERVISION", "监理"), null, "监理部");
		String supervisor = fixtures.tokenOf(fixtures.directory.user(supervisionUnit, "SUPERVISOR"));
		String namedProvider = fixtures.tokenOf(fixtures.directory.user(fixtures.directory.orgUnit(provider, null, "项目部"),
				"SERVICE_DESK_AGENT"));
		String otherProvider = fixtures.tokenOf(fixtures.directory.user(
				fixtures.directory.orgUnit(fixtures.providerParty(), null, "项目部"), "SERVICE_DESK_AGENT"));
		String coveredCustomer = fixtures.tokenOf(fixtures.directory.user(section));
		String otherDepartment = fixtures.tokenOf(fixtures.directory.user(
				fixtures.directory.orgUnit(fixtures.customerParty(), null, "别的局")));
		String sibling = fixtures.tokenOf(fixtures.directory.user(fixtures.directory.orgUnit(customerParty, bureau, "办公室")));

		assertThat(api().post(AGREEMENTS, plainManagement, body(provider, department, List.of())).status())
			.isEqualTo(403);
		assertThat(api().post(AGREEMENTS, supervisor, body(provider, department, List.of())).status()).isEqualTo(403);
		assertThat(api().post(AGREEMENTS + "/" + id + "/disable", supervisor, null).status()).isEqualTo(403);
		assertThat(api().get(AGREEMENTS + "/" + id, supervisor).status()).isEqualTo(200);
		assertThat(api().get("/api/v1/sla/resolve?customerOrgUnitId=" + section + "&priority=P1&on=2026-06-01",
				supervisor).status()).isEqualTo(200);
		assertThat(api().get(AGREEMENTS + "/" + id, namedProvider).status()).isEqualTo(200);
		assertThat(api().get(AGREEMENTS + "/" + id, otherProvider).status()).isEqualTo(404);
		assertThat(api().get(AGREEMENTS + "/" + id, coveredCustomer).status()).isEqualTo(200);
		assertThat(api().get(AGREEMENTS + "/" + id, otherDepartment).status()).isEqualTo(404);
		assertThat(api().get(AGREEMENTS + "/" + id, sibling).status()).isEqualTo(404);
		assertThat(api().get(AGREEMENTS + "?customerOrgUnitId=" + department, otherDepartment).json().get("items"))
			.isEmpty();
		assertThat(api().get(AGREEMENTS + "?customerOrgUnitId=" + department, coveredCustomer).json().get("items"))
			.hasSize(1);
		assertThat(api().post(AGREEMENTS + "/" + id + "/disable", coveredCustomer, null).status()).isEqualTo(403);
		assertThat(api().get(AGREEMENTS + "/" + id, null).status()).isEqualTo(401);
	}

	@Test
	void theOpenApiDocumentDescribesTheAgreementsWithExamples() {
		var document = api().get("/v3/api-docs", null);

		assertThat(document.status()).isEqualTo(200);
		var json = document.json();
		assertThat(json.get("paths").has("/api/v1/sla/agreements")).isTrue();
		assertThat(json.get("paths").has("/api/v1/sla/agreements/{id}/disable")).isTrue();
		assertThat(json.get("paths").has("/api/v1/sla/resolve")).isTrue();
		var target = json.get("components").get("schemas").get("SlaTarget").get("properties");
		assertThat(target.get("responseMinutes").get("example").asInt()).isEqualTo(15);
		assertThat(json.get("components").get("schemas").get("SlaDraft").get("properties").get("name")
			.get("example").asString()).contains("服务级别协议");
	}

	@SuppressWarnings("unchecked")
	private static List<Object> targets(Map<String, Object> body) {
		return (List<Object>) body.get("targets");
	}

	private static void assertLevel(ApiClient.Response applied, long agreementId, String level) {
		assertThat(applied.status()).as(applied.body()).isEqualTo(200);
		assertThat(applied.json().get("agreementId").asLong()).as(applied.body()).isEqualTo(agreementId);
		assertThat(applied.json().get("level").asString()).isEqualTo(level);
	}
}
