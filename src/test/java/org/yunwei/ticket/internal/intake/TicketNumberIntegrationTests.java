package org.yunwei.ticket.internal.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.ticket.internal.record.Author;
import org.yunwei.ticket.internal.record.Channel;
import org.yunwei.ticket.internal.record.TicketRow;

/**
 * Ticket numbers under concurrency: 8 threads × 500 creations, one in ten rolled back after its number was taken.
 * Every number of a day must be used exactly once from 1 up (no gap, no duplicate), across every test that made
 * tickets today.
 */
class TicketNumberIntegrationTests extends IntegrationTestSupport {

	@Autowired
	TicketIntake intake;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void concurrentCreationsGetEveryNumberOnceWithoutGaps() throws Exception {
		TestDirectory directory = new TestDirectory(jdbc);
		long unit = directory.orgUnit(directory.party("CUSTOMER", "并发单位"), null, "科室");
		TransactionTemplate transaction = new TransactionTemplate(transactionManager);
		List<String> committed = java.util.Collections.synchronizedList(new ArrayList<>());
		try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				int thread = t;
				done.add(threads.submit(() -> {
					for (int n = 0; n < 500; n++) {
						int i = n;
						boolean rollBack = i % 10 == 9;
						String number = transaction.execute(status -> {
							TicketRow row = intake.openForSystem(draft(unit, thread, i), Channel.API,
									Author.system("test"), null);
							if (rollBack) {
								status.setRollbackOnly();
							}
							return row.number();
						});
						if (!rollBack) {
							committed.add(number);
						}
					}
					return null;
				}));
			}
			for (Future<?> future : done) {
				future.get();
			}
		}
		assertThat(committed).hasSize(8 * 450).doesNotHaveDuplicates();
		List<Map<String, Object>> days = jdbc.sql("""
				select substring(number from 5 for 8) as day, count(*) as tickets, count(distinct number) as numbers,
				       max(cast(substring(number from 14) as integer)) as highest
				from ticket where number like 'REQ-%' group by 1""").query().listOfRows();
		assertThat(days).isNotEmpty().allSatisfy(day -> {
			assertThat(day.get("numbers")).isEqualTo(day.get("tickets"));
			assertThat(((Number) day.get("highest")).longValue()).isEqualTo(((Number) day.get("tickets")).longValue());
		});
	}

	private static TicketDraft draft(long unit, int thread, int i) {
		return new TicketDraft("SERVICE_REQUEST", "并发工单 " + thread + "-" + i, "编号测试", unit, null, "测试员",
				null, null, null, null, null, null, null, null, null, null);
	}
}
