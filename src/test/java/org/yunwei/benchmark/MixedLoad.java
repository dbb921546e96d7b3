package org.yunwei.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

/**
 * Agents and customers using Yunwei at the same time, each a virtual user on a virtual thread that acts, thinks
 * (a random pause around a mean) and acts again for the whole duration; the users start spread over a ramp-up.
 * <p>
 * An agent opens their group's queue, reads a ticket from it, and then replies to it, resolves it, records a new
 * ticket or moves on. A customer lists their unit's tickets, then submits a new one, reads one or replies to one.
 * Response times and errors are kept per kind of request; a 422 because another agent moved the same ticket on
 * first is counted as a refusal, not an error.
 */
final class MixedLoad {

	/** @param agents how many of the {@code users} are agents; the rest are customers */
	record Settings(int users, int agents, Duration duration, Duration rampUp, Duration agentThink,
			Duration customerThink) {
	}

	static final List<String> KINDS = List.of("agent.queue", "agent.detail", "agent.reply", "agent.resolve",
			"agent.create", "customer.list", "customer.submit", "customer.detail", "customer.reply");

	private final Api api;
	private final City city;
	private final CreationLoad creations;
	private final Map<String, Latencies> latencies = new LinkedHashMap<>();
	private final AtomicInteger sequence = new AtomicInteger(1_000_000);
	private final AtomicInteger printedErrors = new AtomicInteger();
	private volatile long end;

	MixedLoad(Api api, City city, CreationLoad creations) {
		this.api = api;
		this.city = city;
		this.creations = creations;
		KINDS.forEach(kind -> latencies.put(kind, new Latencies()));
	}

	/** Runs the load and answers the response times by kind of request. */
	Map<String, Latencies> run(Settings settings) throws InterruptedException {
		long start = System.nanoTime();
		end = start + settings.duration().toNanos();
		Thread progress = Thread.ofVirtual().start(() -> progress(start));
		try (ExecutorService users = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int u = 0; u < settings.users(); u++) {
				long startAt = start + settings.rampUp().toNanos() * u / settings.users();
				int user = u;
				users.submit(() -> {
					sleepUntil(startAt);
					if (user < settings.agents()) {
						agent(city.agents().get(user % city.agents().size()), settings.agentThink());
					}
					else {
						customer(city.customers().get((user - settings.agents()) % city.customers().size()),
								settings.customerThink());
					}
				});
			}
		}
		progress.interrupt();
		return latencies;
	}

	private void agent(City.Agent agent, Duration think) {
		while (running()) {
			long group = agent.groupIds().get(ThreadLocalRandom.current().nextInt(agent.groupIds().size()));
			Api.Answer queue = call("agent.queue", () -> api.get(ReadLatencies.queuePath(group), agent.token()));
			List<Long> ids = ids(queue);
			if (!pause(think)) {
				return;
			}
			double roll = ThreadLocalRandom.current().nextDouble();
			if (!ids.isEmpty()) {
				long id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
				call("agent.detail", () -> api.get("/api/v1/tickets/" + id, agent.token()));
				if (!pause(think)) {
					return;
				}
				if (roll < 0.35) {
					call("agent.reply", () -> api.post("/api/v1/tickets/" + id + "/replies", agent.token(),
							Map.of("body", "您好，已收到，工程师正在处理，请稍候。")));
				}
				else if (roll < 0.55) {
					call("agent.resolve", () -> api.post("/api/v1/tickets/" + id + "/resolve", agent.token(),
							Map.of("resolutionCode", "SOLVED", "resolutionText", "已远程处理，经用户确认恢复正常。")));
				}
			}
			if (roll >= 0.55 && roll < 0.70) {
				call("agent.create", () -> api.post("/api/v1/tickets", agent.token(),
						creations.draft(agent, sequence.incrementAndGet())));
			}
			if (!pause(think)) {
				return;
			}
		}
	}

	private void customer(City.Customer customer, Duration think) {
		while (running()) {
			Api.Answer list = call("customer.list", () -> api.get("/api/v1/tickets", customer.token()));
			List<Long> ids = ids(list);
			List<Long> open = openIds(list);
			if (!pause(think)) {
				return;
			}
			double roll = ThreadLocalRandom.current().nextDouble();
			if (roll < 0.25 || ids.isEmpty()) {
				call("customer.submit", () -> api.post("/api/v1/tickets", customer.token(), submission(customer)));
			}
			else {
				long id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
				call("customer.detail", () -> api.get("/api/v1/tickets/" + id, customer.token()));
				if (roll > 0.85 && !open.isEmpty() && pause(think)) {
					long openId = open.get(ThreadLocalRandom.current().nextInt(open.size()));
					call("customer.reply", () -> api.post("/api/v1/tickets/" + openId + "/replies", customer.token(),
							Map.of("body", "补充说明：问题仍然存在，麻烦尽快处理，谢谢。")));
				}
			}
			if (!pause(think)) {
				return;
			}
		}
	}

	/** A portal submission about a service the customer's unit may order. */
	private Map<String, Object> submission(City.Customer customer) {
		List<Long> services = customer.serviceIds();
		int n = sequence.incrementAndGet();
		String subject = CreationLoad.SUBJECTS[n % CreationLoad.SUBJECTS.length];
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", n % 4 == 0 ? "SERVICE_REQUEST" : "INCIDENT");
		body.put("subject", subject + " portal-" + n);
		body.put("description", "门户提交：" + subject + "，请尽快安排处理。");
		if (!services.isEmpty()) {
			body.put("serviceId", services.get(n % services.size()));
		}
		body.put("impact", 2 + n % 2);
		body.put("urgency", 2 + n / 2 % 2);
		return body;
	}

	private Api.Answer call(String kind, Supplier<Api.Answer> request) {
		Api.Answer answer = Api.timed(latencies.get(kind), request);
		if (!answer.ok() && !answer.raceLost() && printedErrors.incrementAndGet() <= 10) {
			System.out.println("  " + kind + " failed: " + answer);
		}
		return answer;
	}

	private static List<Long> ids(Api.Answer answer) {
		List<Long> ids = new ArrayList<>();
		if (answer.ok()) {
			for (JsonNode item : answer.json().path("items")) {
				ids.add(item.path("id").asLong());
			}
		}
		return ids;
	}

	/** The tickets of a list that may still be replied to (not closed). */
	private static List<Long> openIds(Api.Answer answer) {
		List<Long> ids = new ArrayList<>();
		if (answer.ok()) {
			for (JsonNode item : answer.json().path("items")) {
				if (!"CLOSED".equals(item.path("status").asString())) {
					ids.add(item.path("id").asLong());
				}
			}
		}
		return ids;
	}

	private boolean running() {
		return System.nanoTime() < end;
	}

	/** Thinks for a random time between half and one and a half of the mean; false when the load is over. */
	private boolean pause(Duration mean) {
		long nanos = (long) (mean.toNanos() * (0.5 + ThreadLocalRandom.current().nextDouble()));
		sleepUntil(Math.min(end, System.nanoTime() + nanos));
		return running();
	}

	private static void sleepUntil(long nanoTime) {
		long left = nanoTime - System.nanoTime();
		if (left > 0) {
			try {
				Thread.sleep(Duration.ofNanos(left));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void progress(long start) {
		try {
			while (running()) {
				Thread.sleep(Duration.ofSeconds(30));
				long requests = 0;
				long errors = 0;
				for (Latencies l : latencies.values()) {
					requests += l.count() + l.errors() + l.refusals();
					errors += l.errors();
				}
				System.out.printf("  mixed load: %.0f s, %,d requests, %,d errors%n", (System.nanoTime() - start) / 1e9,
						requests, errors);
			}
		}
		catch (InterruptedException done) {
			// the load is over
		}
	}
}
