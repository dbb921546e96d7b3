package org.yunwei.personnel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yunwei.crypto.FieldCipher;
import org.yunwei.support.Accounts;
import org.yunwei.support.ApiClient.Response;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;

import tools.jackson.databind.JsonNode;

class StaffRecordsIntegrationTests extends IntegrationTestSupport {

	private static final String PHONE = "13912345678";
	private static final String ID_NUMBER = "11010519491231002X";

	/** A provider with a desk manager (keeper), an engineer, a person without a role; a second provider; supervision. */
	private final class World {
		final TestDirectory directory = new TestDirectory(jdbc);
		final long provider = directory.party("PROVIDER", TestDirectory.unique("运维公司"));
		final long unit = directory.orgUnit(provider, null, "运维部");
		final String keeper = directory.user(unit, "SERVICE_DESK_MANAGER");
		final String engineer = directory.user(unit, "SERVICE_DESK_AGENT");
		final String other = directory.user(directory.orgUnit(directory.party("PROVIDER", TestDirectory.unique("另一运维公司")),
				null, "运维部"), "SERVICE_DESK_MANAGER");
		final String supervisor = directory.user(directory.orgUnit(directory.party("SUPERVISION",
				TestDirectory.unique("监理公司")), null, "监理组"), "SUPERVISOR");

		String token(String user) {
			return Accounts.tokenFor(api(), user, TestDirectory.PASSWORD, null);
		}

		long userId(String user) {
			return directory.userId(user);
		}
	}

	private long staffCount() {
		return jdbc.sql("select count(*) from staff_member").query(Long.class).single();
	}

	@Test
	void keepsPersonalDataSealedAtRestAndShowsItOnlyToKeepersAndThePerson() {
		World world = new World();
		String keeper = world.token(world.keeper);
		Response created = api().post("/api/v1/staff", keeper, map("userId", world.userId(world.engineer),
				"skills", List.of("网络运维", "数据库运维", "网络运维"), "xinchuangProducts", List.of("麒麟操作系统", "达梦数据库"),
				"clearance", "classified_site", "clearanceUntil", "2030-12-31", "joinedOn", "2026-11-01",
				"phone", PHONE, "idNumber", "11010519491231002x"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode view = created.json();
		long id = view.get("id").asLong();
		assertThat(view.get("phone").asString()).isEqualTo(PHONE);
		assertThat(view.get("idNumber").asString()).isEqualTo(ID_NUMBER);
		assertThat(view.get("skills")).hasSize(2);
		assertThat(view.get("clearance").asString()).isEqualTo("CLASSIFIED_SITE");

		// a raw read of the row shows no plaintext, in any column, nor does the audit trail
		assertThat(jdbc.sql("select phone_sealed is not null and id_number_sealed is not null from staff_member where id = ?")
			.param(id).query(Boolean.class).single()).isTrue();
		assertThat(StaffRowText.of(jdbc, id)).doesNotContain(PHONE, ID_NUMBER, "13912", "110105");
		String audited = jdbc.sql("select string_agg(a::text, ' ') from audit_record a where object_type = 'staff_member' and object_id = ?")
			.param(String.valueOf(id)).query(String.class).single();
		assertThat(audited).contains("sealed").doesNotContain(PHONE, ID_NUMBER);

		// supervision reads the record without the personal data; the engineer reads it as their own
		JsonNode supervised = api().get("/api/v1/staff/" + id, world.token(world.supervisor)).json();
		assertThat(supervised.get("personalDataShown").asBoolean()).isFalse();
		assertThat(supervised.get("phone").isNull()).isTrue();
		String engineer = world.token(world.engineer);
		assertThat(api().get("/api/v1/staff/" + id, engineer).status()).isEqualTo(403);
		JsonNode mine = api().get("/api/v1/staff/me", engineer).json();
		assertThat(mine.get("id").asLong()).isEqualTo(id);
		assertThat(mine.get("idNumber").asString()).isEqualTo(ID_NUMBER);
		assertThat(mine.get("mayManage").asBoolean()).isFalse();

		// another provider's keeper neither sees nor records this provider's people
		String other = world.token(world.other);
		assertThat(api().get("/api/v1/staff/" + id, other).status()).isEqualTo(404);
		assertThat(api().get("/api/v1/staff", other).body()).doesNotContain("\"id\":" + id + ",");
		Response foreign = api().post("/api/v1/staff", other, map("userId", world.userId(world.keeper)));
		assertThat(foreign.status()).isEqualTo(400);
		assertThat(foreign.body()).contains("userId");

		// the page shows the keeper the numbers, and supervision a note that they are hidden
		WebSession keeperPage = new WebSession(port);
		keeperPage.signIn(world.keeper, TestDirectory.PASSWORD, null);
		assertThat(keeperPage.get("/staff/" + id).body()).contains(PHONE, ID_NUMBER, "麒麟操作系统", "涉密场所");
		WebSession supervisorPage = new WebSession(port);
		supervisorPage.signIn(world.supervisor, TestDirectory.PASSWORD, null);
		assertThat(supervisorPage.get("/staff/" + id).body()).doesNotContain(PHONE, ID_NUMBER)
			.contains("staff-personal-hidden");
	}

	@Test
	void aValueSealedWithAnotherKeyIsReportedUnreadableNeverShownAsSomethingElse() {
		World world = new World();
		String keeper = world.token(world.keeper);
		long person = world.userId(world.engineer);
		long id = api().post("/api/v1/staff", keeper, map("userId", person, "phone", PHONE)).json().get("id").asLong();
		byte[] otherKey = new byte[FieldCipher.KEY_BYTES];
		Arrays.fill(otherKey, (byte) 9);
		jdbc.sql("update staff_member set phone_sealed = ? where id = ?")
			.params(new FieldCipher(otherKey, false).seal("13000000000", "staff_member.phone:" + person), id)
			.update();
		JsonNode view = api().get("/api/v1/staff/" + id, keeper).json();
		assertThat(view.get("personalDataUnreadable").asBoolean()).isTrue();
		assertThat(view.get("phone").isNull()).isTrue();
		assertThat(view.toString()).doesNotContain("13000000000");
		WebSession page = new WebSession(port);
		page.signIn(world.keeper, TestDirectory.PASSWORD, null);
		assertThat(page.get("/staff/" + id).body()).contains("staff-personal-unreadable").doesNotContain("13000000000");
	}

	@Test
	void refusesBadInputWithEveryWrongFieldAndChangesNothing() {
		World world = new World();
		String keeper = world.token(world.keeper);
		long before = staffCount();
		Response refused = api().post("/api/v1/staff", keeper, map("userId", world.userId(world.engineer),
				"idNumber", "110105194912310021", "phone", "call me", "clearance", "ROOFTOP"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().toString()).contains("idNumber", "phone", "clearance");
		assertThat(staffCount()).isEqualTo(before);
		assertThat(api().post("/api/v1/staff", keeper, map()).status()).isEqualTo(400);
		assertThat(api().post("/api/v1/staff", world.token(world.engineer), map("userId", world.userId(world.engineer)))
			.status()).isEqualTo(403);

		long id = api().post("/api/v1/staff", keeper, map("userId", world.userId(world.engineer))).json().get("id")
			.asLong();
		assertThat(api().post("/api/v1/staff", keeper, map("userId", world.userId(world.engineer))).status())
			.isEqualTo(409);
		Response backwards = api().post("/api/v1/staff/" + id + "/certificates", keeper,
				map("name", "CCNP", "issuedOn", "2026-01-01", "expiresOn", "2025-01-01"));
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.body()).contains("expiresOn");
		assertThat(jdbc.sql("select count(*) from staff_certificate where staff_id = ?").param(id).query(Long.class)
			.single()).isZero();
	}

	@Test
	void flagsExpiredCertificatesAndRevisesTheRecord() {
		World world = new World();
		String keeper = world.token(world.keeper);
		long id = api().post("/api/v1/staff", keeper, map("userId", world.userId(world.engineer), "phone", PHONE))
			.json().get("id").asLong();
		api().post("/api/v1/staff/" + id + "/certificates", keeper, map("name", "信息安全保障人员认证",
				"expiresOn", "2021-06-30"));
		JsonNode view = api().post("/api/v1/staff/" + id + "/certificates", keeper, map("name", "PMP")).json();
		assertThat(view.get("certificates")).hasSize(2);
		assertThat(view.get("certificates").get(0).get("expired").asBoolean()).isTrue();
		assertThat(view.get("certificates").get(1).get("expired").asBoolean()).isFalse();
		JsonNode line = api().get("/api/v1/staff?limit=200", keeper).json().get("items").get(0);
		assertThat(line.get("expiredCertificates").asLong()).isEqualTo(1);
		// the register: 5.4.2a evidenced by the certificates, the expired one a gap (a provider reads its own)
		JsonNode item = api().get("/api/v1/compliance/items/5.4.2a", keeper).json().get("item");
		assertThat(item.get("state").asString()).isEqualTo("EVIDENCED");
		assertThat(item.get("gaps").toString()).contains("1 个资质证书已过期");

		// a revision replaces what the record says: the phone removed, a clearance given
		JsonNode revised = api().put("/api/v1/staff/" + id, keeper, map("clearance", "MACHINE_ROOM")).json();
		assertThat(revised.get("phone").isNull()).isTrue();
		assertThat(revised.get("clearance").asString()).isEqualTo("MACHINE_ROOM");
		assertThat(jdbc.sql("select phone_sealed is null from staff_member where id = ?").param(id)
			.query(Boolean.class).single()).isTrue();
		long removed = view.get("certificates").get(0).get("id").asLong();
		assertThat(api().delete("/api/v1/staff/" + id + "/certificates/" + removed, keeper).json().get("certificates"))
			.hasSize(1);
	}

	@Test
	void theKeepersPagesRecordAPersonAndShowTheFormAgainWithTheMistakes() {
		World world = new World();
		WebSession keeper = new WebSession(port);
		keeper.signIn(world.keeper, TestDirectory.PASSWORD, null);
		assertThat(keeper.get("/staff/new").body()).contains(world.engineer);
		WebSession.Page refused = keeper.post("/staff", Map.of("userId", String.valueOf(world.userId(world.engineer)),
				"idNumber", "123", "skills", "网络，安全"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("idNumber-error", "网络，安全");
		WebSession.Page saved = keeper.post("/staff", Map.of("userId", String.valueOf(world.userId(world.engineer)),
				"skills", "网络，安全", "xinchuangProducts", "统信UOS", "clearance", "NONE"));
		assertThat(saved.status()).isEqualTo(302);
		String page = keeper.follow(saved).body();
		assertThat(page).contains("统信UOS", "网络", "安全");
	}
}
