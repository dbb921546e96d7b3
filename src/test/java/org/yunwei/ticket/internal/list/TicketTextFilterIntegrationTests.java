package org.yunwei.ticket.internal.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.PartyKind;
import org.yunwei.support.ApiClient;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.ticket.internal.TicketFixtures;
import org.yunwei.ticket.internal.record.TicketRecords;
import org.yunwei.ticket.internal.record.TicketRow;

import tools.jackson.databind.JsonNode;

/**
 * The list's text filter ({@code q}) finds exactly the tickets whose subject contains the text, ignoring case, with
 * {@code %}, {@code _} and {@code \} taken literally, whichever way it is read: in list order (a text common among
 * the tickets) or by the subjects' index of bigrams and characters (a rare one, migrations V10 and V11). The
 * world: a provider of its own with {@value #ROUTINE} routine tickets (more than the first stretch read in list order,
 * so that the rare texts below turn to the index), every {@value #GATEWAY_EVERY}th of them about a gateway (a text
 * neither common nor rare), and the subjects the tests search among them; some due, some not.
 */
class TicketTextFilterIntegrationTests extends IntegrationTestSupport {

	static final int ROUTINE = TicketSearch.FIRST_STRETCH + 500;
	static final int GATEWAY_EVERY = 100;
	static final List<String> SUBJECTS = List.of("机房 UPS 电池告警", "ups 电池更换", "Ups 电池 老化", "UPS电池", "打印机卡纸",
			"Printer 打印机 offline", "100% CPU 告警", "磁盘使用率 100%", "连接数 1000", "file_name 错误", "fileXname 错误",
			"filename 错误", "路径 C:\\temp 无法访问", "路径 C:temp 无法访问", "短");

	static TicketFixtures world;
	static String agent;

	@Autowired
	TicketSearch search;

	@Autowired
	PlatformTransactionManager transactions;

	ApiClient api;

	@BeforeEach
	void world() {
		api = new ApiClient(port);
		if (world != null) {
			return;
		}
		world = new TicketFixtures(jdbc, api);
		agent = world.token(world.agent);
		Instant start = Instant.now().minus(Duration.ofDays(30));
		// the searched subjects spread among the routine tickets, in creation order and in due order
		jdbc.sql("""
				insert into ticket (number, type, status, channel, subject, description, reporter_name,
				    customer_org_unit_id, provider_party_id, impact, urgency, priority, resolution_due_at, created_at)
				select ? || '-' || g, 'INCIDENT', 'ASSIGNED', 'PHONE',
				    case when g % ? = 0 then '例行巡检 网关 #' || g else '例行巡检 #' || g end, '', '值班员', ?, ?, 3, 3,
				    'P4', case when g % 3 <> 0 then cast(? as timestamptz) + (g % 97) * interval '1 hour' end,
				    cast(? as timestamptz) + g * interval '1 minute'
				from generate_series(1, ?) g""")
			.params(TestDirectory.unique("TXT"), GATEWAY_EVERY, world.bureau, world.providerParty,
					Timestamp.from(start), Timestamp.from(start), ROUTINE)
			.update();
		for (int i = 0; i < SUBJECTS.size(); i++) {
			jdbc.sql("""
					insert into ticket (number, type, status, channel, subject, description, reporter_name,
					    customer_org_unit_id, provider_party_id, impact, urgency, priority, resolution_due_at,
					    created_at)
					values (?, 'INCIDENT', 'ASSIGNED', 'PHONE', ?, '', '值班员', ?, ?, 3, 3, 'P4', ?, ?)""")
				.params(TestDirectory.unique("TXT"), SUBJECTS.get(i), world.bureau, world.providerParty,
						i % 2 == 0 ? Timestamp.from(start.plus(Duration.ofHours(i * 7))) : null,
						Timestamp.from(start.plus(Duration.ofMinutes(i * 97L))))
				.update();
		}
		jdbc.sql("analyze ticket").update();
	}

	@Test
	void findsChineseAndAsciiTextInAnyCaseSpacesIncluded() {
		assertThat(subjects("UPS 电池")).containsExactlyInAnyOrder("机房 UPS 电池告警", "ups 电池更换", "Ups 电池 老化");
		assertThat(subjects("ups电池")).containsExactly("UPS电池");
		assertThat(subjects("电池")).containsExactlyInAnyOrder("机房 UPS 电池告警", "ups 电池更换", "Ups 电池 老化", "UPS电池");
		assertThat(subjects("打印机")).containsExactlyInAnyOrder("打印机卡纸", "Printer 打印机 offline");
		assertThat(subjects("PRINTER 打印")).containsExactly("Printer 打印机 offline");
		assertThat(subjects("机房 UPS 电池告警，另有很长的一段说明超过了主题")).isEmpty();
	}

	@Test
	void takesWildcardsAndBackslashesLiterally() {
		assertThat(subjects("100%")).containsExactlyInAnyOrder("100% CPU 告警", "磁盘使用率 100%");
		assertThat(subjects("file_name")).containsExactly("file_name 错误");
		assertThat(subjects("C:\\temp")).containsExactly("路径 C:\\temp 无法访问");
	}

	@Test
	void aSingleCharacterIsFoundAndTurnsToTheIndexWhenRare() {
		assertThat(subjects("%")).containsExactlyInAnyOrder("100% CPU 告警", "磁盘使用率 100%");
		assertThat(subjects("_")).containsExactly("file_name 错误");
		assertThat(subjects("池")).containsExactlyInAnyOrder("机房 UPS 电池告警", "ups 电池更换", "Ups 电池 老化", "UPS电池");
		assertThat(subjects("短")).containsExactly("短");
		assertThat(subjects("X")).containsExactly("fileXname 错误");
		// read in list order first, like any text; the index's statement once the character proves rare
		List<TicketSearch.Statement> statements = search.statements(query("池"), providerScope(),
				TicketSearch.Part.CREATED, TicketQuery.MAX_LIMIT);
		assertThat(statements).hasSize(2);
		assertThat(statements.get(1).sql()).contains("ticket_text_grams(subject) @> ticket_text_sought(?)")
			.startsWith("with found as materialized");
	}

	@Test
	void everyTextGivesTheIlikesTicketsInListOrderPageByPage() {
		// common (every routine ticket, "#1" in 40 %), in one of a hundred (read in order, stretch after stretch),
		// rare (by the index), and one character; both sorts; pages of 200 and, for the shorter lists, of 2
		for (String q : List.of("例行巡检", "#1", "网关", "UPS 电池", "打印机", "100%", "file_name", "c:\\TEMP", "池")) {
			for (String sort : List.of("CREATED", "DUE")) {
				List<Long> expected = ilike(q, sort);
				assertThat(walk(q, sort, 200)).as("q=%s, sort=%s", q, sort).containsExactlyElementsOf(expected);
				if (expected.size() <= 50) {
					assertThat(walk(q, sort, 2)).as("q=%s, sort=%s", q, sort).containsExactlyElementsOf(expected);
				}
			}
		}
		assertThat(ilike("网关", "CREATED")).hasSize(ROUTINE / GATEWAY_EVERY);
	}

	@Test
	void theSubjectIndexFindsWhatTheIlikeFinds() {
		DataScope scope = providerScope();
		for (String q : List.of("UPS 电池", "ups电池", "打印机", "PRINTER", "100%", "file_name", "C:\\temp", "网关", "#12",
				"机房 UPS 电池告警，另有很长的一段说明超过了主题", "池", "短", "%", "_", "x", "P", "\\")) {
			TicketQuery query = query(q);
			TicketSearch.Statement indexed = search.statement(query, scope, TicketSearch.Part.CREATED,
					TicketQuery.MAX_LIMIT, TicketSearch.Text.INDEXED);
			TicketSearch.Statement plain = search.statement(query, scope, TicketSearch.Part.CREATED,
					TicketQuery.MAX_LIMIT, TicketSearch.Text.PLAIN);
			assertThat(indexed.sql()).contains("ticket_text_grams(subject) @>");
			// only bitmap scans allowed: the subjects' index is the one that can serve the text
			List<String> plan = new ArrayList<>();
			List<Long> found = new TransactionTemplate(transactions).execute(status -> {
				jdbc.sql("set local enable_seqscan = off").update();
				jdbc.sql("set local enable_indexscan = off").update();
				plan.addAll(jdbc.sql("explain " + indexed.sql()).params(indexed.params()).query(String.class).list());
				return ids(indexed);
			});
			assertThat(String.join("\n", plan)).as(q).contains("ticket_subject_grams_idx");
			assertThat(found).as(q).containsExactlyElementsOf(ids(plain));
		}
	}

	private static TicketQuery query(String q) {
		return TicketQuery.of(null, null, null, null, null, null, null, null, null, null, null, q, null,
				TicketQuery.MAX_LIMIT, null);
	}

	private static DataScope providerScope() {
		return new DataScope(PartyKind.PROVIDER, world.providerParty, Set.of());
	}

	private List<Long> ids(TicketSearch.Statement statement) {
		return jdbc.sql(statement.sql()).params(statement.params()).query(TicketRecords.ROW).list().stream()
			.map(TicketRow::id)
			.toList();
	}

	/** The subjects of the whole list through the API, newest first. */
	private List<String> subjects(String q) {
		JsonNode page = api.get("/api/v1/tickets?limit=200&q=" + encode(q), agent).json();
		assertThat(page.get("next").isNull()).isTrue();
		return page.get("items").valueStream().map(t -> t.get("subject").asString()).toList();
	}

	/** The ids of every page through the API, following the cursor. */
	private List<Long> walk(String q, String sort, int limit) {
		List<Long> ids = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = api.get("/api/v1/tickets?sort=" + sort + "&limit=" + limit + "&q=" + encode(q)
					+ (cursor == null ? "" : "&cursor=" + cursor), agent).json();
			page.get("items").valueStream().forEach(t -> ids.add(t.get("id").asLong()));
			cursor = page.get("next").isNull() ? null : page.get("next").asString();
		}
		while (cursor != null);
		return ids;
	}

	/** What the filter means: PostgreSQL's own ilike over the provider's tickets, in the list's order. */
	private List<Long> ilike(String q, String sort) {
		String pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return jdbc.sql("select id from ticket where provider_party_id = ? and subject ilike ? order by "
				+ (sort.equals("DUE") ? "resolution_due_at nulls last, id" : "created_at desc, id desc"))
			.params(world.providerParty, pattern)
			.query(Long.class)
			.list();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}
}
