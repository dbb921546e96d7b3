package org.yunwei.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.crypto.FieldCipher;
import org.yunwei.identity.People;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;

import tools.jackson.databind.JsonNode;

/**
 * The directory's phone numbers sealed at rest (issue 21): no plain number in the table, the number still shown to
 * those who read users, found by number in the directory search, plain numbers of an older installation sealed at
 * start-up, and a number sealed under another key shown as unreadable, never as garbage.
 */
class DirectoryPhoneIntegrationTests extends IntegrationTestSupport {

	private static String admin;

	@Autowired
	private DirectoryPhoneSealing sealing;

	@Autowired
	private People people;

	private DirectoryTesting testing;
	private long unit;

	@BeforeEach
	void setUp() {
		testing = new DirectoryTesting(jdbc, api());
		if (admin == null) {
			admin = adminToken();
		}
		unit = testing.directory.orgUnit(testing.directory.party("PROVIDER", "号码服务方"), null, "一线");
	}

	private String number() {
		// unique per test run, so that the directory search finds exactly this person
		return "139" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
	}

	private long create(String username, String phone) {
		var created = api().post("/api/v1/users", admin, map("username", username, "displayName", "号码 " + username,
				"phone", phone, "orgUnitId", unit, "password", "Initial#2026x"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private String rawRow(long id) {
		return jdbc.sql("select coalesce(phone, '') || ' ' || coalesce(encode(phone_sealed, 'escape'), '') "
				+ "|| ' ' || coalesce(encode(phone_digest, 'hex'), '') from app_user where id = ?")
			.param(id).query(String.class).single();
	}

	@Test
	void aNumberIsStoredSealedYetShownByTheApiThePageAndPeople() {
		String phone = number();
		String username = TestDirectory.unique("phone");
		long id = create(username, phone);

		assertThat(jdbc.sql("select phone from app_user where id = ?").param(id).query(String.class).optional())
			.isEmpty();
		byte[] sealed = jdbc.sql("select phone_sealed from app_user where id = ?").param(id).query(byte[].class)
			.single();
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(phone);
		assertThat(rawRow(id)).doesNotContain(phone);
		assertThat(testing.audited("USER_CREATE", id)[1].toString()).doesNotContain(phone).contains("sealed:");

		JsonNode read = api().get("/api/v1/users/" + id, admin).json();
		assertThat(read.get("phone").asString()).isEqualTo(phone);
		assertThat(read.get("phoneUnreadable").asBoolean()).isFalse();
		assertThat(people.find(id).orElseThrow().phone()).isEqualTo(phone);

		WebSession browser = new WebSession(port);
		browser.follow(browser.signIn(testing.userWith(testing.managementUnit(), "USER_READ", "USER_MANAGE"),
				TestDirectory.PASSWORD, null));
		assertThat(browser.get("/admin/users/" + id).body()).contains(phone).doesNotContain("phone-unreadable");

		String changed = number();
		var updated = api().put("/api/v1/users/" + id, admin,
				map("displayName", "号码 " + username, "phone", changed, "orgUnitId", unit));
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.json().get("phone").asString()).isEqualTo(changed);
		assertThat(rawRow(id)).doesNotContain(changed).doesNotContain(phone);
		assertThat(testing.audited("USER_UPDATE", id)[1].toString()).doesNotContain(changed);
	}

	@Test
	void theDirectorySearchFindsAPersonByTheirWholeNumberHoweverItIsWritten() {
		String phone = number();
		String username = TestDirectory.unique("byphone");
		long id = create(username, phone);
		String spaced = phone.substring(0, 3) + "-" + phone.substring(3, 7) + " " + phone.substring(7);

		JsonNode found = api().get("/api/v1/users?q=" + spaced.replace(" ", "%20"), admin).json().get("items");
		assertThat(found.size()).isOne();
		assertThat(found.get(0).get("id").asLong()).isEqualTo(id);
		// a part of a number finds nobody: the sealed column cannot be searched by parts, and says so by finding none
		assertThat(api().get("/api/v1/users?q=" + phone.substring(0, 7), admin).json().get("items").toString())
			.doesNotContain(username);
	}

	@Test
	void plainNumbersOfAnOlderInstallationAreSealedAtStartAndStillRead() {
		String phone = number();
		String username = TestDirectory.unique("legacy");
		long id = create(username, null);
		// as the directory stored it before V24
		jdbc.sql("update app_user set phone = ?, phone_sealed = null, phone_digest = null where id = ?")
			.params(phone, id).update();
		assertThat(people.find(id).orElseThrow().phone()).isEqualTo(phone);

		assertThat(sealing.sealPlainNumbers()).isPositive();

		assertThat(rawRow(id)).doesNotContain(phone);
		assertThat(jdbc.sql("select count(*) from app_user where phone is not null").query(Long.class).single())
			.isZero();
		assertThat(api().get("/api/v1/users/" + id, admin).json().get("phone").asString()).isEqualTo(phone);
		assertThat(api().get("/api/v1/users?q=" + phone, admin).json().get("items").get(0).get("id").asLong())
			.isEqualTo(id);
		// run again: nothing left to seal, nothing changed
		assertThat(sealing.sealPlainNumbers()).isZero();
		assertThat(api().get("/api/v1/users/" + id, admin).json().get("phone").asString()).isEqualTo(phone);
	}

	@Test
	void aNumberSealedUnderAnotherKeyIsShownAsUnreadableAndKeptWhenTheFormIsSaved() {
		String username = TestDirectory.unique("otherkey");
		long id = create(username, null);
		byte[] otherKey = new byte[FieldCipher.KEY_BYTES];
		Arrays.fill(otherKey, (byte) 7);
		byte[] foreign = new FieldCipher(otherKey, false).seal("13700001111", DirectoryPhones.PURPOSE + ":" + id);
		jdbc.sql("update app_user set phone_sealed = ? where id = ?").params(foreign, id).update();

		JsonNode read = api().get("/api/v1/users/" + id, admin).json();
		assertThat(read.get("phone").isNull()).isTrue();
		assertThat(read.get("phoneUnreadable").asBoolean()).isTrue();
		assertThat(people.find(id).orElseThrow().phone()).isNull();

		WebSession browser = new WebSession(port);
		browser.follow(browser.signIn(testing.userWith(testing.managementUnit(), "USER_READ", "USER_MANAGE"),
				TestDirectory.PASSWORD, null));
		assertThat(browser.get("/admin/users/" + id).body()).contains("phone-unreadable", "无法用本系统当前的密钥解密")
			.doesNotContain("13700001111");

		// saving the profile with the (empty) number keeps the sealed value rather than erase it
		assertThat(api().put("/api/v1/users/" + id, admin, map("displayName", "改名 " + username, "phone", null,
				"orgUnitId", unit)).status()).isEqualTo(200);
		assertThat(jdbc.sql("select phone_sealed from app_user where id = ?").param(id).query(byte[].class).single())
			.isEqualTo(foreign);
		// the suite's other tests share the database: leave no number they would log as unreadable on every read
		jdbc.sql("update app_user set phone_sealed = null where id = ?").param(id).update();
	}
}
