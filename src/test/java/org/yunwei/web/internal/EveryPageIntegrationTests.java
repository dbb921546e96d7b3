package org.yunwei.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;
import org.yunwei.ticket.internal.ResolvedTickets;
import org.yunwei.ticket.internal.TicketFixtures;

import tools.jackson.databind.JsonNode;

/**
 * Every page of every {@code @Controller}, opened by each kind of person in both languages, shows words and no codes:
 * no missing-message marker ({@code ??key_zh_CN??}), no enum-like token ({@code SERVICE_DESK_AGENT}), no table name
 * ({@code service_level_agreement}) in what the reader sees. The pages come from the request mappings, so a new page
 * is walked as soon as it exists; a page whose address has a variable needs a sample below, and the test says so.
 */
class EveryPageIntegrationTests extends IntegrationTestSupport {

	private static final Pattern MISSING_MESSAGE = Pattern.compile("\\?\\?[^?\\s]+_[A-Za-z_]+\\?\\?");
	private static final Pattern ENUM_LIKE = Pattern.compile("(?<![\\w-])[A-Z]+(_[A-Z]+)+(?![\\w-])");
	private static final Pattern CAMEL_CASE = Pattern.compile("(?<![\\w-])[a-z]+[A-Z][A-Za-z]*(?![\\w-])");
	/** Names written so by their owners, not field names: the calendar exchange format. */
	private static final Set<String> PROPER_NAMES = Set.of("iCalendar");
	private static final Pattern SNAKE_CASE = Pattern.compile("(?<![\\w-])[a-z]+(_[a-z]+)+(?![\\w-])");
	private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(:[^}]*)?}");

	/** Addresses that are not pages a person reads: each with the reason. */
	private static final Map<String, String> NOT_PAGES = Map.ofEntries(
			Map.entry("/notifications/{id}/open", "marks a notification read and redirects to its record"),
			Map.entry("/tickets/{id:\\d+}/attachments/{attachmentId:\\d+}", "a file download"),
			Map.entry("/sla/calendars/{id}/export.csv", "a file download"),
			Map.entry("/cmdb/classes/{id}/import-template", "a file download"),
			Map.entry("/login", "seen before signing in; checked by the sign-in tests"),
			Map.entry("/documents/{id}/versions/{versionId}/content", "a file download"),
			Map.entry("/documents/{id}/versions/{versionId}/acknowledgements/export", "a workbook download"),
			Map.entry("/inspections/tasks/{id}/photos/{photoId}", "a photo download"),
			Map.entry("/emergency/drills/{id}/screenshots/{screenshotId}", "an image download"),
			Map.entry("/emergency/events/{id}/fault-report", "a PDF or Word download"),
			Map.entry("/emergency/events/{id}/post-event-report", "a PDF or Word download"),
			Map.entry("/emergency/drills/{id}/report", "a PDF or Word download"),
			Map.entry("/inspections/report/pdf", "a PDF download"),
			Map.entry("/staff/chart/image", "an SVG download"), Map.entry("/staff/flow/image", "an SVG download"),
			Map.entry("/staff/import/template", "a workbook download"),
			Map.entry("/knowledge/{id:\\d+}/attachments/{attachmentId:\\d+}", "a file download"),
			Map.entry("/trainings/{id:\\d+}/sessions/{sessionId:\\d+}/attendance-import/template",
					"a workbook download"),
			Map.entry("/api/v1/trainings/{id}/sessions/{sessionId}/attendance-import-template",
					"the API's workbook download"));

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyPageShowsWordsNotCodesToEveryoneInBothLanguages() {
		TicketFixtures world = new TicketFixtures(jdbc, api());
		TestDirectory directory = world.directory;
		long ticket = reviewedTicket(world);
		Map<String, Supplier<List<String>>> samples = samples(world, ticket);

		Set<String> patterns = pagePatterns();
		Set<String> withoutSample = new TreeSet<>();
		List<String> paths = new ArrayList<>();
		for (String pattern : patterns) {
			if (NOT_PAGES.containsKey(pattern)) {
				continue;
			}
			if (samples.containsKey(pattern)) {
				paths.addAll(samples.get(pattern).get());
			}
			else if (!VARIABLE.matcher(pattern).find()) {
				paths.add(pattern);
			}
			else {
				withoutSample.add(pattern);
			}
		}
		assertThat(withoutSample).as("page addresses with a variable and no sample in this test").isEmpty();

		long management = world.managementUnit();
		long supervision = directory.orgUnit(directory.party("SUPERVISION", "监理公司"), null, "监理组");
		Map<String, String> people = new LinkedHashMap<>();
		people.put("customer", world.bureauUser);
		people.put("agent", world.agent);
		people.put("desk manager", world.lead);
		people.put("management", directory.user(management, "SERVICE_MANAGER"));
		people.put("supervision", directory.user(supervision, "SUPERVISOR"));
		people.put("system administrator", directory.user(management, "SYSTEM_ADMIN"));

		// what the audit trail must then put in words: a refusal and an export
		WebSession customer = signedIn(world.bureauUser);
		customer.get("/tickets/export");
		signedIn(world.agent).download("/tickets/export");

		Set<String> tableNames = new TreeSet<>(jdbc.sql("""
				select table_name from information_schema.tables
				where table_schema = current_schema() and table_name like '%\\_%'""").query(String.class).list());
		// each person reads in a session of their own, beside the others: the server answers them side by side
		List<String> findings = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger read = new AtomicInteger();
		people.entrySet().parallelStream().forEach(person -> {
			WebSession session = signedIn(person.getValue());
			for (String path : paths) {
				for (String lang : List.of("zh-CN", "en")) {
					String address = path + (path.contains("?") ? "&" : "?") + "lang=" + lang;
					WebSession.Page page = session.get(address);
					String type = page.header("Content-Type");
					if (page.location() != null || type == null || !type.startsWith("text/html")) {
						continue;
					}
					read.incrementAndGet();
					findings.addAll(codesOn(page, person.getKey() + " " + address + " (" + page.status() + "): ",
							tableNames));
				}
			}
		});
		assertThat(read.get()).as("pages read").isGreaterThan(people.size() * 2 * 10);
		assertThat(findings.stream().distinct().toList()).as(String.join("\n", findings.stream().distinct().toList()))
			.isEmpty();
	}

	/** What a page shows that is a code and not a word. */
	private static List<String> codesOn(WebSession.Page page, String where, Set<String> tableNames) {
		List<String> findings = new ArrayList<>();
		String text = visibleText(page.body());
		find(MISSING_MESSAGE, page.body(), where + "missing message ", findings);
		find(ENUM_LIKE, text, where + "code ", findings);
		Matcher camel = CAMEL_CASE.matcher(text);
		while (camel.find()) {
			if (!PROPER_NAMES.contains(camel.group())) {
				findings.add(where + "field name " + camel.group());
			}
		}
		Matcher snake = SNAKE_CASE.matcher(text);
		while (snake.find()) {
			if (tableNames.contains(snake.group())) {
				findings.add(where + "table name " + snake.group());
			}
		}
		return findings;
	}

	@Test
	void theTimelineTellsRatingsAndReturnVisitsInSentences() {
		TicketFixtures world = new TicketFixtures(jdbc, api());
		long ticket = reviewedTicket(world);
		WebSession agent = signedIn(world.agent);
		String chinese = readText(agent.get("/tickets/" + ticket + "?tab=timeline&lang=zh-CN").body());
		assertThat(chinese).contains("评分：4 星", "回访结果：基本满意", "回访对象：王五 010-12345678", "后续跟进：下周再确认一次")
			.doesNotContain("score", "result", "contact", "followUp");
		String english = readText(agent.get("/tickets/" + ticket + "?tab=timeline&lang=en").body());
		assertThat(english).contains("Rating: 4 stars", "Outcome: Basically satisfied", "Person reached: 王五 010-12345678",
				"Follow-up: 下周再确认一次").doesNotContain("score", "BASICALLY_SATISFIED", "followUp");
		String customer = readText(signedIn(world.bureauUser).get("/portal/tickets/" + ticket + "?lang=en").body());
		assertThat(customer).contains("Rating: 4 stars").doesNotContain("Basically satisfied");
	}

	/** The GET addresses of every page controller (REST controllers answer JSON and are not walked). */
	private Set<String> pagePatterns() {
		Set<String> patterns = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			Class<?> type = method.getBeanType();
			boolean page = AnnotatedElementUtils.hasAnnotation(type, Controller.class)
					&& !AnnotatedElementUtils.hasAnnotation(type, RestController.class);
			Set<RequestMethod> verbs = info.getMethodsCondition().getMethods();
			if (page && (verbs.isEmpty() || verbs.contains(RequestMethod.GET))) {
				patterns.addAll(info.getPatternValues());
			}
		});
		return patterns;
	}

	/** Concrete addresses for the pages with a variable, and for pages that show more with a query, from the fixtures. */
	/** A published article for customers of the world's provider, written as the knowledge module writes it. */
	private long publishedArticle(TicketFixtures world) {
		long owner = world.directory.userId(world.agent);
		long article = jdbc.sql("""
				insert into knowledge_article (party_id, org_unit_id, owner_id, title, body, category, tags,
				    visibility, status)
				values (?, ?, ?, '打印机连接失败的处理方法', '## 步骤\n\n1. 检查网线', '打印', '{打印机}', 'CUSTOMER',
				    'PUBLISHED') returning id""")
			.params(world.providerParty, world.providerUnit, owner).query(Long.class).single();
		long version = jdbc.sql("""
				insert into knowledge_article_version (article_id, number, title, body, category, tags, visibility,
				    content_hash, status, submitted_by)
				select id, 1, title, body, category, tags, visibility, repeat('0', 64), 'PUBLISHED', owner_id
				from knowledge_article where id = ? returning id""").param(article).query(Long.class).single();
		jdbc.sql("update knowledge_article set published_version_id = ? where id = ?").params(version, article)
			.update();
		return article;
	}

	private Map<String, Supplier<List<String>>> samples(TicketFixtures world, long ticket) {
		Map<String, Supplier<List<String>>> samples = new LinkedHashMap<>();
		samples.put("/catalog/services/{id}", () -> List.of("/catalog/services/" + world.service));
		samples.put("/catalog/categories/{id}", () -> List.of("/catalog/categories/" + jdbc
			.sql("select category_id from catalog_service where id = ?").param(world.service).query(Long.class)
			.single()));
		samples.put("/admin/users/{id}", () -> List.of("/admin/users/" + world.userId(world.agent)));
		samples.put("/admin/parties/{id}", () -> List.of("/admin/parties/" + world.customerParty));
		samples.put("/admin/org-units/{id}", () -> List.of("/admin/org-units/" + world.bureau));
		samples.put("/admin/roles/{id}", () -> List.of("/admin/roles/" + jdbc
			.sql("select id from role where code = 'SERVICE_DESK_AGENT'").query(Long.class).single()));
		samples.put("/admin/posts/{id}", () -> List.of("/admin/posts/" + jdbc.sql("""
				insert into post (org_unit_id, name, responsibilities, holder_id) values (?, '运维值班岗', '7×24 值守', ?)
				returning id""").params(world.providerUnit, world.userId(world.agent)).query(Long.class).single()));
		samples.put("/admin/notification-robots/{id}", () -> List.of("/admin/notification-robots/" + jdbc.sql("""
				insert into notification_robot (name, kind, url, topics)
				values ('值班群机器人', 'DINGTALK', 'https://oapi.dingtalk.com/robot/send?access_token=t', '{ticket.}')
				returning id""").query(Long.class).single()));
		samples.put("/tickets/alert-routes/{id}", () -> List.of("/tickets/alert-routes/" + jdbc.sql("""
				insert into alert_route (account_user_id, name, customer_org_unit_id, service_id, group_id)
				values (?, '机房告警', ?, ?, ?) returning id""")
			.params(world.userId(world.directory.user(world.providerUnit, "ALERT_INTEGRATION")), world.bureau,
					world.service, world.firstLine)
			.query(Long.class).single()));
		samples.put("/sla/clocks", () -> List.of("/sla/clocks", "/sla/clocks?number=" + jdbc
			.sql("select number from ticket where id = ?").param(ticket).query(String.class).single()));
		samples.put("/audit", () -> List.of("/audit", "/audit?verify=true"));
		samples.put("/tickets/routing/{id}", () -> List.of("/tickets/routing/" + jdbc.sql("""
				insert into ticket_routing_rule (provider_party_id, name, service_id, group_id, assignment)
				values (?, '办公设备转一线', ?, ?, 'ROUND_ROBIN') returning id""")
			.params(world.providerParty, world.service, world.firstLine).query(Long.class).single()));
		samples.put("/sla/agreements/{id}", () -> List.of("/sla/agreements/" + world.agreement));
		samples.put("/sla/calendars/{id}", () -> List.of("/sla/calendars/" + jdbc.sql("""
				insert into business_calendar (code, name, zone_id, working_hours) values (?, '工作日历', 'Asia/Shanghai',
				'{"MONDAY": ["09:00-12:00", "13:30-17:30"]}') returning id""").param(TestDirectory.unique("CAL"))
			.query(Long.class).single()));
		samples.put("/compliance/items/{id:.+}", () -> {
			Matcher link = Pattern.compile("href=\"(/compliance/items/[^\"?]+)")
				.matcher(signedIn(world.directory.user(world.managementUnit(), "SUPERVISOR")).get("/compliance").body());
			assertThat(link.find()).as("a key assessment item on /compliance").isTrue();
			return List.of(link.group(1));
		});
		samples.put("/tickets/groups/{id:\\d+}", () -> List.of("/tickets/groups/" + world.firstLine));
		samples.put("/tickets/{id:\\d+}", () -> List.of("/tickets/" + ticket, "/tickets/" + ticket + "?tab=timeline",
				"/tickets/" + ticket + "?tab=attachments", "/tickets/" + ticket + "?tab=links"));
		samples.put("/tickets/{id:\\d+}/countdowns", () -> List.of("/tickets/" + ticket + "/countdowns"));
		samples.put("/tickets/{id}/rating", () -> List.of("/tickets/" + ticket + "/rating"));
		samples.put("/portal/tickets/{id}", () -> List.of("/portal/tickets/" + ticket));
		// a policy of the provider's that applies to the customer too, with a text version and one asked to read it
		long[] document = new long[2];
		java.util.function.Supplier<long[]> policy = () -> {
			if (document[0] == 0) {
				String keeper = world.token(world.lead);
				document[0] = world.api.post("/api/v1/documents", keeper, Map.of("categoryId", jdbc
					.sql("select id from document_category where code = 'SERVICE_DESK'").query(Long.class).single(),
						"title", "服务台管理制度", "partyIds", List.of(world.customerParty))).json().get("document")
					.get("id").asLong();
				document[1] = world.api.post("/api/v1/documents/" + document[0] + "/versions", keeper,
						Map.of("body", "<h2>总则</h2><p>服务台 7×24 值守。</p>")).json().get("id").asLong();
				world.api.put("/api/v1/documents/" + document[0] + "/versions/" + document[1] + "/readers", keeper,
						Map.of("userIds", List.of(world.userId(world.agent))));
			}
			return document;
		};
		samples.put("/documents/{id}", () -> List.of("/documents/" + policy.get()[0]));
		samples.put("/documents/{id}/edit", () -> List.of("/documents/" + policy.get()[0] + "/edit"));
		samples.put("/documents/{id}/versions/{versionId}",
				() -> List.of("/documents/" + policy.get()[0] + "/versions/" + policy.get()[1]));
		samples.put("/documents/{id}/versions/{versionId}/acknowledgements",
				() -> List.of("/documents/" + policy.get()[0] + "/versions/" + policy.get()[1] + "/acknowledgements"));
		samples.put("/documents/posts/{postId}", () -> List.of("/documents/posts/" + jdbc.sql("""
				insert into post (org_unit_id, name, responsibilities, holder_id) values (?, '服务台值班岗', '受理与派单', ?)
				returning id""").params(world.providerUnit, world.userId(world.agent)).query(Long.class).single()));
		samples.put("/documents/governing", () -> List.of("/documents/governing?category=SERVICE_DESK"));
		samples.put("/documents", () -> List.of("/documents", "/documents?state=UNPUBLISHED&sort=TITLE"));
		samples.put("/portal/tickets/{id}/countdown", () -> List.of("/portal/tickets/" + ticket + "/countdown"));
		samples.put("/approvals", () -> List.of("/approvals", "/approvals?tab=decided"));
		samples.put("/knowledge", () -> List.of("/knowledge", "/knowledge?q=" + java.net.URLEncoder.encode("打印机",
				java.nio.charset.StandardCharsets.UTF_8), "/knowledge?q=zzzqqq"));
		samples.put("/knowledge/{id:\\d+}", () -> List.of("/knowledge/" + publishedArticle(world)));
		long[] authored = new long[2];
		Supplier<long[]> article = () -> {
			if (authored[0] == 0) {
				authored[0] = publishedArticle(world);
				authored[1] = jdbc.sql("select published_version_id from knowledge_article where id = ?")
					.param(authored[0]).query(Long.class).single();
			}
			return authored;
		};
		samples.put("/knowledge/{id:\\d+}/edit", () -> List.of("/knowledge/" + article.get()[0] + "/edit"));
		samples.put("/knowledge/{id:\\d+}/versions", () -> List.of("/knowledge/" + article.get()[0] + "/versions"));
		samples.put("/knowledge/{id:\\d+}/diff", () -> List.of("/knowledge/" + article.get()[0] + "/diff",
				"/knowledge/" + article.get()[0] + "/diff?from=" + article.get()[1] + "&to=" + article.get()[1]));
		samples.put("/knowledge/articles", () -> List.of("/knowledge/articles", "/knowledge/articles?status=PUBLISHED"));
		samples.put("/knowledge/suggestions", () -> List.of("/knowledge/suggestions", "/knowledge/suggestions?subject="
				+ java.net.URLEncoder.encode("打印机无法连接", java.nio.charset.StandardCharsets.UTF_8)));
		samples.put("/knowledge/tickets/{ticketId}/articles", () -> List.of("/knowledge/tickets/" + ticket + "/articles"));
		samples.put("/knowledge/items/picker", () -> List.of("/knowledge/items/picker?q=" + java.net.URLEncoder.encode(
				"服务器", java.nio.charset.StandardCharsets.UTF_8)));
		samples.put("/approvals/{id}", () -> List.of("/approvals/" + approvalRequest(world)));
		samples.put("/approval-policies/{id}", () -> List.of("/approval-policies/" + jdbc
			.sql("select id from approval_policy where built_in").query(Long.class).single()));
		long[] items = configurationItems(world);
		samples.put("/cmdb/items/{id}", () -> List.of("/cmdb/items/" + items[0], "/cmdb/items/" + items[0]
				+ "?asOf=2026-01-01", "/cmdb/items/" + items[1] + "?asOf=" + java.time.LocalDate.now().plusDays(1)));
		samples.put("/cmdb/items/{id}/edit", () -> List.of("/cmdb/items/" + items[0] + "/edit"));
		samples.put("/cmdb/items/{id}/impact", () -> List.of("/cmdb/items/" + items[1] + "/impact",
				"/cmdb/items/" + items[0] + "/impact?direction=upstream&depth=2"));
		samples.put("/cmdb/classes/{id}", () -> List.of("/cmdb/classes/" + items[2]));
		long[] changes = new long[2];
		Supplier<long[]> someChanges = () -> {
			if (changes[0] == 0) {
				long[] made = changes(world, items);
				changes[0] = made[0];
				changes[1] = made[1];
			}
			return changes;
		};
		samples.put("/changes/{id}", () -> List.of("/changes/" + someChanges.get()[0],
				"/changes/" + someChanges.get()[1]));
		samples.put("/changes/{id}/edit", () -> List.of("/changes/" + someChanges.get()[0] + "/edit"));
		samples.put("/changes", () -> List.of("/changes", "/changes?sort=planned&status=DRAFT",
				"/changes?q=zzzqqq"));
		samples.put("/changes/calendar", () -> {
			someChanges.get();
			return List.of("/changes/calendar", "/changes/calendar?month=2099-03",
					"/changes/calendar?view=week&week=2099-03-01", "/changes/calendar?month=oops");
		});
		samples.put("/changes/items/{ciId}/box", () -> {
			someChanges.get();
			return List.of("/changes/items/" + items[0] + "/box", "/changes/items/" + items[2] + "/box");
		});
		Supplier<Long> someRule = () -> jdbc.sql("""
				with added as (insert into change_approval_rule (category, risk_level, policy_id)
				  select 'EMERGENCY', 'HIGH', id from approval_policy where built_in on conflict do nothing returning id)
				select id from added union all
				select id from change_approval_rule where category = 'EMERGENCY' and risk_level = 'HIGH'
				  and retired_at is null limit 1""").query(Long.class).single();
		samples.put("/changes/approval-rules", () -> {
			someRule.get();
			return List.of("/changes/approval-rules", "/changes/approval-rules?retired=true");
		});
		samples.put("/changes/approval-rules/{id}/edit",
				() -> List.of("/changes/approval-rules/" + someRule.get() + "/edit"));
		Supplier<Long> someSlaRule = () -> jdbc.sql("""
				with added as (insert into change_sla_rule (category, risk_level, approval_minutes, window_deadline)
				  values ('EMERGENCY', 'CRITICAL', 60, true) on conflict do nothing returning id)
				select id from added union all
				select id from change_sla_rule where category = 'EMERGENCY' and risk_level = 'CRITICAL'
				  and retired_at is null limit 1""").query(Long.class).single();
		samples.put("/changes/sla-rules", () -> {
			someSlaRule.get();
			return List.of("/changes/sla-rules", "/changes/sla-rules?retired=true");
		});
		samples.put("/changes/sla-rules/{id}/edit",
				() -> List.of("/changes/sla-rules/" + someSlaRule.get() + "/edit"));
		samples.put("/changes/item-choices", () -> List.of("/changes/item-choices?q=" + java.net.URLEncoder
			.encode("办事", java.nio.charset.StandardCharsets.UTF_8), "/changes/item-choices?ciIds=" + items[0]));
		long[] release = new long[1];
		Supplier<Long> someRelease = () -> {
			if (release[0] == 0) {
				release[0] = release(world, items, someChanges.get());
			}
			return release[0];
		};
		samples.put("/releases/{id}", () -> List.of("/releases/" + someRelease.get(), "/releases/" + someRelease.get()
				+ "?itemClass=" + jdbc.sql("select id from ci_class where code = 'APPLICATION_SYSTEM'")
					.query(Long.class).single()));
		samples.put("/releases/{id}/edit", () -> List.of("/releases/" + someRelease.get() + "/edit"));
		samples.put("/releases", () -> List.of("/releases", "/releases?sort=planned&status=DRAFT&type=MAJOR",
				"/releases?q=zzzqqq", "/releases?status=oops"));
		samples.put("/releases/item-choices", () -> List.of("/releases/item-choices?q=" + java.net.URLEncoder
			.encode("办事", java.nio.charset.StandardCharsets.UTF_8), "/releases/item-choices?ciIds=" + items[0]));
		samples.put("/releases/change-choices", () -> List.of("/releases/change-choices",
				"/releases/change-choices?changeIds=" + someChanges.get()[1]));
		Supplier<Long> someReleaseRule = () -> jdbc.sql("""
				with added as (insert into release_approval_rule (release_type, policy_id)
				  select 'EMERGENCY', id from approval_policy where built_in on conflict do nothing returning id)
				select id from added union all
				select id from release_approval_rule where release_type = 'EMERGENCY' and retired_at is null
				limit 1""").query(Long.class).single();
		samples.put("/releases/approval-rules", () -> {
			someReleaseRule.get();
			return List.of("/releases/approval-rules", "/releases/approval-rules?retired=true");
		});
		samples.put("/releases/approval-rules/{id}/edit",
				() -> List.of("/releases/approval-rules/" + someReleaseRule.get() + "/edit"));
		samples.put("/cmdb/tickets/{ticketId}/item", () -> List.of("/cmdb/tickets/" + ticket + "/item"));
		samples.put("/cmdb/spares/{id}", () -> List.of("/cmdb/spares/" + sparePart(world)));
		samples.put("/cmdb/import/jobs/{id}", () -> List.of("/cmdb/import/jobs/" + jdbc.sql("""
				insert into ci_import_job (class_id, requested_by_id, requested_by_name, valid_rows_only, state, rows_total,
				  rows_checked, report, finished_at)
				values (?, ?, '坐席', false, 'DONE', 2, 2, cast(? as jsonb), now()) returning id""")
			.params(items[2], world.userId(world.lead), "{\"rows\":2,\"validRows\":1,\"invalidRows\":1,\"imported\":0,"
					+ "\"refusals\":[{\"row\":4,\"column\":\"名称\",\"reason\":\"此项必填\"}]}")
			.query(Long.class).single()));
		samples.put("/cmdb/items/ticket-choices", () -> List.of("/cmdb/items/ticket-choices",
				"/cmdb/items/ticket-choices?field=fields-ci&configurationItem=" + java.net.URLEncoder.encode("服务器",
						java.nio.charset.StandardCharsets.UTF_8)));
		long[] inspection = inspectionRecords(world);
		samples.put("/inspections/templates/{id}", () -> List.of("/inspections/templates/" + inspection[0]));
		samples.put("/inspections/plans/{id}", () -> List.of("/inspections/plans/" + inspection[1]));
		samples.put("/inspections/plans/{id}/edit", () -> List.of("/inspections/plans/" + inspection[1] + "/edit"));
		samples.put("/inspections/tasks/{id}", () -> List.of("/inspections/tasks/" + inspection[2],
				"/inspections/tasks/" + inspection[3]));
		samples.put("/inspections/plans/new", () -> List.of("/inspections/plans/new",
				"/inspections/plans/new?templateId=" + inspection[0],
				"/inspections/plans/new?templateId=" + inspection[4]));
		long check = automatedCheck(world);
		samples.put("/inspections/checks/{id}", () -> List.of("/inspections/checks/" + check,
				"/inspections/checks/" + check + "?outcome=DOWN"));
		samples.put("/inspections/checks/{id}/edit", () -> List.of("/inspections/checks/" + check + "/edit"));
		samples.put("/inspections/checks", () -> List.of("/inspections/checks", "/inspections/checks?sort=failing",
				"/inspections/checks?q=zzzqqq", "/inspections/checks?outcome=WARNING"));
		samples.put("/inspections/checks/item-choices", () -> List.of("/inspections/checks/item-choices",
				"/inspections/checks/item-choices?q=" + java.net.URLEncoder.encode("服务器",
						java.nio.charset.StandardCharsets.UTF_8)));
		// problem management: a problem from the fixtures' incident, analysed, with its emergency plan and known error
		long problem = analysedProblem(world, ticket);
		samples.put("/problems/{id:\\d+}", () -> List.of("/problems/" + problem));
		samples.put("/problems", () -> List.of("/problems", "/problems?status=open&sort=priority",
				"/problems?q=zzzqqq", "/problems?knownError=true&source=INCIDENT"));
		samples.put("/problems/new", () -> List.of("/problems/new", "/problems/new?incident=" + ticket));
		samples.put("/problems/incident-box", () -> List.of("/problems/incident-box?ticket=" + ticket));
		samples.put("/problems/incidents/picker", () -> List.of("/problems/incidents/picker?q=INC"));
		// a staff record of the provider's agent, kept by the desk manager, with a certificate that has expired
		long[] staff = new long[1];
		java.util.function.LongSupplier staffRecord = () -> {
			if (staff[0] == 0) {
				String keeper = world.token(world.lead);
				staff[0] = world.api.post("/api/v1/staff", keeper, Map.of("userId", world.userId(world.agent),
						"skills", List.of("网络运维"), "xinchuangProducts", List.of("麒麟操作系统"),
						"clearance", "MACHINE_ROOM", "phone", "13800138000")).json().get("id").asLong();
				world.api.post("/api/v1/staff/" + staff[0] + "/certificates", keeper,
						Map.of("name", "信息系统运维工程师", "expiresOn", "2020-01-01"));
			}
			return staff[0];
		};
		samples.put("/staff/{id:\\d+}", () -> List.of("/staff/" + staffRecord.getAsLong()));
		samples.put("/staff/{id:\\d+}/edit", () -> List.of("/staff/" + staffRecord.getAsLong() + "/edit"));
		// a training plan of the provider with a course, a session the agent attended and an exam with a score
		samples.put("/trainings/{id:\\d+}", () -> {
			String keeper = world.token(world.lead);
			long staffId = staffRecord.getAsLong();
			long plan = world.api.post("/api/v1/trainings", keeper, Map.of("year", 2026, "title", "年度运维培训",
					"needs", "国产化设备运维能力不足")).json().get("id").asLong();
			long course = world.api.post("/api/v1/trainings/" + plan + "/courses", keeper, Map.of("title", "麒麟系统运维",
					"category", "DOMESTIC_EQUIPMENT", "hours", 8)).json().get("courses").get(0).get("id").asLong();
			long session = world.api.post("/api/v1/trainings/" + plan + "/sessions", keeper, Map.of("courseId", course,
					"heldOn", "2026-11-20", "place", "三楼会议室")).json().get("id").asLong();
			world.api.put("/api/v1/trainings/" + plan + "/sessions/" + session + "/attendance", keeper,
					Map.of("staffIds", List.of(staffId)));
			world.api.put("/api/v1/trainings/" + plan + "/sessions/" + session + "/exam", keeper,
					Map.of("title", "上机考核", "maxScore", 100, "passScore", 60));
			world.api.put("/api/v1/trainings/" + plan + "/sessions/" + session + "/scores", keeper,
					Map.of("scores", List.of(Map.of("staffId", staffId, "score", 88))));
			return List.of("/trainings/" + plan);
		});
		// the attendance import of a session of a plan with an exam
		samples.put("/trainings/{id:\\d+}/sessions/{sessionId:\\d+}/attendance-import", () -> {
			String keeper = world.token(world.lead);
			long plan = world.api.post("/api/v1/trainings", keeper, Map.of("year", 2026, "title", "出勤导入培训"))
				.json().get("id").asLong();
			long course = world.api.post("/api/v1/trainings/" + plan + "/courses", keeper, Map.of("title", "安全意识",
					"category", "SECURITY_AWARENESS", "hours", 2)).json().get("courses").get(0).get("id").asLong();
			long session = world.api.post("/api/v1/trainings/" + plan + "/sessions", keeper, Map.of("courseId", course,
					"heldOn", "2026-11-21")).json().get("id").asLong();
			world.api.put("/api/v1/trainings/" + plan + "/sessions/" + session + "/exam", keeper,
					Map.of("title", "安全意识考核", "maxScore", 100, "passScore", 60));
			return List.of("/trainings/" + plan + "/sessions/" + session + "/attendance-import");
		});
		// a score sheet of management's and the agent's appraisal on it by the desk manager
		samples.put("/appraisals/{id:\\d+}", () -> {
			long sheet = world.api.post("/api/v1/appraisals/sheets", world.managerToken, Map.of("name",
					TestDirectory.unique("运维人员考核表"), "items", List.of(Map.of("name", "创新意识", "weight", 40),
							Map.of("name", "工单及时率", "weight", 60, "source", "TICKET_TIMELINESS")))).json().get("id")
				.asLong();
			JsonNode sheetItems = world.api.get("/api/v1/appraisals/sheets/" + sheet, world.managerToken).json().get("items");
			long appraisal = world.api.post("/api/v1/appraisals", world.token(world.lead), Map.of("sheetId", sheet,
					"staffId", staffRecord.getAsLong(), "from", "2026-10-01", "to", "2026-10-31", "scores", List.of(
							Map.of("itemId", sheetItems.get(0).get("id").asLong(), "score", 80),
							Map.of("itemId", sheetItems.get(1).get("id").asLong(), "score", 90)))).json().get("id").asLong();
			return List.of("/appraisals/" + appraisal);
		});
		long[] emergency = new long[2];
		java.util.function.Supplier<long[]> response = () -> {
			if (emergency[0] == 0) {
				emergency[0] = emergencyPlan(world);
				emergency[1] = world.api.post("/api/v1/emergency-events", world.token(world.lead), Map.of("title",
						"政务外网中断", "description", "多个委办局无法访问政务外网。", "level", "MAJOR", "planId", emergency[0],
						"ticketId", ticket)).json().get("id").asLong();
			}
			return emergency;
		};
		samples.put("/emergency/plans/{id}", () -> List.of("/emergency/plans/" + response.get()[0]));
		samples.put("/emergency/plans/{id}/edit", () -> List.of("/emergency/plans/" + response.get()[0] + "/edit"));
		samples.put("/emergency/events/{id}", () -> List.of("/emergency/events/" + response.get()[1]));
		samples.put("/emergency/events/{id}/timeline", () -> List.of("/emergency/events/" + response.get()[1]
				+ "/timeline"));
		samples.put("/emergency/tickets/{ticketId}", () -> List.of("/emergency/tickets/" + ticket));
		samples.put("/emergency/events/new", () -> List.of("/emergency/events/new", "/emergency/events/new?ticketId="
				+ ticket + "&planId=" + response.get()[0]));
		samples.put("/emergency/plans", () -> List.of("/emergency/plans", "/emergency/plans?q=zzzqqq"));
		samples.put("/emergency/duty/{id}", () -> List.of("/emergency/duty/" + world.api.post("/api/v1/duty-rosters",
				world.token(world.lead), Map.of("name", "国庆保障期值守", "kind", "KEY_PERIOD", "startsOn", "2026-10-01",
						"endsOn", "2026-10-01")).json().get("id").asLong()));
		samples.put("/emergency/drills/new", () -> List.of("/emergency/drills/new", "/emergency/drills/new?planId="
				+ response.get()[0]));
		samples.put("/emergency/drills/{id}", () -> List.of("/emergency/drills/" + world.api.post("/api/v1/drills",
				world.token(world.lead), Map.of("planId", response.get()[0], "title", "核心网络中断演练", "objective",
						"检验响应速度", "subjects", "核心交换机", "method", "TABLETOP", "participants", "网络组",
						"place", "机房", "plannedAt", "2026-12-20T02:00:00Z")).json().get("id").asLong()));
		// a report not drafted (the preview) and one drafted (the form and its history)
		samples.put("/emergency/events/{id}/reports/{kind}", () -> {
			String post = "/api/v1/emergency-events/" + response.get()[1] + "/reports/post-event";
			ResolvedTickets.expect(201, world.api.post(post, world.token(world.lead), null));
			return List.of("/emergency/events/" + response.get()[1] + "/reports/fault",
					"/emergency/events/" + response.get()[1] + "/reports/post-event");
		});
		samples.put("/emergency/drills/{id}/report/content", () -> List.of("/emergency/drills/" + world.api.post(
				"/api/v1/drills", world.token(world.lead), Map.of("planId", response.get()[0], "title", "报告页演练",
						"objective", "检验响应速度", "subjects", "核心交换机", "method", "TABLETOP", "participants", "网络组",
						"place", "机房", "plannedAt", "2026-12-20T02:00:00Z")).json().get("id").asLong()
				+ "/report/content"));
		samples.put("/knowledge/resolved-tickets", () -> List.of("/knowledge/resolved-tickets",
				"/knowledge/resolved-tickets?q=" + java.net.URLEncoder.encode("打印机",
						java.nio.charset.StandardCharsets.UTF_8), "/knowledge/resolved-tickets?q=zzzqqq"));
		return samples;
	}

	/**
	 * Changes of the desk manager's on the configuration items: a normal change as a draft, and a standard change
	 * under implementation (so that the step and outcome forms show).
	 */
	private long[] changes(TicketFixtures world, long[] items) {
		String lead = world.token(world.lead);
		long[] ids = new long[2];
		for (int i = 0; i < 2; i++) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("title", i == 0 ? "网上办事大厅版本升级" : "政务云主机补丁");
			body.put("necessity", "修复安全漏洞");
			body.put("reason", "厂商发布补丁");
			body.put("category", i == 0 ? "NORMAL" : "STANDARD");
			body.put("type", "APPLICATION");
			body.put("ciIds", List.of(items[0], items[1]));
			body.put("steps", List.of(Map.of("description", "备份并部署", "ownerId", world.userId(world.agent))));
			body.put("rollbackPlan", "恢复备份");
			body.put("plannedStart", "2099-03-01T14:00:00Z");
			body.put("plannedEnd", "2099-03-01T16:00:00Z");
			var created = world.api.post("/api/v1/changes", lead, body);
			ResolvedTickets.expect(201, created);
			ids[i] = created.json().get("id").asLong();
		}
		ResolvedTickets.expect(200, world.api.post("/api/v1/changes/" + ids[1] + "/submit", lead, null));
		ResolvedTickets.expect(200, world.api.post("/api/v1/changes/" + ids[1] + "/start", lead, null));
		return ids;
	}

	/** A release of the started standard change on the first item, planned by the desk manager (a draft). */
	private long release(TicketFixtures world, long[] items, long[] changes) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", "网上办事大厅 V3.2 发布");
		body.put("type", "MINOR");
		body.put("releaseVersion", "V3.2.0");
		body.put("ciIds", List.of(items[0]));
		body.put("changeIds", List.of(changes[1]));
		body.put("plan", "夜间停机窗口部署，灰度验证后全量");
		body.put("plannedAt", "2099-03-02T14:00:00Z");
		body.put("knownErrors", "旧版浏览器显示异常");
		var created = world.api.post("/api/v1/releases", world.token(world.lead), body);
		ResolvedTickets.expect(201, created);
		return created.json().get("id").asLong();
	}

	/** A problem the desk manager opened from the ticket, analysing, with an emergency plan and a known error. */
	private long analysedProblem(TicketFixtures world, long ticket) {
		String lead = world.token(world.lead);
		var opened = world.api.post("/api/v1/problems", lead, Map.of("source", "INCIDENT", "subject", "打印服务反复中断",
				"description", "多个部门反映打印服务每天上午中断", "impact", "办公打印", "priority", "P2", "incidentIds",
				List.of(ticket)));
		ResolvedTickets.expect(201, opened);
		long id = opened.json().get("id").asLong();
		ResolvedTickets.expect(200, world.api.post("/api/v1/problems/" + id + "/analysis", lead, null));
		ResolvedTickets.expect(200, world.api.put("/api/v1/problems/" + id + "/emergency-plan", lead,
				Map.of("text", "中断时切换到备用打印服务器")));
		ResolvedTickets.expect(200, world.api.put("/api/v1/problems/" + id + "/known-error", lead,
				Map.of("text", "重启打印后台服务")));
		return id;
	}

	/**
	 * The shipped machine-room template, a daily plan of the world's provider on it (the desk manager owns it, the
	 * agent does it), a task of today still open and one done with an anomaly, and the shipped server template: as
	 * the inspection module writes them.
	 */
	private long[] inspectionRecords(TicketFixtures world) {
		long template = jdbc.sql("select id from inspection_template where party_id is null and target_kind = 'LOCATION' "
				+ "order by id limit 1").query(Long.class).single();
		long servers = jdbc.sql("select id from inspection_template where party_id is null and ci_class_code = 'SERVER'")
			.query(Long.class).single();
		long version = jdbc.sql("select id from inspection_template_version where template_id = ?").param(template)
			.query(Long.class).single();
		long agent = world.directory.userId(world.agent);
		long plan = jdbc.sql("""
				insert into inspection_plan (party_id, owner_id, name, template_id, frequency, working_days_only,
				  calendar_id, due_time, starts_on)
				values (?, ?, '机房日常巡检计划', ?, 'DAILY', true, (select id from business_calendar where is_default),
				  '17:30', current_date) returning id""")
			.params(world.providerParty, world.directory.userId(world.lead), template).query(Long.class).single();
		long target = jdbc.sql("""
				insert into inspection_plan_target (plan_id, position, kind, location, label)
				values (?, 0, 'LOCATION', '1号楼3层机房', '1号楼3层机房') returning id""").param(plan)
			.query(Long.class).single();
		long second = jdbc.sql("""
				insert into inspection_plan_target (plan_id, position, kind, location, label)
				values (?, 1, 'LOCATION', '2号楼机房', '2号楼机房') returning id""").param(plan)
			.query(Long.class).single();
		jdbc.sql("insert into inspection_plan_assignee (plan_id, position, user_id) values (?, 0, ?)")
			.params(plan, agent).update();
		long open = jdbc.sql("""
				insert into inspection_task (plan_id, target_id, party_id, template_version_id, scheduled_on, due_at,
				  assignee_id) values (?, ?, ?, ?, current_date, now() + interval '1 hour', ?) returning id""")
			.params(plan, target, world.providerParty, version, agent).query(Long.class).single();
		long done = jdbc.sql("""
				insert into inspection_task (plan_id, target_id, party_id, template_version_id, scheduled_on, due_at,
				  assignee_id, status, results, signature, anomalies, submitted_at)
				values (?, ?, ?, ?, current_date, now(), ?, 'DONE',
				  '{"temperature": {"value": "31", "note": "空调故障"}, "ups": {"value": "FAIL", "note": null}}',
				  '张巡检', 2, now()) returning id""")
			.params(plan, second, world.providerParty, version, agent).query(Long.class).single();
		return new long[] { template, plan, open, done, servers };
	}

	/**
	 * An automated HTTP check of the world's provider with three results (up, a warning, a failure that told the
	 * owner), as the inspection module's check runner writes them.
	 */
	private long automatedCheck(TicketFixtures world) {
		long check = jdbc.sql("""
				insert into inspection_check (party_id, owner_id, name, kind, target, expect_status, body_contains,
				  interval_seconds, timeout_millis, failures_to_alert, last_outcome, last_run_at, consecutive_failures,
				  failure_told)
				values (?, ?, '门户网站可用性', 'HTTP', 'http://127.0.0.1:9/health', 200, 'ok', 300, 5000, 1, 'DOWN', now(),
				  1, true) returning id""")
			.params(world.providerParty, world.directory.userId(world.lead)).query(Long.class).single();
		jdbc.sql("""
				insert into inspection_check_result (check_id, party_id, ran_at, outcome, millis, detail_key, detail_args,
				  days_left, action)
				values (?, ?, now() - interval '10 minutes', 'UP', 12, 'check.detail.http.ok', '[200]', null, null),
				  (?, ?, now() - interval '5 minutes', 'WARNING', 1500, 'check.detail.slow', '[1500, 1000]', null, null),
				  (?, ?, now(), 'DOWN', 3, 'check.detail.unreachable', '["ConnectException: refused"]', null, 'TOLD')""")
			.params(check, world.providerParty, check, world.providerParty, check, world.providerParty).update();
		return check;
	}

	/**
	 * An emergency plan of the provider's in force: written through the API, its first version recorded as approved
	 * as the approval module's grant would leave it.
	 */
	private long emergencyPlan(TicketFixtures world) {
		String keeper = world.token(world.lead);
		long plan = world.api.post("/api/v1/emergency-plans", keeper, Map.of("title", "核心网络中断应急预案", "scenario",
				"核心交换机故障", "reviewDate", "2099-01-01", "levels", List.of(Map.of("level", "MAJOR", "criteria",
						"全市政务外网中断超过 1 小时")), "roles", List.of(Map.of("role", "应急值班员", "personId",
								world.userId(world.agent), "contact", "13800138000")), "steps", List.of(Map.of("phase",
										"DISPATCH", "title", "通知网络组到场", "ownerRole", "应急值班员", "limitMinutes", 15))))
			.json().get("id").asLong();
		long version = jdbc.sql("""
				insert into emergency_plan_version (plan_id, number, title, content, content_hash, status, submitted_by,
				    decided_at)
				select id, 1, title, content, repeat('a', 64), 'APPROVED', owner_id, now() from emergency_plan where id = ?
				returning id""").param(plan).query(Long.class).single();
		jdbc.sql("update emergency_plan set status = 'APPROVED', approved_version_id = ? where id = ?")
			.params(version, plan).update();
		return plan;
	}

	/** A request of the agent's waiting for the desk manager in the built-in policy's one stage. */
	private long approvalRequest(TicketFixtures world) {
		long request = jdbc.sql("""
				insert into approval_request (subject_type, subject_id, version_hash, policy_version_id, requester_id,
				  requester_party_id, requester_unit_id, summary, link, facts, stage_position)
				select 'document-version', 1, repeat('a', 64), v.id, ?, ?, ?, '服务台管理制度 第2版', '/approvals',
				       '{"risk": "LOW"}', 1
				from approval_policy_version v join approval_policy p on p.id = v.policy_id where p.built_in
				returning id""")
			.params(world.userId(world.agent), world.providerParty, world.providerUnit)
			.query(Long.class).single();
		jdbc.sql("""
				insert into approval_request_stage (request_id, position, name, rule, required_count, state, started_at)
				values (?, 1, '单位负责人审批', 'ANY', 1, 'WAITING', now())""").param(request).update();
		jdbc.sql("""
				insert into approval_assignment (request_id, stage_position, approver_id, via)
				values (?, 1, ?, 'UNIT_LEAD')""").params(request, world.userId(world.lead)).update();
		return request;
	}


	/**
	 * Configuration items of the fixtures' customer, recorded by its provider: an application system that runs on a
	 * virtual machine, with a change in its history; answers their ids and the application system class's id.
	 */
	private long[] configurationItems(TicketFixtures world) {
		String lead = world.token(world.lead);
		long appClass = jdbc.sql("select id from ci_class where code = 'APPLICATION_SYSTEM'").query(Long.class).single();
		long vmClass = jdbc.sql("select id from ci_class where code = 'VIRTUAL_MACHINE'").query(Long.class).single();
		Map<String, Object> app = new java.util.LinkedHashMap<>(Map.of("classId", appClass, "name", "网上办事大厅",
				"lifecycle", "IN_USE", "customerUnitId", world.bureau, "attributes",
				Map.of("dengbao_level", "L3", "xinchuang", "YES")));
		var created = world.api.post("/api/v1/cis", lead, app);
		ResolvedTickets.expect(201, created);
		long appId = created.json().get("id").asLong();
		var vm = world.api.post("/api/v1/cis", lead, Map.of("classId", vmClass, "name", "政务云主机-07",
				"lifecycle", "IN_USE", "customerUnitId", world.bureau, "ipAddress", "10.1.2.3", "attributes",
				Map.of("cpu_vendor", "KUNPENG", "os", "KYLIN")));
		ResolvedTickets.expect(201, vm);
		long vmId = vm.json().get("id").asLong();
		ResolvedTickets.expect(201, world.api.post("/api/v1/cis/" + appId + "/relations", lead,
				Map.of("targetId", vmId, "type", "RUNS_ON", "reason", "部署上线")));
		app.put("attributes", Map.of("dengbao_level", "L2", "xinchuang", "NO"));
		app.put("reason", "等保定级复核");
		ResolvedTickets.expect(200, world.api.put("/api/v1/cis/" + appId, lead, app));
		ResolvedTickets.expect(200, world.api.post("/api/v1/cis/" + vmId + "/lifecycle", lead,
				Map.of("lifecycle", "UNDER_REPAIR", "reason", "宿主机故障")));
		return new long[] { appId, vmId, appClass };
	}

	/** A spare part of the provider with stock received at one location. */
	private long sparePart(TicketFixtures world) {
		String lead = world.token(world.lead);
		var part = world.api.post("/api/v1/spare-parts", lead, Map.of("name", "硒鼓", "kind", "CONSUMABLE",
				"unitName", "个", "minimumStock", 5));
		ResolvedTickets.expect(201, part);
		long id = part.json().get("id").asLong();
		ResolvedTickets.expect(201, world.api.post("/api/v1/spare-parts/" + id + "/movements", lead,
				Map.of("kind", "RECEIVED", "location", "二号楼库房", "quantity", 3)));
		return id;
	}

	/** A resolved ticket with a rating and a return visit on its timeline. */
	private long reviewedTicket(TicketFixtures world) {
		long id = new ResolvedTickets(world).resolved("会议室投影仪无信号");
		// evaluation learns of the resolution from an event, after the commit
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> "RESOLVED".equals(jdbc
			.sql("select status from evaluation_ticket where ticket_id = ?").param(id).query(String.class).optional()
			.orElse(null)));
		ResolvedTickets.expect(201, world.api.post("/api/v1/tickets/" + id + "/rating", world.token(world.bureauUser),
				Map.of("score", 4, "comment", "处理及时")));
		ResolvedTickets.expect(201, world.api.post("/api/v1/return-visits", world.token(world.agent),
				Map.of("ticketId", id, "contact", "王五 010-12345678", "result", "BASICALLY_SATISFIED", "comment",
						"已恢复", "followUp", "下周再确认一次")));
		return id;
	}

	private WebSession signedIn(String username) {
		WebSession session = new WebSession(port);
		WebSession.Page answer = session.signIn(username, TestDirectory.PASSWORD, null);
		assertThat(answer.location()).as("sign-in of " + username).doesNotContain("error");
		return session;
	}

	/**
	 * The text a reader sees: no scripts, styles, comments or attribute values other than titles and hints, and no
	 * stored values shown verbatim as evidence ({@code yw-verbatim}: the audit trail's before and after). Every tag
	 * separates words, so that a code inside one is found whatever stands beside it; runs of white space count as one.
	 */
	static String visibleText(String html) {
		return text(html, " ");
	}

	/** The text as a browser reads it: inline tags join their words. */
	static String readText(String html) {
		return text(html, "");
	}

	private static String text(String html, String inlineTag) {
		String body = html.replaceAll("(?is)<script\\b.*?</script>", " ")
			.replaceAll("(?is)<(\\w+)[^>]*yw-verbatim[^>]*>.*?</\\1>", " ")
			.replaceAll("(?is)<style\\b.*?</style>", " ")
			.replaceAll("(?s)<!--.*?-->", " ");
		StringBuilder text = new StringBuilder();
		Matcher hints = Pattern.compile("(?i)\\s(?:title|placeholder|aria-label|alt)=\"([^\"]*)\"").matcher(body);
		while (hints.find()) {
			text.append(hints.group(1)).append('\n');
		}
		text.append(body.replaceAll("(?i)</?(span|a|strong|em|b|i|code|time|small|abbr)\\b[^>]*>", inlineTag)
			.replaceAll("(?s)<[^>]*>", " "));
		return text.toString().replaceAll("\\s+", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
			.replace("&#39;", "'");
	}

	private static void find(Pattern pattern, String text, String what, List<String> findings) {
		Matcher m = pattern.matcher(text);
		while (m.find()) {
			findings.add(what + m.group());
		}
	}
}
