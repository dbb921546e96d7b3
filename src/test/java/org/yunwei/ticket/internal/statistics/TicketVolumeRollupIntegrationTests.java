package org.yunwei.ticket.internal.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.PartyKind;
import org.yunwei.support.ApiClient;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.ticket.internal.TicketFixtures;
import org.yunwei.ticket.internal.record.TicketSettings;

/**
 * The daily rollup of created tickets gives the same figures as counting the tickets, whatever happened to them
 * since: created through the API and straight into the table (several at once, as the generator's COPY does), moved
 * to another day across midnight in the service desk's zone, changed in every counted column (to and from "none"),
 * deleted; with the changes still appended, folded, or half of each; for all tickets and for one provider, by day and
 * by month; and after the rollup was counted again from scratch.
 */
class TicketVolumeRollupIntegrationTests extends IntegrationTestSupport {

	private static final EnumSet<TicketStatisticsDimension> ALL = EnumSet.allOf(TicketStatisticsDimension.class);

	@Autowired
	TicketVolumeRollup rollup;

	@Autowired
	TicketVolumeFolding folding;

	@Autowired
	TicketVolumes volumes;

	@Autowired
	TicketSettings settings;

	@Autowired
	PlatformTransactionManager transactionManager;

	TicketFixtures world;
	ZoneId zone;
	DataScope provider;
	DataScope everyone;

	@BeforeEach
	void world() {
		world = new TicketFixtures(jdbc, new ApiClient(port));
		zone = settings.zone();
		provider = new DataScope(PartyKind.PROVIDER, world.providerParty, Set.of());
		everyone = new DataScope(PartyKind.MANAGEMENT, 0, Set.of());
		folding.bringUpToDate();
	}

	@Test
	void countsWhatTheTicketsSayAfterEveryKindOfChange() {
		String bureau = world.token(world.bureauUser);
		List<Long> created = new java.util.ArrayList<>();
		for (int i = 0; i < 3; i++) {
			created.add(world.api.post("/api/v1/tickets", bureau, world.ticket("汇总测试 " + i)).json().get("ticket")
				.get("id").asLong());
		}
		// three more at once, one without service, category or provider, dated around midnight of 2025-03-10 here
		jdbc.sql("""
				insert into ticket (number, type, status, channel, subject, description, reporter_name,
				  customer_org_unit_id, provider_party_id, service_id, category, impact, urgency, priority, created_at)
				select 'ROLLUP-' || gen_random_uuid(), 'SERVICE_REQUEST', 'NEW', 'PHONE', '电话报修', '电话报修', '张三', ?,
				  case when g = 3 then null else ? end, case when g = 3 then null else ? end,
				  case when g = 3 then null else '网络' end, 2, 2, 'P3',
				  (timestamp '2025-03-10 00:00' at time zone ?) + (g - 2) * interval '1 second'
				from generate_series(1, 3) g""")
			.params(world.bureau, world.providerParty, world.service, zone.getId())
			.update();
		assertSameAsCounted("created, nothing folded");

		folding.bringUpToDate();
		assertSameAsCounted("folded");

		// one of each change, left appended
		jdbc.sql("update ticket set status = 'IN_PROGRESS', priority = 'P1', category = null where id = ?")
			.param(created.get(0)).update();
		jdbc.sql("update ticket set created_at = timestamp '2025-03-09 23:59:59' at time zone ? where id = ?")
			.params(zone.getId(), created.get(1)).update();
		jdbc.sql("update ticket set category = '打印机', service_id = null, channel = 'EMAIL', type = 'INCIDENT',"
				+ " customer_org_unit_id = ? where id = ?").params(world.department, created.get(2)).update();
		jdbc.sql("update ticket set provider_party_id = ? where provider_party_id is null and number like 'ROLLUP-%'"
				+ " and customer_org_unit_id = ?").params(world.providerParty, world.bureau).update();
		jdbc.sql("update ticket set subject = '与统计无关的修改' where id = ?").param(created.get(0)).update();
		assertSameAsCounted("changed, not folded");

		folding.bringUpToDate();
		jdbc.sql("delete from ticket where number like 'ROLLUP-%' and customer_org_unit_id = ? and channel = 'PHONE'"
				+ " and created_at = timestamp '2025-03-10 00:00' at time zone ?").params(world.bureau, zone.getId())
			.update();
		jdbc.sql("update ticket set status = 'RESOLVED', resolved_at = now() where id = ?").param(created.get(2)).update();
		jdbc.sql("update ticket set status = 'CLOSED', resolved_at = created_at + interval '1 hour',"
				+ " closed_at = created_at + interval '1 day' where number like 'ROLLUP-%' and customer_org_unit_id = ?")
			.param(world.bureau).update();
		assertSameAsCounted("partly folded");

		folding.bringUpToDate();
		assertSameAsCounted("folded again");

		// reopened: no longer resolved or closed on those days
		jdbc.sql("update ticket set status = 'IN_PROGRESS', resolved_at = null, closed_at = null"
				+ " where number like 'ROLLUP-%' and customer_org_unit_id = ? and category is null").param(world.bureau)
			.update();
		assertSameAsCounted("reopened");

		jdbc.sql("delete from ticket_volume_rollup").update();
		assertThat(rollup.zone()).isEmpty();
		folding.bringUpToDate();
		assertThat(rollup.zone()).contains(zone);
		assertThat(jdbc.sql("select count(*) from ticket_volume_change").query(Long.class).single()).isZero();
		assertSameAsCounted("counted again from scratch");
	}

	@Test
	void onlyAChangeOfACountedColumnAppendsToTheRollup() {
		long id = world.api.post("/api/v1/tickets", world.token(world.bureauUser), world.ticket("无关修改"))
			.json().get("ticket").get("id").asLong();

		assertThat(appendedBy("update ticket set subject = '新的标题', resolution_due_at = now() where id = ?", id))
			.isZero();
		assertThat(appendedBy("update ticket set status = 'IN_PROGRESS' where id = ?", id)).isEqualTo(2);
	}

	/** How many changes the statement appended, counted in its own transaction (a fold cannot take them yet). */
	private long appendedBy(String update, long id) {
		return new TransactionTemplate(transactionManager).execute(status -> {
			jdbc.sql(update).param(id).update();
			return jdbc.sql("select count(*) from ticket_volume_change where xmin = pg_current_xact_id()::xid")
				.query(Long.class)
				.single();
		});
	}

	/** Counted and rolled up in one snapshot, so that a background job's change between the two cannot tell them apart. */
	private void assertSameAsCounted(String when) {
		TransactionTemplate snapshot = new TransactionTemplate(transactionManager);
		snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		snapshot.setReadOnly(true);
		snapshot.executeWithoutResult(status -> assertSameAsCountedInSnapshot(when));
	}

	private void assertSameAsCountedInSnapshot(String when) {
		LocalDate today = LocalDate.now(zone);
		List<TicketStatisticsPeriod> periods = List.of(new TicketStatisticsPeriod(today.minusDays(29), today),
				new TicketStatisticsPeriod(LocalDate.of(2025, 3, 9), LocalDate.of(2025, 3, 9)),
				new TicketStatisticsPeriod(LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 10)),
				new TicketStatisticsPeriod(LocalDate.of(2025, 1, 1), today));
		for (DataScope scope : List.of(provider, everyone)) {
			for (TicketStatisticsPeriod period : periods) {
				for (TicketStatisticsGranularity granularity : java.util.Arrays.asList(null,
						TicketStatisticsGranularity.DAY, TicketStatisticsGranularity.MONTH)) {
					var counted = volumes.countedFromTheTickets(period, scope, ALL, granularity);
					var rolledUp = rollup.volumes(period.from(), period.to(), zone, scope, ALL, granularity);
					assertThat(rolledUp).as("%s: %s %s %s", when, scope.partyKind(), period, granularity)
						.isEqualTo(counted);
				}
			}
		}
		var marchTenth = rollup.volumes(LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 10), zone, provider,
				EnumSet.of(TicketStatisticsDimension.TYPE), null);
		assertThat(marchTenth.created().get(TicketStatisticsDimension.TYPE)).as(when).isNotEmpty();
	}

}
