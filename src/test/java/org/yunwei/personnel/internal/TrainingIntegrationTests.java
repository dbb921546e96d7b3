package org.yunwei.personnel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yunwei.support.Accounts;
import org.yunwei.support.ApiClient.Response;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;

import tools.jackson.databind.JsonNode;

/**
 * Training: a plan with its needs, a course, a session with attendance and an exam, the scores marked against the
 * pass score, the person's record, and the evidence of 5.2.2d with untrained new staff as a gap.
 */
class TrainingIntegrationTests extends IntegrationTestSupport {

	private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@Test
	void scoresAnExamAgainstItsPassScoreAndKeepsEachPersonsRecord() {
		TestDirectory directory = new TestDirectory(jdbc);
		long provider = directory.party("PROVIDER", TestDirectory.unique("培训运维公司"));
		long unit = directory.orgUnit(provider, null, "运维部");
		String keeper = Accounts.tokenFor(api(), directory.user(unit, "SERVICE_DESK_MANAGER"), TestDirectory.PASSWORD,
				null);
		String passingName = directory.user(unit, "SERVICE_DESK_AGENT");
		long passing = staff(keeper, directory.userId(passingName), today.minusYears(3));
		long failing = staff(keeper, directory.userId(directory.user(unit)), today.minusYears(2));
		long newcomer = staff(keeper, directory.userId(directory.user(unit)), today.minusDays(10));
		long otherUnit = directory.orgUnit(directory.party("PROVIDER", TestDirectory.unique("另一运维公司")), null, "运维部");
		String otherKeeper = Accounts.tokenFor(api(), directory.user(otherUnit, "SERVICE_DESK_MANAGER"),
				TestDirectory.PASSWORD, null);
		long foreign = staff(otherKeeper, directory.userId(directory.user(otherUnit)), today.minusYears(1));

		JsonNode plan = api().post("/api/v1/trainings", keeper, map("year", today.getYear(), "title", "年度安全培训",
				"needs", "等保测评发现安全意识薄弱")).json();
		long planId = plan.get("id").asLong();
		assertThat(plan.get("needs").asString()).contains("安全意识");
		assertThat(api().post("/api/v1/trainings/" + planId + "/courses", keeper, map("title", "钓鱼邮件识别",
				"category", "PHISHING")).status()).isEqualTo(400);
		long course = api().post("/api/v1/trainings/" + planId + "/courses", keeper, map("title", "钓鱼邮件识别",
				"category", "SECURITY_AWARENESS", "hours", 2)).json().get("courses").get(0).get("id").asLong();
		long session = api().post("/api/v1/trainings/" + planId + "/sessions", keeper, map("courseId", course,
				"heldOn", today.toString(), "trainer", "张老师")).json().get("id").asLong();
		String base = "/api/v1/trainings/" + planId + "/sessions/" + session;

		// attendees are the plan's provider's people; scores need an exam, and fit it
		assertThat(api().put(base + "/attendance", keeper, map("staffIds", List.of(passing, foreign))).status())
			.isEqualTo(400);
		api().put(base + "/attendance", keeper, map("staffIds", List.of(passing, failing)));
		assertThat(api().put(base + "/scores", keeper, map("scores", List.of(map("staffId", passing, "score", 90))))
			.status()).isEqualTo(422);
		assertThat(api().put(base + "/exam", keeper, map("title", "安全意识考核", "maxScore", 100, "passScore", 120))
			.status()).isEqualTo(400);
		api().put(base + "/exam", keeper, map("title", "安全意识考核", "maxScore", 100, "passScore", 60));
		Response wrong = api().put(base + "/scores", keeper, map("scores", List.of(map("staffId", passing,
				"score", 101), map("staffId", newcomer, "score", 80))));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.body()).contains("scores[0].score", "scores[1].staffId");
		JsonNode scored = api().put(base + "/scores", keeper, map("scores", List.of(map("staffId", passing,
				"score", 60), map("staffId", failing, "score", 59.5)))).json();
		JsonNode attendees = scored.get("courses").get(0).get("sessions").get(0).get("attendees");
		assertThat(attendees).hasSize(2);
		for (JsonNode attendee : attendees) {
			boolean passed = attendee.get("staffId").asLong() == passing;
			assertThat(attendee.get("passed").asBoolean()).as(attendee.toString()).isEqualTo(passed);
		}

		// the person's record, by the keeper and by the person
		JsonNode record = api().get("/api/v1/staff/" + passing + "/trainings", keeper).json();
		assertThat(record).hasSize(1);
		assertThat(record.get(0).get("courseTitle").asString()).isEqualTo("钓鱼邮件识别");
		assertThat(new BigDecimal(record.get(0).get("score").asString())).isEqualByComparingTo("60");
		assertThat(record.get(0).get("passed").asBoolean()).isTrue();
		String person = Accounts.tokenFor(api(), passingName, TestDirectory.PASSWORD, null);
		assertThat(api().get("/api/v1/staff/me/trainings", person).json()).hasSize(1);
		assertThat(api().get("/api/v1/trainings/" + planId, otherKeeper).status()).isEqualTo(404);

		// the register: the plan and the session; the newcomer without training is a gap; 安全意识 is evidenced
		long management = jdbc.sql("select o.id from org_unit o join party p on p.id = o.party_id "
				+ "where p.kind = 'MANAGEMENT' order by o.id limit 1").query(Long.class).single();
		String manager = Accounts.tokenFor(api(), directory.user(management, "SERVICE_MANAGER"), TestDirectory.PASSWORD,
				null);
		JsonNode item = api().get("/api/v1/compliance/items/5.2.2d?provider=" + provider, manager).json().get("item");
		assertThat(item.get("state").asString()).isEqualTo("EVIDENCED");
		assertThat(item.get("gaps").toString()).contains("1 名新入职人员");
		JsonNode security = api().get("/api/v1/compliance/items/5.6.2a.3?provider=" + provider, manager).json()
			.get("item");
		assertThat(security.get("state").asString()).isEqualTo("EVIDENCED");
		assertThat(api().get("/api/v1/compliance/items/5.6.2b.1?provider=" + provider, manager).json().get("item")
			.get("state").asString()).isEqualTo("PARTIAL");
	}

	private long staff(String keeper, long userId, LocalDate joinedOn) {
		Response created = api().post("/api/v1/staff", keeper, Map.of("userId", userId, "joinedOn", joinedOn.toString()));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asLong();
	}
}
