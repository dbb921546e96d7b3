package org.yunwei.sla.internal.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;

/** The SLA list and editor in a signed-in session. */
class AgreementPagesIntegrationTests extends IntegrationTestSupport {

	private AgreementFixtures fixtures;
	private WebSession browser;
	private long provider;
	private long department;

	@BeforeEach
	void setUp() {
		fixtures = new AgreementFixtures(jdbc, api());
		provider = fixtures.providerParty();
		department = fixtures.directory.orgUnit(fixtures.customerParty(), null, "信息中心");
		browser = new WebSession(port);
		browser.signIn(fixtures.directory.user(fixtures.managementUnit(), "SERVICE_MANAGER"), TestDirectory.PASSWORD,
				null);
		// the form's CSRF token comes from the editor, as in a browser
		assertThat(browser.get("/sla/agreements/new").status()).isEqualTo(200);
	}

	private Map<String, String> form(String name) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("code", TestDirectory.unique("SLA-"));
		form.put("name", name);
		form.put("providerPartyId", String.valueOf(provider));
		form.put("customerOrgUnitId", String.valueOf(department));
		form.put("validFrom", "2026-01-01");
		form.put("validTo", "");
		form.put("enabled", "true");
		form.put("_defaultAgreement", "on");
		form.put("serviceIds", "");
		String[][] rows = { { "P1", "0", "15", "4" }, { "P2", "0", "30", "8" }, { "P3", "1", "0", "16" },
				{ "P4", "2", "0", "40" } };
		for (int i = 0; i < rows.length; i++) {
			form.put("targets[" + i + "].priority", rows[i][0]);
			form.put("targets[" + i + "].responseHours", rows[i][1]);
			form.put("targets[" + i + "].responseMinutes", rows[i][2]);
			form.put("targets[" + i + "].responseBasis", "BUSINESS");
			form.put("targets[" + i + "].resolutionHours", rows[i][3]);
			form.put("targets[" + i + "].resolutionMinutes", "");
			form.put("targets[" + i + "].resolutionBasis", "BUSINESS");
			form.put("targets[" + i + "].thresholds", "50, 75, 90");
		}
		form.put("escalations[0].priority", "P1");
		form.put("escalations[0].thresholdPercent", "90");
		form.put("escalations[0].order", "1");
		form.put("escalations[0].kind", "HIERARCHICAL");
		form.put("escalations[0].target", "PROVIDER_MANAGER");
		for (int i = 1; i < 3; i++) {
			for (String field : new String[] { "priority", "thresholdPercent", "order", "kind", "target" }) {
				form.put("escalations[" + i + "]." + field, "");
			}
		}
		return form;
	}

	@Test
	void theEditorShowsAContradictionBesideTheP2RowAndKeepsTheInput() {
		Map<String, String> form = form("桌面运维协议");
		// P2 answers in 2 h, P3 in 1 h: the more urgent priority would be the slower one
		form.put("targets[1].responseHours", "2");
		form.put("targets[1].responseMinutes", "0");

		var page = browser.post("/sla/agreements", form);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"targets-P2-response-error\"")
			.contains("响应时间不能长于下一优先级的响应时间")
			.doesNotContain("id=\"targets-P3-response-error\"")
			.contains("value=\"桌面运维协议\"")
			.contains("value=\"PROVIDER_MANAGER\"")
			.contains("value=\"50, 75, 90\"");
		assertThat(page.body()).containsPattern("name=\"targets\\[1]\\.responseHours\"[^>]*value=\"2\"");
		assertThat(jdbc.sql("select count(*) from service_level_agreement where code = ?").param(form.get("code"))
			.query(Long.class).single()).isZero();
	}

	@Test
	void unreadableInputIsShownBesideItsFieldAndNothingIsSaved() {
		Map<String, String> form = form("协议");
		form.put("targets[2].thresholds", "五十");
		form.put("serviceIds", "7, x");
		form.put("escalations[2].thresholdPercent", "abc");

		var page = browser.post("/sla/agreements", form);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"targets-P3-thresholds-error\"").contains("id=\"serviceIds-error\"")
			.contains("id=\"escalations-2-thresholdPercent-error\"").contains("value=\"五十\"");
		assertThat(jdbc.sql("select count(*) from service_level_agreement where code = ?").param(form.get("code"))
			.query(Long.class).single()).isZero();
	}

	@Test
	void aSoundAgreementIsSavedAndListed() {
		Map<String, String> form = form("网络运维协议");

		var saved = browser.post("/sla/agreements", form);

		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		var editor = browser.get(saved.location().replaceFirst("^https?://[^/]+", ""));
		assertThat(editor.body()).contains("网络运维协议").contains("value=\"PROVIDER_MANAGER\"");
		assertThat(browser.get("/sla/agreements?providerPartyId=" + provider).body()).contains(form.get("code"))
			.contains("id=\"agreement-table\"");
		assertThat(browser.get("/sla/agreements?providerPartyId=" + fixtures.providerParty()).body())
			.contains("id=\"agreements-empty\"");
	}

	@Test
	void servicesAreChosenFromTheCatalogueAndShownChosenAfterSaving() {
		long service = fixtures.service();
		String code = jdbc.sql("select code from catalog_service where id = ?").param(service).query(String.class)
			.single();
		assertThat(browser.get("/sla/agreements/new").body()).contains("id=\"service-" + service + "\"");
		Map<String, String> form = form("服务器运维协议");
		form.put("serviceIds", String.valueOf(service));

		var saved = browser.post("/sla/agreements", form);

		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		var editor = browser.get(saved.location().replaceFirst("^https?://[^/]+", ""));
		assertThat(editor.body()).contains("id=\"service-" + service + "\" value=\"" + service + "\" checked=\"checked\"")
			.contains(code);
	}

	@Test
	void theCalendarAndTheEscalationTargetsAreChosenByName() {
		String calendarName = TestDirectory.unique("税务工作日历");
		long calendar = jdbc.sql("""
				insert into business_calendar (code, name, zone_id, working_hours) values (?, ?, 'Asia/Shanghai',
				'{"MONDAY": ["09:00-17:00"]}') returning id""").params(TestDirectory.unique("CAL"), calendarName)
			.query(Long.class).single();
		String groupCode = TestDirectory.unique("NET-");
		jdbc.sql("insert into ticket_group (code, name, party_id) values (?, ?, ?)")
			.params(groupCode, "网络二线 " + groupCode, provider).update();

		String editor = browser.get("/sla/agreements/new").body().replaceAll("\\s+", " ");
		assertThat(editor).contains("<select class=\"form-select\" id=\"calendarId\"")
			.contains("<option value=\"" + calendar + "\">" + calendarName + "</option>")
			.contains("value=\"GROUP_LEAD\" data-kind=\"HIERARCHICAL\">组长</option>")
			.contains("value=\"" + groupCode + "\" data-kind=\"FUNCTIONAL\">网络二线 " + groupCode + "</option>")
			.doesNotContain("name=\"calendarId\" type=\"number\"").doesNotContain(" multiple");

		Map<String, String> form = form("按名称选择的协议");
		form.put("calendarId", String.valueOf(calendar));
		form.put("escalations[1].priority", "P1");
		form.put("escalations[1].thresholdPercent", "100");
		form.put("escalations[1].order", "1");
		form.put("escalations[1].kind", "FUNCTIONAL");
		form.put("escalations[1].target", groupCode);
		var saved = browser.post("/sla/agreements", form);
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);

		String path = saved.location().replaceFirst("^https?://[^/]+", "");
		String shown = browser.get(path).body().replaceAll("\\s+", " ");
		assertThat(shown).containsPattern("<option value=\"" + calendar + "\" selected=\"selected\">" + calendarName)
			.containsPattern("<option value=\"" + groupCode + "\"[^>]*selected=\"selected\"[^>]*>网络二线")
			.containsPattern("<option value=\"PROVIDER_MANAGER\"[^>]*selected=\"selected\"[^>]*>服务方经理");
		String english = browser.get(path + "?lang=en").body();
		assertThat(english).contains(">Group lead</option>").doesNotContain(">GROUP_LEAD<");
	}

	@Test
	void supervisionSeesTheEditorReadOnlyAndAnotherDepartmentSeesNothing() {
		var saved = browser.post("/sla/agreements", form("只读协议"));
		String path = saved.location().replaceFirst("^https?://[^/]+", "");
		long supervisionUnit = fixtures.directory.orgUnit(fixtures.directory.party("SUPERVISION", "监理"), null, "监理部");
		WebSession supervisor = new WebSession(port);
		supervisor.signIn(fixtures.directory.user(supervisionUnit, "SUPERVISOR"), TestDirectory.PASSWORD, null);
		WebSession stranger = new WebSession(port);
		stranger.signIn(fixtures.directory.user(fixtures.directory.orgUnit(fixtures.customerParty(), null, "别的局")),
				TestDirectory.PASSWORD, null);

		var readOnly = supervisor.get(path);
		assertThat(readOnly.status()).isEqualTo(200);
		assertThat(readOnly.body()).contains("只读协议").contains("<fieldset disabled").doesNotContain("id=\"agreement-save\"");
		assertThat(supervisor.get("/sla/agreements/new").status()).isEqualTo(403);
		assertThat(stranger.get(path).status()).isEqualTo(404);
	}

	@Test
	void aCustomerSeesTheAgreementsCoveringItsUnitWithTheirProvidersAndTheServicesItMayOrderOnly() {
		long offered = fixtures.service();
		long notOffered = fixtures.service();
		jdbc.sql("insert into catalog_service_customer (service_id, org_unit_id) values (?, ?)")
			.params(offered, department).update();
		String manager = fixtures.managerToken();
		long covering = api().post("/api/v1/sla/agreements", manager,
				AgreementFixtures.body(provider, department, List.of(offered, notOffered))).json().get("id").asLong();
		long otherProvider = fixtures.providerParty();
		long otherUnit = fixtures.directory.orgUnit(fixtures.customerParty(), null, "别的局");
		assertThat(api().post("/api/v1/sla/agreements", manager,
				AgreementFixtures.body(otherProvider, otherUnit, List.of())).status()).isEqualTo(201);
		String customerUser = fixtures.directory.user(department);

		WebSession customer = new WebSession(port);
		customer.signIn(customerUser, TestDirectory.PASSWORD, null);
		var list = customer.get("/sla/agreements");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains(partyName(provider)).doesNotContain(partyName(otherProvider));
		var editor = customer.get("/sla/agreements/" + covering);
		assertThat(editor.status()).isEqualTo(200);
		assertThat(editor.body()).contains(serviceName(offered)).doesNotContain(serviceName(notOffered))
			.doesNotContain("id=\"agreement-save\"");
		assertThat(api().get("/api/v1/sla/agreements/" + covering, fixtures.tokenOf(customerUser)).json()
			.get("serviceIds").valueStream().map(id -> id.asLong()).toList()).containsExactly(offered);
	}

	@Test
	void peopleWithoutARoleReadNoAgreement() {
		long id = api().post("/api/v1/sla/agreements", fixtures.managerToken(),
				AgreementFixtures.body(provider, department, List.of())).json().get("id").asLong();
		String noRoleOfTheProvider = fixtures.tokenOf(fixtures.directory.user(
				fixtures.directory.orgUnit(provider, null, "项目部")));
		String noRoleOfManagement = fixtures.tokenOf(fixtures.directory.user(fixtures.managementUnit()));
		for (String token : List.of(noRoleOfTheProvider, noRoleOfManagement)) {
			assertThat(api().get("/api/v1/sla/agreements", token).status()).isEqualTo(403);
			assertThat(api().get("/api/v1/sla/agreements/" + id, token).status()).isEqualTo(403);
		}
	}

	private String partyName(long id) {
		return jdbc.sql("select name from party where id = ?").param(id).query(String.class).single();
	}

	private String serviceName(long id) {
		return jdbc.sql("select name from catalog_service where id = ?").param(id).query(String.class).single();
	}
}
