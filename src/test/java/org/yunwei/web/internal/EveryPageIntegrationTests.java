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
	private static final Map<String, String> NOT_PAGES = Map.of(
			"/notifications/{id}/open", "marks a notification read and redirects to its record",
			"/tickets/{id:\\d+}/attachments/{attachmentId:\\d+}", "a file download",
			"/sla/calendars/{id}/export.csv", "a file download",
			"/cmdb/classes/{id}/import-template", "a file download",
			"/login", "seen before signing in; checked by the sign-in tests",
			"/documents/{id}/versions/{versionId}/content", "a file download",
			"/documents/{id}/versions/{versionId}/acknowledgements/export", "a workbook download",
			"/emergency/drills/{id}/screenshots/{screenshotId}", "an image download");

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
		return samples;
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
