package org.yunwei.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yunwei.identity.internal.TestTotp;
import org.yunwei.support.Accounts;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.Officers;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;
import org.yunwei.ticket.internal.TicketFixtures;

/**
 * Checks the application against the written access model, {@code security/access-model.tsv} (docs/security.md,
 * "Access model"): every operation of {@code /v3/api-docs} and every GET page route, called as each role of each party
 * kind, must answer the class the model names. The expectation comes from the model file, never from what the code
 * answers, and an operation or page without a line in the model fails the test, so none can ship unjudged.
 * <p>
 * Write operations get an empty body, which fails validation: a 400 proves the caller passed the permission check
 * without writing anything. Record ids are those of the caller's own party where the fixtures have one (the ticket,
 * the agreement, the group, a saved filter, a routing rule, an alert route), else an id that does not exist; PUT and
 * DELETE always get one that does not exist, so that they change nothing.
 */
class AccessMatrixIntegrationTests extends IntegrationTestSupport {

	private static final String MODEL = "/security/access-model.tsv";
	private static final long NO_SUCH_ID = 987_654_321L;
	private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");
	/** A path variable with its pattern, {@code {id:\\d+}}. */
	private static final Pattern PATTERN_OF_VARIABLE = Pattern.compile("\\{(\\w+):[^}]*}");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping handlerMapping;
	/** Lists that must leave out another party's record, with the sample that names it. */
	private static final Map<String, String> LISTS = Map.of("/api/v1/sla/agreements", "agreementId",
			"/api/v1/ticket-groups", "groupId", "/api/v1/ticket-filters", "filterId", "/api/v1/routing-rules", "ruleId",
			"/api/v1/alert-routes", "routeId");
	/** Addresses whose {@code {id}} is a record of the fixtures' party other than the ticket, with its sample. */
	private static final Map<String, String> RECORDS = Map.of("/api/v1/sla/agreements", "agreementId",
			"/sla/agreements", "agreementId", "/api/v1/ticket-groups", "groupId", "/tickets/groups", "groupId",
			"/api/v1/ticket-filters", "filterId", "/api/v1/routing-rules", "ruleId", "/tickets/routing", "ruleId",
			"/api/v1/alert-routes", "routeId", "/tickets/alert-routes", "routeId");
	/** Addresses whose {@code {id}} is a ticket's: the API's and the pages'. */
	private static final Pattern TICKET = Pattern.compile("(/api/v1|/portal)?/tickets/\\{id}");

	@Test
	void everyOperationOfTheApiHasALineInTheModelAndEveryLineAnOperation() {
		Set<String> documented = documentedOperations();
		Set<String> modelled = new TreeSet<>();
		model().stream().filter(line -> !line.page()).forEach(line -> modelled.add(line.operation()));

		Set<String> withoutModel = new TreeSet<>(documented);
		withoutModel.removeAll(modelled);
		Set<String> withoutOperation = new TreeSet<>(modelled);
		withoutOperation.removeAll(documented);
		assertThat(withoutModel).as("operations of /v3/api-docs without a line in " + MODEL).isEmpty();
		assertThat(withoutOperation).as("lines of " + MODEL + " without an operation in /v3/api-docs").isEmpty();
	}

	/**
	 * Every page a browser opens with GET, found from the controllers themselves (Spring's handler mappings), has a
	 * line, and every page line a route: a new page cannot ship unjudged either.
	 */
	@Test
	void everyPageRouteHasALineInTheModelAndEveryPageLineARoute() {
		Set<String> routes = pageRoutes();
		Set<String> modelled = new TreeSet<>();
		model().stream().filter(Line::page).forEach(line -> modelled.add(line.path()));

		Set<String> withoutModel = new TreeSet<>(routes);
		withoutModel.removeAll(modelled);
		Set<String> withoutRoute = new TreeSet<>(modelled);
		withoutRoute.removeAll(routes);
		assertThat(withoutModel).as("page routes without a PAGE line in " + MODEL).isEmpty();
		assertThat(withoutRoute).as("PAGE lines of " + MODEL + " without a page route").isEmpty();
	}

	@Test
	void everyRoleGetsTheAnswerTheModelNames() {
		TicketFixtures world = new TicketFixtures(jdbc, api());
		TestDirectory directory = world.directory;
		var ticket = world.submitted("访问矩阵：打印机脱机").get("ticket");
		Map<String, String> samples = samples(world, ticket.get("id").asString(), ticket.get("number").asString());

		long management = world.managementUnit();
		long supervision = directory.orgUnit(directory.party("SUPERVISION", "监理公司"), null, "监理组");
		Map<String, Person> people = new LinkedHashMap<>();
		people.put("customer", Person.of(world.bureauUser));
		people.put("agent", Person.of(world.agent));
		people.put("desk-manager", Person.of(world.lead));
		people.put("service-manager", Person.of(directory.user(management, "SERVICE_MANAGER")));
		people.put("supervisor", Person.of(directory.user(supervision, "SUPERVISOR")));
		Officers officers = officers();
		for (String role : List.of("SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN")) {
			people.put(role.toLowerCase().replace("_admin", "-admin"),
					Person.officer(officers.account(role).username(), officers.account(role).username()));
		}
		people.put("integration", Person.of(directory.user(world.providerUnit, "ALERT_INTEGRATION")));
		people.put("no-role", Person.of(directory.user(world.providerUnit)));

		List<Line> model = model();
		List<String> mismatches = Collections.synchronizedList(new ArrayList<>());
		people.entrySet().parallelStream().forEach(person -> {
			String role = person.getKey();
			String token = person.getValue().token(this);
			WebSession session = person.getValue().session(port);
			for (Line line : model) {
				Expected expected = line.expected(role);
				String path = concrete(line, samples, false);
				int status = line.page() ? session.get(path).status() : call(line.method(), path, token);
				if (!expected.admits(status)) {
					mismatches.add(String.format("%-7s %-55s %-16s expected %-6s got %d", line.method(), line.path(),
							role, expected, status));
				}
			}
		});
		mismatches.addAll(anotherPartysRecords(model, samples));
		Collections.sort(mismatches);
		assertThat(mismatches).as("answers that differ from " + MODEL + ":\n" + String.join("\n", mismatches))
			.isEmpty();
	}

	/**
	 * Records of the caller's own party for the path variables: the ticket (its rating, return visits, links and
	 * attachments hang off it), the agreement, the provider's first-line group, a shared saved filter of its desk
	 * manager, a routing rule and an alert route of the provider.
	 */
	private Map<String, String> samples(TicketFixtures world, String ticketId, String ticketNumber) {
		String lead = world.token(world.lead);
		var filter = api().post("/api/v1/ticket-filters", lead,
				map("name", TestDirectory.unique("矩阵"), "query", "status=NEW", "shared", true));
		assertThat(filter.status()).as(filter.toString()).isEqualTo(201);
		// the provider's default rule (no conditions), which a provider needs before any other
		var rule = api().post("/api/v1/routing-rules", lead,
				map("name", TestDirectory.unique("矩阵规则"), "groupId", world.firstLine, "assignment", "GROUP"));
		assertThat(rule.status()).as(rule.toString()).isEqualTo(201);
		long account = world.userId(world.directory.user(world.providerUnit, "ALERT_INTEGRATION"));
		var route = api().post("/api/v1/alert-routes", lead, map("accountUserId", account, "name",
				TestDirectory.unique("矩阵路由"), "customerOrgUnitId", world.bureau, "groupId", world.firstLine));
		assertThat(route.status()).as(route.toString()).isEqualTo(201);
		Map<String, String> samples = new LinkedHashMap<>();
		samples.put("id", ticketId);
		samples.put("number", ticketNumber);
		samples.put("agreementId", Long.toString(world.agreement));
		samples.put("groupId", Long.toString(world.firstLine));
		samples.put("filterId", filter.json().get("id").asString());
		samples.put("ruleId", rule.json().get("id").asString());
		samples.put("routeId", route.json().get("id").asString());
		samples.put("date", "2026-01-01");
		return samples;
	}

	/**
	 * The operations on a record of the fixtures' party (its ticket with its rating, return visits, links and
	 * attachments; its agreement, group, saved filter, routing rule and alert route) called by the same roles of another
	 * customer and another provider: a role with the right gets 404 for a record outside its scope (SCOPE), one without
	 * it 403 — DELETE included, which must remove nothing — and the record is in none of their lists.
	 */
	private List<String> anotherPartysRecords(List<Line> model, Map<String, String> samples) {
		TicketFixtures elsewhere = new TicketFixtures(jdbc, api());
		Map<String, String> strangers = new LinkedHashMap<>();
		strangers.put("customer", elsewhere.bureauUser);
		strangers.put("agent", elsewhere.agent);
		strangers.put("desk-manager", elsewhere.lead);
		List<String> mismatches = Collections.synchronizedList(new ArrayList<>());
		strangers.entrySet().parallelStream().forEach(stranger -> {
			String role = stranger.getKey();
			String token = elsewhere.token(stranger.getValue());
			for (Line line : model) {
				String key = line.page() ? null : recordOf(line.path());
				// a return visit is recorded with the ticket in its body, which the pass does not send
				if (key == null || line.path().equals("/api/v1/return-visits") && !line.method().equals("GET")) {
					continue;
				}
				boolean denied = line.expected(role) == Expected.DENY;
				int status = call(line.method(), concrete(line, samples, true), token);
				if (status != (denied ? 403 : 404)) {
					mismatches.add(String.format("%-7s %-55s %-16s expected %-6s got %d (another party's record)",
							line.method(), line.path(), role, denied ? Expected.DENY : Expected.SCOPE, status));
				}
			}
			if (api().get("/api/v1/tickets", token).body().contains(samples.get("number"))) {
				mismatches.add(String.format("%-7s %-55s %-16s lists another party's ticket", "GET", "/api/v1/tickets",
						role));
			}
			LISTS.forEach((list, key) -> {
				var answer = api().get(list, token);
				if (answer.status() == 200
						&& Pattern.compile("\"id\":" + samples.get(key) + "[,}]").matcher(answer.body()).find()) {
					mismatches.add(String.format("%-7s %-55s %-16s lists another party's record", "GET", list, role));
				}
			});
		});
		return mismatches;
	}

	/** The sample a path's {@code {id}} names, or null when the path has no record of the fixtures' party. */
	private static String recordOf(String template) {
		if (TICKET.matcher(template).lookingAt() || template.equals("/api/v1/return-visits")) {
			return "id";
		}
		return RECORDS.entrySet().stream().filter(record -> template.startsWith(record.getKey() + "/{id}"))
			.map(Map.Entry::getValue).findFirst().orElse(null);
	}

	private int call(String method, String path, String token) {
		if (method.equals("POST") && path.endsWith("/import")) {
			return api().postRaw(path, token, "date,kind,name\n", "text/csv").status();
		}
		if (method.equals("GET") && path.endsWith(".csv")) {
			return api().getAccepting(path, token, "text/csv").status();
		}
		if (method.equals("POST") && path.endsWith("/attachments")) {
			return api().postRaw(path, token, "--b--\r\n", "multipart/form-data; boundary=b").status();
		}
		Object body = switch (method) {
			case "POST", "PATCH" -> Map.of();
			case "PUT" -> path.endsWith("/priority-matrix") ? List.of() : Map.of();
			default -> null;
		};
		return api().send(method, path, token, body).status();
	}


	/**
	 * The path with its variables filled in: the sample record where there is one, else an id that does not exist.
	 * A PUT or DELETE in one's own party gets an id that does not exist, so that the pass removes nothing the other
	 * calls need and a colleague's record (a desk manager's shared filter, which an agent reads but may not change)
	 * does not stand for one's own; another party's record ({@code anotherParty}) is named: the answer must be 404,
	 * nothing changed or gone.
	 */
	private static String concrete(Line line, Map<String, String> samples, boolean anotherParty) {
		String template = line.path();
		boolean keep = (line.method().equals("PUT") || line.method().equals("DELETE")) && !anotherParty;
		Matcher variable = VARIABLE.matcher(template);
		StringBuilder path = new StringBuilder();
		while (variable.find()) {
			String name = variable.group(1);
			if (name.equals("id")) {
				String record = recordOf(template);
				name = record == null || keep ? "none" : record;
			}
			String value = samples.getOrDefault(name, Long.toString(NO_SUCH_ID));
			variable.appendReplacement(path, Matcher.quoteReplacement(value));
		}
		variable.appendTail(path);
		String query = switch (template) {
			case "/api/v1/return-visits", "/return-visits/new" -> "?ticketId=" + samples.get("id");
			case "/api/v1/sla/resolve" -> "?priority=P1";
			default -> "";
		};
		return path + query;
	}

	/**
	 * The GET routes of the application's own controllers outside {@code /api}: their path templates with the
	 * variables' patterns left out ({@code /tickets/{id:\\d+}} is {@code /tickets/{id}}).
	 */
	private Set<String> pageRoutes() {
		Set<String> routes = new TreeSet<>();
		handlerMapping.getHandlerMethods().forEach((info, method) -> {
			if (!method.getBeanType().getPackageName().startsWith("org.yunwei.")) {
				return;
			}
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
				return;
			}
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/api/")) {
					routes.add(PATTERN_OF_VARIABLE.matcher(pattern).replaceAll("{$1}"));
				}
			}
		});
		return routes;
	}

	/** Method and path of every operation the API documentation lists. */
	private Set<String> documentedOperations() {
		var docs = api().get("/v3/api-docs", adminToken());
		assertThat(docs.status()).as("/v3/api-docs").isEqualTo(200);
		Set<String> operations = new TreeSet<>();
		docs.json().get("paths").properties().forEach(path -> path.getValue().properties()
			.forEach(method -> operations.add(method.getKey().toUpperCase() + " " + path.getKey())));
		return operations;
	}

	private static List<Line> model() {
		try (InputStream in = AccessMatrixIntegrationTests.class.getResourceAsStream(MODEL)) {
			assertThat(in).as(MODEL).isNotNull();
			List<String> rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter(row -> !row.isBlank() && !row.startsWith("#"))
				.toList();
			List<String> roles = Arrays.asList(rows.get(0).split("\t")).subList(2, rows.get(0).split("\t").length);
			List<Line> lines = new ArrayList<>();
			for (String row : rows.subList(1, rows.size())) {
				String[] cells = row.split("\t");
				assertThat(cells).as("cells of " + row).hasSize(roles.size() + 2);
				Map<String, Expected> expected = new LinkedHashMap<>();
				for (int i = 0; i < roles.size(); i++) {
					expected.put(roles.get(i), Expected.valueOf(cells[i + 2]));
				}
				lines.add(new Line(cells[0], cells[1], expected));
			}
			return lines;
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/** The class of answer the model expects. */
	enum Expected {

		ALLOW, DENY, SCOPE, REDIRECT, PUBLIC;

		boolean admits(int status) {
			if (status >= 500 || (status == 401 && this != PUBLIC)) {
				return false;
			}
			return switch (this) {
				case DENY -> status == 403;
				case ALLOW, SCOPE, PUBLIC -> status != 403;
				case REDIRECT -> status == 302 || status == 303;
			};
		}
	}

	record Line(String method, String path, Map<String, Expected> expected) {

		boolean page() {
			return method.equals("PAGE");
		}

		String operation() {
			return method + " " + path;
		}

		Expected expected(String role) {
			return expected.get(role);
		}
	}

	/**
	 * One person of the matrix. An administrator's TOTP code is accepted once, so an administrator is two accounts of
	 * the same role: one signs in for an API token, the other on the web.
	 */
	private record Person(String apiUser, String webUser, boolean officer) {

		static Person of(String username) {
			return new Person(username, username, false);
		}

		static Person officer(String apiUser, String webUser) {
			return new Person(apiUser, webUser, true);
		}

		String token(AccessMatrixIntegrationTests test) {
			return Accounts.tokenFor(test.api(), apiUser, TestDirectory.PASSWORD, officer ? ADMIN_TOTP_SECRET : null);
		}

		WebSession session(int port) {
			WebSession session = new WebSession(port);
			String totp = officer ? TestTotp.codeAt(ADMIN_TOTP_SECRET, Instant.now()) : null;
			WebSession.Page answer = session.signIn(webUser, TestDirectory.PASSWORD, totp);
			assertThat(answer.location()).as("sign-in of " + webUser).doesNotContain("error");
			return session;
		}
	}
}
