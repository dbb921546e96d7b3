package org.yunwei.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.yunwei.YunweiApplication;
import org.yunwei.support.ApiClient;
import org.yunwei.support.TestDatabase;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generate command on databases of its own (never the suite's: other tests count tickets): a small dataset,
 * consistent; a second run that does nothing; a run stopped after its first ticket chunk and resumed that ends
 * exactly where an uninterrupted run ends; and the application working on the result.
 */
class GenerateCommandIntegrationTests {

	private static final int TICKETS = 3_000;
	/** Both databases date their data alike, so that their rows can be compared. */
	private static final String[] ARGS = { "--tickets=" + TICKETS, "--seed=42", "--chunk-size=1000",
			"--anchor=" + java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) };

	private static String interrupted;
	private static String straight;
	private static Path accounts;

	@TempDir
	static Path directory;

	@BeforeAll
	static void generate() {
		interrupted = TestDatabase.createDatabase("dataset_resumed");
		straight = TestDatabase.createDatabase("dataset_straight");
		accounts = directory.resolve("accounts.json");
		// the contributors before the tickets (identity, catalog, sla, ticket-groups and whichever others need only
		// those), then the first ticket chunk, stopping as after a Ctrl+C; one chunk more per run until it is written,
		// so that adding a contributor does not move where the interruption falls
		assertThat(run(interrupted, "--stop-after-chunks=4")).isEqualTo(GenerateCommand.STOPPED);
		for (int tries = 0; tries < 20 && count(interrupted, "select count(*) from ticket") == 0; tries++) {
			assertThat(run(interrupted, "--stop-after-chunks=1")).isEqualTo(GenerateCommand.STOPPED);
		}
		assertThat(count(interrupted, "select count(*) from ticket")).isEqualTo(1_000);
		assertThat(run(interrupted, "--accounts-file=" + accounts)).isEqualTo(GenerateCommand.DONE);
		assertThat(run(straight)).isEqualTo(GenerateCommand.DONE);
	}

	@AfterAll
	static void dropTheDatabases() {
		TestDatabase.dropDatabase(interrupted);
		TestDatabase.dropDatabase(straight);
	}

	private static int run(String url, String... more) {
		String[] args = new String[ARGS.length + more.length + 1];
		System.arraycopy(ARGS, 0, args, 0, ARGS.length);
		System.arraycopy(more, 0, args, ARGS.length, more.length);
		args[args.length - 1] = "--yunwei.db.url=" + url;
		return GenerateCommand.run(YunweiApplication.class, args);
	}

	@Test
	void generatesTheCityAndItsTickets() {
		assertThat(count(interrupted, "select count(*) from ticket")).isEqualTo(TICKETS);
		assertThat(count(interrupted, "select count(*) from party where kind = 'PROVIDER'")).isEqualTo(10);
		assertThat(count(interrupted, "select count(*) from org_unit")).isGreaterThan(300);
		assertThat(count(interrupted, "select count(distinct number) from ticket")).isEqualTo(TICKETS);
		assertThat(count(interrupted, "select count(*) from ticket where status = 'CLOSED'"))
			.isGreaterThan(TICKETS * 85L / 100);
		assertThat(count(interrupted, "select count(*) from ticket where status in ('NEW', 'ASSIGNED', 'IN_PROGRESS', "
				+ "'PENDING')")).isBetween(1L, TICKETS * 10L / 100);
		assertThat(count(interrupted, "select count(distinct channel) from ticket")).isEqualTo(5);
		assertThat(count(interrupted, "select count(*) from ticket_entry where kind in ('REPLY', 'NOTE', 'WORK_LOG')"))
			.isGreaterThan(TICKETS);
		assertThat(count(interrupted, "select count(*) from ticket_rating")).isGreaterThan(TICKETS / 10L);
		// evaluation's record of the finished tickets, which its listeners keep in a running system
		assertThat(count(interrupted, "select count(*) from evaluation_ticket")).isEqualTo(
				count(interrupted, "select count(*) from ticket where status in ('RESOLVED', 'CLOSED')"));
		assertThat(count(interrupted, "select count(*) from audit_record where action = 'DATASET_GENERATED'"))
			.isEqualTo(1);
		// the statistics' daily rollup is built with the data, every ticket counted once on its creation day
		assertThat(count(interrupted, "select count(*) from ticket_volume_rollup")).isEqualTo(1);
		assertThat(count(interrupted, "select count(*) from ticket_volume_change")).isZero();
		assertThat(count(interrupted, "select sum(tickets) from ticket_volume_day where dimension = 1"))
			.isEqualTo(TICKETS);
		// the knowledge base: one published article for every ten tickets, each in the change log its index follows
		assertThat(count(interrupted, "select count(*) from knowledge_article a join knowledge_article_version v"
				+ " on v.id = a.published_version_id where a.status = 'PUBLISHED'")).isEqualTo(TICKETS / 10);
		assertThat(count(interrupted, "select count(*) from knowledge_change")).isEqualTo(TICKETS / 10);
		assertThat(count(interrupted, "select last from knowledge_change_counter")).isEqualTo(TICKETS / 10);
		assertThat(count(interrupted, "select count(*) from knowledge_article where title like '%的%'"
				+ " or title like '%怎么办' or title like '%问题处理'")).isEqualTo(TICKETS / 10);
	}

	/**
	 * The changes: one per twenty tickets (at least 200) on the generated CMDB, every category, state and outcome,
	 * approvals consistent with the state, numbers continuing their days' counters; releases group some of them.
	 */
	@Test
	void generatesChangesOnTheCmdbAndReleasesGroupThem() {
		assertThat(count(interrupted, "select count(*) from change_request")).isEqualTo(200);
		assertThat(count(interrupted, "select count(distinct category) from change_request")).isEqualTo(3);
		assertThat(count(interrupted, "select count(distinct outcome) from change_request")).isEqualTo(3);
		// a change every few days: the old ones closed, cancelled or awaiting review; the newest at an earlier state
		assertThat(count(interrupted, "select count(distinct status) from change_request")).isGreaterThanOrEqualTo(3);
		assertThat(count(interrupted, "select count(distinct status) from change_request where status in ('CLOSED', "
				+ "'CANCELLED')")).isEqualTo(2);
		assertThat(count(interrupted, "select count(*) from change_request where cardinality(ci_ids) = 0")).isZero();
		// every affected item is a generated configuration item
		assertThat(count(interrupted, """
				select count(*) from change_request c, unnest(c.ci_ids) i
				where not exists (select 1 from configuration_item ci where ci.id = i)""")).isZero();
		// approved, implemented or closed with an approval on record, but for the few the register flags
		assertThat(count(interrupted, """
				select count(*) from change_request where status in ('APPROVED', 'IMPLEMENTING', 'IMPLEMENTED', 'CLOSED')
				  and approved_at is null""")).isLessThan(10);
		assertThat(count(interrupted, """
				select count(*) from change_request where status = 'CLOSED'
				  and (review is null or actual_end is null or outcome is null)""")).isZero();
		assertThat(count(interrupted, "select count(*) from change_request where status = 'DRAFT' and submitted_at is not null"))
			.isZero();
		assertThat(count(interrupted, """
				select count(*) from change_number_counter c where c.last <> (select max(split_part(r.number, '-', 3)::int)
				from change_request r where r.number like 'CHG-' || to_char(c.day, 'YYYYMMDD') || '-%')""")).isZero();
		assertThat(count(interrupted, "select count(*) from change_request where title ~ '[一-龥]'"))
			.isEqualTo(200);
		// releases now group generated changes of their provider
		// (at this size few changes are application changes, so only when there are some must a release hold one)
		long application = count(interrupted, "select count(*) from change_request where change_type = 'APPLICATION' "
				+ "and outcome = 'SUCCESSFUL'");
		assertThat(application == 0
				|| count(interrupted, "select count(*) from release_record where cardinality(change_ids) > 0") > 0)
			.as("%d application changes, none in a release", application).isTrue();
		assertThat(count(interrupted, """
				select count(*) from release_record r, unnest(r.change_ids) c
				where not exists (select 1 from change_request x where x.id = c
				  and x.provider_party_id = r.provider_party_id)""")).isZero();
	}

	@Test
	void generatesTwoYearsOfInspectionsAndAWeekOfAutomatedChecks() {
		// three plans per provider (rooms daily; servers and network devices where the CMDB has them)
		assertThat(count(interrupted, "select count(*) from inspection_plan where frequency = 'DAILY'")).isEqualTo(10);
		assertThat(count(interrupted, "select count(distinct party_id) from inspection_plan")).isEqualTo(10);
		// two rooms a day for about two years, per provider
		assertThat(count(interrupted, """
				select count(*) from inspection_task t join inspection_plan p on p.id = t.plan_id
				where p.frequency = 'DAILY'""")).isEqualTo(10L * 2 * 731);
		assertThat(count(interrupted, "select count(*) from inspection_task where status = 'DONE'"))
			.isGreaterThan(count(interrupted, "select count(*) from inspection_task") * 9 / 10);
		assertThat(count(interrupted, "select count(*) from inspection_task where anomalies > 0")).isPositive();
		assertThat(count(interrupted, "select count(*) from inspection_task where status = 'DONE' and results = '{}'"))
			.isZero();
		// weekly tasks fall on Mondays, or on the working day after a Monday that was a holiday
		assertThat(count(interrupted, """
				select count(*) from inspection_task t join inspection_plan p on p.id = t.plan_id
				where p.frequency = 'WEEKLY' and extract(isodow from t.scheduled_on) in (6, 7)""")).isZero();
		// the checks are paused (invented addresses) and carry their last week
		assertThat(count(interrupted, "select count(*) from inspection_check")).isPositive();
		assertThat(count(interrupted, "select count(*) from inspection_check where active")).isZero();
		assertThat(count(interrupted, "select min(n) from (select count(*) as n from inspection_check_result "
				+ "group by check_id) r")).isEqualTo(7L * 24 * 12);
		assertThat(count(interrupted, "select count(*) from inspection_check_result where action = 'TOLD'"))
			.isEqualTo(count(interrupted, "select count(*) from inspection_check_result where action = 'RECOVERED'")
					+ count(interrupted, "select count(*) from inspection_check where failure_told"));
	}

	@Test
	void keepsCountersClocksAndBreachesConsistent() {
		// every day's counter stands at its last number
		assertThat(count(interrupted, """
				select count(*) from ticket_number_counter c where c.last <> (select max(split_part(t.number, '-', 3)::int)
				from ticket t where t.number like c.prefix || '-' || to_char(c.day, 'YYYYMMDD') || '-%')""")).isZero();
		assertThat(count(interrupted, "select count(*) from ticket t where agreement_id is not null and "
				+ "(select count(*) from sla_clock c where c.subject_type = 'ticket' and c.subject_id = t.id::text) <> 2"))
			.isZero();
		// closed: both clocks stopped; resolved: resolution paused; open and not pending: resolution running
		assertThat(count(interrupted, """
				select count(*) from ticket t join sla_clock c on c.subject_type = 'ticket' and c.subject_id = t.id::text
				where t.status = 'CLOSED' and c.state <> 'STOPPED'""")).isZero();
		assertThat(count(interrupted, """
				select count(*) from ticket t join sla_clock c on c.subject_type = 'ticket' and c.subject_id = t.id::text
				  and c.kind = 'RESOLUTION'
				where t.status in ('NEW', 'ASSIGNED', 'IN_PROGRESS') and c.state <> 'RUNNING'""")).isZero();
		// the ticket's breach columns say what the clocks say
		assertThat(count(interrupted, """
				select count(*) from ticket t join sla_clock c on c.subject_type = 'ticket' and c.subject_id = t.id::text
				where c.breached <> ((case c.kind when 'RESPONSE' then t.response_breached_at
				                      else t.resolution_breached_at end) is not null)""")).isZero();
		assertThat(count(interrupted, "select count(*) from ticket where resolution_breached_at is not null"))
			.isPositive();
		// nothing already past is left for the scheduler to raise
		assertThat(count(interrupted, """
				select count(*) from sla_clock_due d, dataset_run r where d.next_deadline <= r.anchor""")).isZero();
		assertThat(count(interrupted, """
				select count(*) from sla_clock c, dataset_run r where c.state = 'RUNNING'
				and c.next_deadline is not null and c.next_deadline <= r.anchor""")).isZero();
	}

	@Test
	void aResumedRunEndsWhereAnUninterruptedOneEnds() {
		for (String table : new String[] { "ticket", "ticket_entry", "ticket_rating", "evaluation_ticket",
				"ticket_number_counter",
				"sla_clock", "sla_clock_event", "sla_clock_due", "catalog_service", "catalog_service_customer",
				"service_level_agreement", "sla_target", "ticket_group", "ticket_group_member",
				"(select * from party where code like 'GEN-%')", "(select * from org_unit where code like 'GEN-%')",
				"problem", "problem_incident", "problem_number_counter",
				"(select problem_id, kind, text, actor_id, actor_name, at from problem_entry)",
				"(select title, body, category, tags, visibility, review_date, created_at from knowledge_article)",
				"change_request", "change_number_counter", "release_record",
				"(select plan_id, target_id, scheduled_on, due_at, assignee_id, status, results, submitted_at "
						+ "from inspection_task)",
				"(select check_id, ran_at, outcome, millis, action from inspection_check_result)" }) {
			String digest = "select md5(string_agg(t::text, '|' order by t::text)) from " + table + " t";
			assertThat(text(interrupted, digest)).as(table).isEqualTo(text(straight, digest));
		}
	}

	@Test
	void theEvaluationContributorWritesTheRatingsDrawnWithTheTickets() throws Exception {
		// about a third of the customer-confirmed closures, scored 5, 4 or 3 (62 / 30 / 8 %)
		long ratings = count(interrupted, "select count(*) from ticket_rating");
		assertThat(ratings).isGreaterThan(TICKETS / 10L).isLessThan(TICKETS / 2L);
		assertThat(count(interrupted, "select count(*) from ticket_rating where score = 5")).isGreaterThan(ratings / 2);
		assertThat(count(interrupted, "select count(*) from ticket_rating where score not in (3, 4, 5)")).isZero();
		// one rating for each RATING entry of a timeline, with its score, words, author and time; on closed tickets
		String ofEntries = """
				select md5(string_agg(concat_ws('|', ticket_id, (details ->> 'score'), body, author_user_id, author_name,
				  created_at), ',' order by ticket_id)) from ticket_entry where kind = 'RATING'""";
		String ofRatings = """
				select md5(string_agg(concat_ws('|', ticket_id, score, comment, rated_by_user_id, rated_by_name, rated_at),
				  ',' order by ticket_id)) from ticket_rating""";
		assertThat(text(interrupted, ofRatings)).isEqualTo(text(interrupted, ofEntries));
		assertThat(count(interrupted, "select count(*) from ticket_rating r join ticket t on t.id = r.ticket_id"
				+ " where t.status <> 'CLOSED'")).isZero();
		// the ratings table is evaluation's: the ticket contributor only publishes what it drew
		assertThat(Files.readString(Path.of("src/main/java/org/yunwei/ticket/internal/dataset/TicketDataset.java")))
			.doesNotContain("ticket_rating");
	}

	@Test
	void theCitysRecurringIncidentsHaveProblems() {
		assertThat(count(interrupted, "select count(*) from problem")).isPositive();
		assertThat(count(interrupted, """
				select count(*) from problem p where (select count(*) from problem_incident i where i.problem_id = p.id)
				not between 2 and 5""")).isZero();
		assertThat(count(interrupted, """
				select count(*) from problem where status in ('IN_PROGRESS', 'RESOLVED', 'CLOSED')
				and (emergency_plan is null or solution is null)""")).isZero();
		assertThat(count(interrupted, "select count(distinct number) from problem"))
			.isEqualTo(count(interrupted, "select count(*) from problem"));
	}

	@Test
	void aSecondRunDoesNothing() {
		long chunks = count(interrupted, "select count(*) from dataset_chunk");
		long entries = count(interrupted, "select count(*) from ticket_entry");
		assertThat(run(interrupted)).isEqualTo(GenerateCommand.DONE);
		assertThat(count(interrupted, "select count(*) from dataset_chunk")).isEqualTo(chunks);
		assertThat(count(interrupted, "select count(*) from ticket_entry")).isEqualTo(entries);
		assertThat(run(interrupted, "--tickets=10")).isEqualTo(GenerateCommand.FAILED);
	}

	@Test
	void theApplicationWorksOnTheGeneratedData() throws Exception {
		JsonNode file = JsonMapper.shared().readTree(Files.readString(accounts));
		assertThat(file.get("agents").size()).isGreaterThanOrEqualTo(50);
		assertThat(file.get("customers").size()).isGreaterThanOrEqualTo(500);
		assertThat(file.get("managers").size()).isGreaterThanOrEqualTo(2);
		JsonNode customer = file.get("customers").get(0);
		try (ConfigurableApplicationContext application = new SpringApplicationBuilder(YunweiApplication.class)
			.run("--yunwei.db.url=" + interrupted, "--server.port=0", "--yunwei.sla.clock-tick=PT1H",
					"--yunwei.audit.seal-interval=1h")) {
			int port = Integer.parseInt(application.getEnvironment().getProperty("local.server.port"));
			ApiClient api = new ApiClient(port);
			var created = api.post("/api/v1/tickets", customer.get("token").asString(), Map.of("type", "INCIDENT",
					"subject", "打印机卡纸", "description", "三楼打印机卡纸，无法打印。", "customerOrgUnitId",
					customer.get("orgUnitId").asLong(), "serviceId", customer.get("serviceIds").get(0).asLong(),
					"impact", 2, "urgency", 2));
			assertThat(created.status()).as(created.toString()).isEqualTo(201);
			String number = created.json().get("ticket").get("number").asString();
			String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString().replace("-", "");
			long generatedToday = count(interrupted, "select count(*) from ticket where number like 'INC-" + today
					+ "-%' and id <> " + created.json().get("ticket").get("id").asLong());
			assertThat(number).isEqualTo("INC-%s-%04d".formatted(today, generatedToday + 1));
			JsonNode agent = file.get("agents").get(0);
			var list = api.get("/api/v1/tickets?status=open", agent.get("token").asString());
			assertThat(list.status()).isEqualTo(200);
		}
	}

	static long count(String url, String sql) {
		return Long.parseLong(text(url, sql));
	}

	static String text(String url, String sql) {
		try (Connection connection = DriverManager.getConnection(url);
				ResultSet rs = connection.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
		catch (SQLException e) {
			throw new IllegalStateException(sql, e);
		}
	}
}
