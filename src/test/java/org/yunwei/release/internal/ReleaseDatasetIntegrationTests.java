package org.yunwei.release.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.dataset.DatasetAccount;
import org.yunwei.dataset.DatasetContext;
import org.yunwei.dataset.DatasetPlan;
import org.yunwei.support.IntegrationTestSupport;

/**
 * The generator's releases: two a month over two years for a provider, consistent with their state (a completed one
 * approved, deployed and with its completion record), the same rows for the same seed, readable through the API.
 */
class ReleaseDatasetIntegrationTests extends IntegrationTestSupport {

	@Autowired
	ReleaseDataset dataset;

	@Test
	void writesTwoYearsOfReleasesForAProviderConsistentWithTheirState() {
		ReleaseWorld world = new ReleaseWorld(jdbc, api());
		long agent = world.directory.userId(world.agent);
		DatasetContext context = new DatasetContext();
		context.put(DatasetContext.ACCOUNTS, List.of(new DatasetAccount(DatasetAccount.Role.AGENT, agent, world.agent,
				null, world.providerParty, world.providerUnit)));
		Instant anchor = Instant.now().truncatedTo(ChronoUnit.MINUTES);
		long written = dataset.generate(new DatasetPlan(7, 0, 1000, anchor), 0, context);

		assertThat(written).isEqualTo(ReleaseDataset.MONTHS * 2L);
		String mine = " from release_record where provider_party_id = " + world.providerParty;
		assertThat(count("select count(*)" + mine)).isEqualTo(written);
		assertThat(count("select count(*)" + mine + " and status = 'COMPLETED'")).isPositive();
		assertThat(count("select count(*)" + mine + " and status = 'COMPLETED' and (approved_at is null "
				+ "or deployment is null or completion_note is null or completed_at < approved_at)")).isZero();
		assertThat(count("select count(*)" + mine + " and created_at < ?", anchor.minus(700, ChronoUnit.DAYS)))
			.isPositive();
		assertThat(count("select count(*)" + mine + " and created_at > ?", anchor)).isZero();
		assertThat(count("select count(distinct number)" + mine)).isEqualTo(written);

		long any = jdbc.sql("select id" + mine + " order by id limit 1").query(Long.class).single();
		var read = api().get("/api/v1/releases/" + any, world.token(world.manager));
		assertThat(read.status()).as(read.body()).isEqualTo(200);
		assertThat(read.json().get("title").asString()).endsWith("发布");
	}

	private long count(String sql, Object... params) {
		return jdbc.sql(sql).params(List.of(params).stream().map(p -> p instanceof Instant i
				? java.sql.Timestamp.from(i) : p).toList()).query(Long.class).single();
	}
}
