package org.yunwei.benchmark;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import tools.jackson.databind.JsonNode;

/**
 * Response times of the reads people wait for, one client at a time on an otherwise idle application: the agent
 * queue's first page, a ticket's detail, global search, the statistics dashboard of a manager, and each role's home
 * page. Each after a warm-up, so that the figures are warm (JIT, PostgreSQL's buffers).
 */
final class ReadLatencies {

	static final String[] DIMENSIONS = { "type", "priority", "category", "customer", "service", "channel", "status" };
	private static final int WARM_UP = 20;
	/**
	 * The searches' warm-up: a search's code paths differ by index and by the reader's filter, and the first hundred
	 * requests after a start still ran partly interpreted (a suggestion's p99 83 ms on its first 360 keystrokes, 30–45
	 * ms on the next, on the kept city).
	 */
	private static final int SEARCH_WARM_UP = 100;

	private final Api api;
	private final City city;

	ReadLatencies(Api api, City city) {
		this.api = api;
		this.city = city;
	}

	/** The path of an agent queue's first page: a group's open tickets by resolution due time. */
	static String queuePath(long groupId) {
		return "/api/v1/tickets?groupId=" + groupId + "&status=open&sort=due";
	}

	/** A ticket an agent saw in their queue (and so may read). */
	record Seen(City.Agent agent, long ticketId, String number) {
	}

	/**
	 * Words of the generated subjects that global search is asked for: common ones (a tenth of the tickets or more),
	 * rarer ones, and one that no subject holds (the whole table's index is read for nothing).
	 */
	static final List<String> SEARCH_WORDS = List.of("打印机", "无法打印", "机房漏水", "云主机", "VPN 无法连接", "蓝屏",
			"硒鼓", "负载均衡", "门禁", "没有这样的工单");

	/** The first page of the queues of the agents' groups in turn; the tickets seen are kept for the details. */
	Latencies queue(int samples, List<Seen> ticketsSeen) {
		return sample(samples, i -> {
			City.Agent agent = city.agents().get(i % city.agents().size());
			long group = agent.groupIds().get(i / city.agents().size() % agent.groupIds().size());
			Api.Answer answer = api.get(queuePath(group), agent.token());
			if (answer.ok() && ticketsSeen.size() < 10_000) {
				for (JsonNode item : answer.json().path("items")) {
					ticketsSeen.add(new Seen(agent, item.path("id").asLong(), item.path("number").asString()));
				}
			}
			return answer;
		});
	}

	/** The detail of tickets seen in the queues (SLA countdowns, timeline, actions), each by the agent who saw it. */
	Latencies detail(int samples, List<Seen> seen) {
		if (seen.isEmpty()) {
			throw new IllegalStateException("The agents' queues were empty: no ticket to read");
		}
		return sample(samples, i -> {
			Seen ticket = seen.get((int) ((i * 7919L) % seen.size()));
			return api.get("/api/v1/tickets/" + ticket.ticketId(), ticket.agent().token());
		});
	}

	/**
	 * Global search as the top bar's results page asks it ({@code /api/v1/search}, 20 hits per kind): agents in turn
	 * for every other request a word of {@link #SEARCH_WORDS} within their party's tickets, between them the number of
	 * a ticket they saw in their queue; customers in turn for a word within their units' tickets.
	 */
	Latencies search(int samples, List<Seen> seen) {
		if (seen.isEmpty()) {
			throw new IllegalStateException("The agents' queues were empty: no ticket number to search for");
		}
		return sample(samples, i -> {
			String word = SEARCH_WORDS.get(i / 3 % SEARCH_WORDS.size());
			return switch (i % 3) {
				case 0 -> {
					City.Agent agent = city.agents().get(i / 3 % city.agents().size());
					yield api.get(searchPath(word), agent.token());
				}
				case 1 -> {
					Seen ticket = seen.get((int) ((i * 7919L) % seen.size()));
					yield api.get(searchPath(ticket.number()), ticket.agent().token());
				}
				default -> {
					City.Customer customer = city.customers().get(i / 3 % city.customers().size());
					yield api.get(searchPath(word), customer.token());
				}
			};
		});
	}

	/** What readers ask the knowledge base and the 日常问题查询库. */
	static final List<String> KNOWLEDGE_WORDS = org.yunwei.support.SearchQueries.KNOWLEDGE;

	/** A subject as an agent types it into a new ticket, a keystroke at a time. */
	static final String TYPED_SUBJECT = "打印机无法连接网络";

	/**
	 * Waits, at most {@code patience}, until this node's knowledge and resolved-ticket indexes hold everything: a
	 * city's first start builds them in the background, and a start after the generator catches up with what the
	 * generator's own process left unapplied; searches answer from what the indexes hold meanwhile. Asked of the
	 * search administration's API as the first manager (a service manager administers the search); returns how long it
	 * waited.
	 */
	java.time.Duration awaitSearchIndexes(java.time.Duration patience) throws InterruptedException {
		String manager = city.managers().getFirst().token();
		long start = System.nanoTime();
		long deadline = start + patience.toNanos();
		while (System.nanoTime() < deadline) {
			if (complete(api.get("/api/v1/knowledge/index", manager))
					&& complete(api.get("/api/v1/knowledge/index/resolved-tickets", manager))) {
				return java.time.Duration.ofNanos(System.nanoTime() - start);
			}
			Thread.sleep(2_000);
		}
		throw new IllegalStateException("The search indexes were still behind the database after " + patience);
	}

	/** An index that no build is writing and that applied the last change of its log. */
	private static boolean complete(Api.Answer state) {
		if (!state.ok()) {
			throw new IllegalStateException("The search administration did not answer: " + state);
		}
		JsonNode json = state.json();
		return !json.path("rebuild").path("running").asBoolean(false)
				&& json.path("applied").asLong(-1) >= json.path("lastChange").asLong(Long.MAX_VALUE);
	}

	/**
	 * Knowledge search with highlighted snippets as its page asks it ({@code /api/v1/knowledge/search}, 10 hits):
	 * agents (their party's internal articles and those for customers) and customers (those for customers) in turn.
	 */
	Latencies articles(int samples) {
		return sample(samples, SEARCH_WARM_UP, i -> {
			String word = KNOWLEDGE_WORDS.get(i / 2 % KNOWLEDGE_WORDS.size());
			String token = i % 2 == 0 ? city.agents().get(i / 2 % city.agents().size()).token()
					: city.customers().get(i / 2 % city.customers().size()).token();
			return api.get("/api/v1/knowledge/search?limit=10&q=" + encoded(word), token);
		});
	}

	/** The 日常问题查询库: the resolved and closed tickets of the agent's party matching a text, 10 with snippets. */
	Latencies resolvedTickets(int samples) {
		return sample(samples, SEARCH_WARM_UP, i -> {
			City.Agent agent = city.agents().get(i % city.agents().size());
			return api.get(resolvedTicketsPath(KNOWLEDGE_WORDS.get(i / 2 % KNOWLEDGE_WORDS.size())), agent.token());
		});
	}

	/**
	 * Suggestions while an agent types a ticket's subject: one request per keystroke, as the form asks, for the
	 * articles and the similar resolved incidents ({@code /api/v1/knowledge/suggestions}).
	 */
	Latencies suggestions(int samples) {
		return sample(samples, SEARCH_WARM_UP, i -> {
			City.Agent agent = city.agents().get(i / TYPED_SUBJECT.length() % city.agents().size());
			String typed = TYPED_SUBJECT.substring(0, 1 + i % TYPED_SUBJECT.length());
			return api.get("/api/v1/knowledge/suggestions?subject=" + encoded(typed), agent.token());
		});
	}

	private static String resolvedTicketsPath(String text) {
		return "/api/v1/knowledge/resolved-tickets?limit=10&q=" + encoded(text);
	}

	private static String encoded(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static String searchPath(String text) {
		return "/api/v1/search?limit=20&q=" + encoded(text);
	}

	/**
	 * The manager's dashboard for the last 30 days as a dashboard asks for it: everything (summary, seven dimensions,
	 * backlog by age, daily trend) in one request, {@code /api/v1/ticket-statistics/report}.
	 */
	Latencies report(int samples) {
		City.Manager manager = city.managers().getFirst();
		String path = "/api/v1/ticket-statistics/report?" + lastThirtyDays() + "&granularity=day";
		return sample(samples, i -> api.get(path, manager.token()));
	}

	/**
	 * The assessment-evidence register (考核证据) of the last 30 days for the manager: all 89 items with every module's
	 * figures, {@code /api/v1/compliance/items} (what the page {@code /compliance} reads, without its rendering).
	 */
	Latencies compliance(int samples) {
		City.Manager manager = city.managers().getFirst();
		String path = "/api/v1/compliance/items?" + lastThirtyDays();
		return sample(samples, i -> api.get(path, manager.token()));
	}

	private static String lastThirtyDays() {
		LocalDate to = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		return "from=" + to.minusDays(29) + "&to=" + to;
	}

	/**
	 * The same dashboard from its parts: the summary, the seven dimensions, the open backlog by age and the daily
	 * trend, each request timed on its own, and all ten in a row as one figure.
	 */
	Map<String, Latencies> dashboard(int samples) {
		City.Manager manager = city.managers().getFirst();
		String period = lastThirtyDays();
		Map<String, String> paths = new LinkedHashMap<>();
		paths.put("summary", "/api/v1/ticket-statistics/summary?" + period);
		for (String dimension : DIMENSIONS) {
			paths.put(dimension, "/api/v1/ticket-statistics?" + period + "&groupBy=" + dimension);
		}
		paths.put("backlog-age", "/api/v1/ticket-statistics/backlog-age");
		paths.put("trend", "/api/v1/ticket-statistics/trend?" + period + "&granularity=day");
		Map<String, Latencies> result = new LinkedHashMap<>();
		paths.keySet().forEach(name -> result.put(name, new Latencies()));
		Latencies whole = new Latencies();
		for (int i = -3; i < samples; i++) {
			long start = System.nanoTime();
			boolean allOk = true;
			for (var path : paths.entrySet()) {
				Api.Answer answer = api.get(path.getValue(), manager.token());
				allOk &= answer.ok();
				if (i >= 0) {
					record(result.get(path.getKey()), answer);
				}
				else if (!answer.ok()) {
					throw new IllegalStateException(path.getValue() + ": " + answer);
				}
			}
			if (i >= 0 && allOk) {
				whole.record(System.nanoTime() - start);
			}
		}
		result.put("dashboard", whole);
		return result;
	}

	/**
	 * The home page ({@code /}, the whole HTML page with Thymeleaf) of each role, signed in through the sign-in form
	 * as a browser is: a customer (their requests, what to rate), an agent (queue, near the deadline, unassigned in
	 * their groups), a provider's service desk manager (the agent's sections and the groups' load and breaches), a
	 * manager and the supervisor (the month's figures). Every generated person has the generator's password
	 * ({@code IdentityDataset.PASSWORD}); the desk manager and the supervisor are not in the accounts file, and are
	 * named as the generator names them.
	 */
	Map<String, Latencies> homes(int samples) {
		String password = System.getProperty("bench.password", "Yunwei#Data2026");
		Map<String, String> people = new LinkedHashMap<>();
		people.put("customer", city.customers().getFirst().username());
		people.put("agent", city.agents().getFirst().username());
		people.put("deskManager", System.getProperty("bench.deskManager", "p01.lead"));
		people.put("manager", city.managers().getFirst().username());
		people.put("supervisor", System.getProperty("bench.supervisor", "supervisor01"));
		Map<String, Latencies> result = new LinkedHashMap<>();
		people.forEach((role, username) -> {
			SignedIn session = new SignedIn(api.base(), username, password);
			result.put(role, sample(samples, i -> session.get("/")));
		});
		return result;
	}

	/** A browser's session over HTTP: the sign-in form (with its CSRF token), then pages with the session cookie. */
	private static final class SignedIn {

		private static final java.util.regex.Pattern CSRF = java.util.regex.Pattern
			.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

		private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
			.version(java.net.http.HttpClient.Version.HTTP_1_1)
			.cookieHandler(new java.net.CookieManager())
			.followRedirects(java.net.http.HttpClient.Redirect.NEVER)
			.build();
		private final String base;

		SignedIn(String base, String username, String password) {
			this.base = base;
			java.util.regex.Matcher csrf = CSRF.matcher(get("/login").body());
			if (!csrf.find()) {
				throw new IllegalStateException("no sign-in form at " + base + "/login");
			}
			String form = "username=" + encoded(username) + "&password=" + encoded(password) + "&_csrf="
					+ encoded(csrf.group(1));
			Api.Answer signedIn = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(form))
				.build());
			Api.Answer home = get("/");
			if (signedIn.status() != 302 || !home.ok()) {
				throw new IllegalStateException("could not sign in as " + username + ": " + home);
			}
		}

		Api.Answer get(String path) {
			return send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path)).GET().build());
		}

		private Api.Answer send(java.net.http.HttpRequest request) {
			long start = System.nanoTime();
			try {
				var response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
				return new Api.Answer(response.statusCode(), response.body(), System.nanoTime() - start);
			}
			catch (java.io.IOException noAnswer) {
				return new Api.Answer(0, noAnswer.toString(), System.nanoTime() - start);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return new Api.Answer(0, "interrupted", System.nanoTime() - start);
			}
		}

		private static String encoded(String value) {
			return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
		}
	}

	private Latencies sample(int samples, IntFunction<Api.Answer> call) {
		return sample(samples, WARM_UP, call);
	}

	private Latencies sample(int samples, int warmUp, IntFunction<Api.Answer> call) {
		Latencies latencies = new Latencies();
		for (int i = -warmUp; i < samples; i++) {
			Api.Answer answer = call.apply(i + warmUp);
			if (i < 0 && !answer.ok()) {
				throw new IllegalStateException("warm-up request failed: " + answer);
			}
			if (i >= 0) {
				record(latencies, answer);
			}
		}
		return latencies;
	}

	private static void record(Latencies latencies, Api.Answer answer) {
		if (answer.ok()) {
			latencies.record(answer.nanos());
		}
		else {
			latencies.error();
		}
	}
}
