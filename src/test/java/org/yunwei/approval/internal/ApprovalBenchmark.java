package org.yunwei.approval.internal;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.web.KeysetPage;

/**
 * The inbox's first page (issue 15): one approver with 10,000 decided and 200 waiting items among 1,000,000 approval
 * requests (each with a stage, an assignment, and for the decided a decision), timed through {@link ApprovalInbox}
 * and beside it the raw SQL of the same page. Prints p50/p99 and a {@code BENCH} line; asserts no timing. Its rows
 * have the subject type {@value #SUBJECT_TYPE} and are deleted at the end.
 */
@Tag("benchmark")
class ApprovalBenchmark extends IntegrationTestSupport {

	private static final String SUBJECT_TYPE = "bench-approval";
	private static final int REQUESTS = 1_000_000;
	private static final int DECIDED = 10_000;
	private static final int WAITING = 200;
	private static final int OTHER_APPROVERS = 5_000;
	private static final int RUNS = 500;
	private static final String RAW = """
			select a.id, a.since, r.id, r.summary, r.link, r.requester_id, s.name
			from approval_assignment a
			join approval_request r on r.id = a.request_id
			join approval_request_stage s on s.request_id = a.request_id and s.position = a.stage_position
			where a.waiting and a.approver_id = ?
			order by a.since desc, a.id desc limit 51""";

	@Autowired
	ApprovalInbox inbox;

	@Test
	void inboxFirstPage() {
		TestDirectory directory = new TestDirectory(jdbc);
		long unit = directory.orgUnit(directory.party("PROVIDER", "基准测试公司"), null, "审批组");
		long approver = directory.userId(directory.user(unit));
		long fill = System.nanoTime();
		fill(approver);
		double fillSeconds = (System.nanoTime() - fill) / 1e9;

		for (int i = 0; i < 50; i++) {
			inbox.waiting(approver, null, KeysetPage.DEFAULT_LIMIT);
			jdbc.sql(RAW).param(approver).query().listOfRows();
		}
		long[] facade = new long[RUNS];
		long[] raw = new long[RUNS];
		int items = 0;
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			items = inbox.waiting(approver, null, KeysetPage.DEFAULT_LIMIT).items().size();
			facade[i] = System.nanoTime() - start;
			start = System.nanoTime();
			jdbc.sql(RAW).param(approver).query().listOfRows();
			raw[i] = System.nanoTime() - start;
		}
		Arrays.sort(facade);
		Arrays.sort(raw);
		System.out.printf("approval inbox first page (%d items) of an approver with %d decided, %d waiting among %d "
				+ "requests (fill %.0f s)%n", items, DECIDED, WAITING, REQUESTS, fillSeconds);
		System.out.printf("  inbox (ApprovalInbox) p50 %.2f ms  p99 %.2f ms%n", ms(facade, 50), ms(facade, 99));
		System.out.printf("  raw SQL                p50 %.2f ms  p99 %.2f ms%n", ms(raw, 50), ms(raw, 99));
		System.out.printf("BENCH {\"approvalInboxP50Ms\": %.2f, \"approvalInboxP99Ms\": %.2f, \"approvalRawP50Ms\": %.2f, "
				+ "\"approvalRawP99Ms\": %.2f}%n", ms(facade, 50), ms(facade, 99), ms(raw, 50), ms(raw, 99));
	}

	/** Requests of the built-in policy; the approver's are the last 10,200, the others spread over 5,000 people. */
	private void fill(long approver) {
		long version = jdbc.sql("""
				select v.id from approval_policy_version v join approval_policy p on p.id = v.policy_id
				where p.built_in""").query(Long.class).single();
		long firstOwn = REQUESTS - DECIDED - WAITING + 1;
		jdbc.sql("""
				insert into approval_request (subject_type, subject_id, version_hash, policy_version_id, requester_id,
				  requester_party_id, requester_unit_id, summary, link, outcome, stage_position, requested_at,
				  decided_at)
				select ?, g, md5(g::text) || md5(g::text), ?, 1 + g % 3000, 1, 1, '基准审批 ' || g, '/bench/' || g,
				       case when pending then 'PENDING' else 'GRANTED' end, case when pending then 1 end,
				       now() - (? - g) * interval '1 minute',
				       case when pending then null else now() - (? - g) * interval '1 minute' end
				from (select g, (g % 10 = 0 and g < ?) or g > ? as pending from generate_series(1, ?) g) s""")
			.params(SUBJECT_TYPE, version, REQUESTS, REQUESTS, firstOwn, REQUESTS - WAITING, REQUESTS)
			.update();
		jdbc.sql("""
				insert into approval_request_stage (request_id, position, name, rule, required_count, state,
				  started_at)
				select id, 1, '单位负责人审批', 'ANY', 1, case when outcome = 'PENDING' then 'WAITING' else 'APPROVED' end,
				       requested_at
				from approval_request where subject_type = ?""").param(SUBJECT_TYPE).update();
		jdbc.sql("""
				insert into approval_assignment (request_id, stage_position, approver_id, via, waiting, since)
				select r.id, 1, case when r.subject_id >= ? then ? else 1000000000 + r.subject_id % ? end, 'UNIT_LEAD',
				       r.outcome = 'PENDING', r.requested_at
				from approval_request r where r.subject_type = ?""")
			.params(firstOwn, approver, OTHER_APPROVERS, SUBJECT_TYPE)
			.update();
		jdbc.sql("""
				insert into approval_decision (request_id, stage_position, decider_id, decision, version_hash, seat,
				  decided_at)
				select r.id, 1, a.approver_id, 'APPROVE', r.version_hash, 'person:' || a.approver_id, r.decided_at
				from approval_request r join approval_assignment a on a.request_id = r.id
				where r.subject_type = ? and r.outcome = 'GRANTED'""").param(SUBJECT_TYPE).update();
		for (String table : List.of("approval_request", "approval_request_stage", "approval_assignment",
				"approval_decision")) {
			jdbc.sql("vacuum analyze " + table).update();
		}
	}

	@AfterEach
	void cleanUp() {
		String requests = "select id from approval_request where subject_type = '" + SUBJECT_TYPE + "'";
		jdbc.sql("delete from approval_decision where request_id in (" + requests + ")").update();
		jdbc.sql("delete from approval_assignment where request_id in (" + requests + ")").update();
		jdbc.sql("delete from approval_request_stage where request_id in (" + requests + ")").update();
		jdbc.sql("delete from approval_request where subject_type = ?").param(SUBJECT_TYPE).update();
	}

	private static double ms(long[] sorted, int percentile) {
		return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1e6;
	}
}
