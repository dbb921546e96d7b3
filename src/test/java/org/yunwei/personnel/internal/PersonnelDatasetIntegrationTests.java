package org.yunwei.personnel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.dataset.DatasetAccount;
import org.yunwei.dataset.DatasetContext;
import org.yunwei.dataset.DatasetPlan;
import org.yunwei.support.Accounts;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;

import tools.jackson.databind.JsonNode;

/** The generator's staff records: every person of a generated provider, sealed data that opens, training; once. */
class PersonnelDatasetIntegrationTests extends IntegrationTestSupport {

	@Autowired
	PersonnelDataset dataset;

	@Test
	void recordsEveryPersonOfTheGeneratedProvidersWithCertificatesAndTrainingOnce() {
		TestDirectory directory = new TestDirectory(jdbc);
		long party = directory.party("PROVIDER", TestDirectory.unique("生成运维公司"));
		long unit = directory.orgUnit(party, null, "运维部");
		String keeper = directory.user(unit, "SERVICE_DESK_MANAGER");
		String agent = directory.user(unit, "SERVICE_DESK_AGENT");
		directory.user(unit, "SERVICE_DESK_AGENT");
		jdbc.sql("insert into post (org_unit_id, name, responsibilities) values (?, '网络运维岗', '')").param(unit)
			.update();
		DatasetContext context = new DatasetContext();
		context.put(DatasetContext.ACCOUNTS, List.of(new DatasetAccount(DatasetAccount.Role.AGENT,
				directory.userId(agent), agent, "token", party, unit)));
		DatasetPlan plan = new DatasetPlan(42, 0, 1_000, Instant.parse("2026-11-01T02:00:00Z"));

		long rows = dataset.generate(plan, 0, context);
		assertThat(rows).isGreaterThan(3);
		assertThat(jdbc.sql("select count(*) from staff_member where party_id = ?").param(party).query(Long.class)
			.single()).isEqualTo(3);
		assertThat(jdbc.sql("""
				select count(*) from training_course c join training_plan p on p.id = c.plan_id
				where p.party_id = ? and p.year = 2026""").param(party).query(Long.class).single()).isEqualTo(4);
		assertThat(jdbc.sql("""
				select count(*) from training_attendance a join training_session s on s.id = a.session_id
				where s.exam_title is not null and a.score between 55 and 100
				  and a.staff_id in (select id from staff_member where party_id = ?)""").param(party)
			.query(Long.class).single()).isPositive();

		// the sealed numbers open with the installation's key and are well-formed; the raw rows hold no plaintext
		String token = Accounts.tokenFor(api(), keeper, TestDirectory.PASSWORD, null);
		for (long id : jdbc.sql("select id from staff_member where party_id = ?").param(party).query(Long.class)
			.list()) {
			JsonNode record = api().get("/api/v1/staff/" + id, token).json();
			assertThat(record.get("personalDataUnreadable").asBoolean()).isFalse();
			assertThat(record.get("phone").asString()).matches("1[3-9][0-9]{9}");
			assertThat(ChineseIdNumber.normalise(record.get("idNumber").asString())).isNotNull();
			assertThat(record.get("skills").size()).isBetween(1, 3);
			assertThat(StaffRowText.of(jdbc, id)).doesNotContain(record.get("phone").asString());
		}

		// a second run finds everyone recorded and adds nothing
		assertThat(dataset.generate(plan, 0, context)).isZero();
		assertThat(jdbc.sql("select count(*) from training_plan where party_id = ?").param(party).query(Long.class)
			.single()).isEqualTo(1);
	}
}
