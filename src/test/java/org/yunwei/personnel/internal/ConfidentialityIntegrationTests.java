package org.yunwei.personnel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.yunwei.support.Accounts;
import org.yunwei.support.ApiClient.Response;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;

import tools.jackson.databind.JsonNode;

/**
 * 保密: agreements per person and version with the people without one flagged, checks, and the leak register with the
 * zero-leaks indicator, each placed by its provider and shown as evidence of 4.4.2d, 5.6.2b.2 and 5.6.2b.3.
 */
class ConfidentialityIntegrationTests extends IntegrationTestSupport {

	private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@Test
	void recordsAgreementsChecksAndLeaksAndFlagsThoseWithoutAnAgreement() {
		TestDirectory directory = new TestDirectory(jdbc);
		long provider = directory.party("PROVIDER", TestDirectory.unique("保密运维公司"));
		long unit = directory.orgUnit(provider, null, "运维部");
		String keeperName = directory.user(unit, "SERVICE_DESK_MANAGER");
		String keeper = Accounts.tokenFor(api(), keeperName, TestDirectory.PASSWORD, null);
		long signer = api().post("/api/v1/staff", keeper, map("userId", directory.userId(directory.user(unit,
				"SERVICE_DESK_AGENT")))).json().get("id").asLong();
		long unsigned = api().post("/api/v1/staff", keeper, map("userId", directory.userId(directory.user(unit))))
			.json().get("id").asLong();

		Response signed = api().post("/api/v1/confidentiality-agreements", keeper, map("staffId", signer,
				"version", "2026版", "signedOn", today.toString()));
		assertThat(signed.status()).as(signed.toString()).isEqualTo(201);
		assertThat(api().post("/api/v1/confidentiality-agreements", keeper, map("staffId", signer, "version", "2026版",
				"signedOn", today.toString())).status()).isEqualTo(409);
		Response wrong = api().post("/api/v1/confidentiality-agreements", keeper, map("staffId", signer,
				"version", "2027版", "signedOn", today.plusDays(1).toString(), "expiresOn", today.toString()));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.body()).contains("signedOn", "expiresOn");

		JsonNode flagged = api().get("/api/v1/confidentiality-agreements/unsigned", keeper).json();
		List<Long> ids = new ArrayList<>();
		flagged.forEach(s -> ids.add(s.get("staffId").asLong()));
		assertThat(ids).containsExactly(unsigned);
		assertThat(api().get("/api/v1/confidentiality-agreements", keeper).json().get("items").get(0).get("inForce").asBoolean())
			.isTrue();

		// a check and a leak: the zero-leaks indicator turns, for this provider only
		assertThat(api().get("/api/v1/leak-incidents/indicator", keeper).json().get("zeroLeaks").asBoolean()).isTrue();
		assertThat(api().post("/api/v1/confidentiality-checks", keeper, map("checkedOn", today.toString(),
				"subject", "涉密文件存放", "passed", true)).status()).isEqualTo(201);
		assertThat(api().post("/api/v1/confidentiality-checks", keeper, map("subject", "缺少日期和结论")).status())
			.isEqualTo(400);
		assertThat(api().post("/api/v1/leak-incidents", keeper, map("occurredOn", today.toString(),
				"summary", "外发邮件含内部网络拓扑", "measures", "撤回邮件，全员培训")).status()).isEqualTo(201);
		JsonNode indicator = api().get("/api/v1/leak-incidents/indicator", keeper).json();
		assertThat(indicator.get("leaks").asLong()).isEqualTo(1);
		assertThat(indicator.get("zeroLeaks").asBoolean()).isFalse();
		String otherKeeper = Accounts.tokenFor(api(), directory.user(directory.orgUnit(directory.party("PROVIDER",
				TestDirectory.unique("另一运维公司")), null, "运维部"), "SERVICE_DESK_MANAGER"), TestDirectory.PASSWORD, null);
		assertThat(api().get("/api/v1/leak-incidents/indicator", otherKeeper).json().get("zeroLeaks").asBoolean())
			.isTrue();
		assertThat(api().post("/api/v1/confidentiality-agreements", otherKeeper, map("staffId", unsigned,
				"version", "2026版", "signedOn", today.toString())).body()).contains("staffId");

		// management names the provider, and only a provider
		long management = jdbc.sql("select o.id from org_unit o join party p on p.id = o.party_id "
				+ "where p.kind = 'MANAGEMENT' order by o.id limit 1").query(Long.class).single();
		String manager = Accounts.tokenFor(api(), directory.user(management, "SERVICE_MANAGER"), TestDirectory.PASSWORD,
				null);
		assertThat(api().post("/api/v1/confidentiality-checks", manager, map("checkedOn", today.toString(),
				"subject", "机房门禁", "passed", false)).body()).contains("partyId");
		assertThat(api().post("/api/v1/confidentiality-checks", manager, map("partyId", provider,
				"checkedOn", today.toString(), "subject", "机房门禁", "passed", false)).status()).isEqualTo(201);

		// the register: one without an agreement, the checks, the leak as a gap
		JsonNode agreements = item(manager, "4.4.2d", provider);
		assertThat(agreements.get("state").asString()).isEqualTo("EVIDENCED");
		assertThat(agreements.get("gaps").toString()).contains("1 名人员没有有效的保密协议");
		JsonNode checks = item(manager, "5.6.2b.2", provider);
		assertThat(checks.get("state").asString()).isEqualTo("EVIDENCED");
		assertThat(checks.get("figures").get(0).get("value").asLong()).isEqualTo(2);
		assertThat(item(manager, "5.6.2b.3", provider).get("gaps").toString()).contains("泄密事件 1 起");

		// the page shows the indicator, the flagged person, the check and the leak
		WebSession page = new WebSession(port);
		page.signIn(keeperName, TestDirectory.PASSWORD, null);
		String body = page.get("/confidentiality").body();
		assertThat(body).contains("id=\"unsigned\"", "涉密文件存放", "外发邮件含内部网络拓扑", "alert-danger");
	}

	private JsonNode item(String token, String id, long provider) {
		return api().get("/api/v1/compliance/items/" + id + "?provider=" + provider, token).json().get("item");
	}
}
