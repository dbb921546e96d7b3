package org.yunwei.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ticket creations through {@code POST /api/v1/tickets} by a number of clients at once, each an agent recording
 * tickets one after another with no pause (a closed loop): creations per second over a timed window after a
 * warm-up, and their response times.
 */
final class CreationLoad {

	static final String[] SUBJECTS = { "打印机无法打印", "邮箱无法登录", "办公网络中断", "VPN 连接失败", "办公电脑蓝屏",
			"政务云主机 CPU 告警", "视频会议系统无声音", "账号被锁定", "申请安装办公软件", "数据库备份失败" };

	private final Api api;
	private final City city;
	private final AtomicInteger sequence = new AtomicInteger();

	CreationLoad(Api api, City city) {
		this.api = api;
		this.city = city;
	}

	/** What a window measured: creations per second (201 within the window) and the response times of those. */
	record Result(int clients, double perSecond, Latencies latencies) {
	}

	Result run(int clients, Duration warmUp, Duration window) throws InterruptedException {
		Latencies latencies = new Latencies();
		long timedFrom = System.nanoTime() + warmUp.toNanos();
		long timedTo = timedFrom + window.toNanos();
		List<City.Agent> agents = city.recordingAgents();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int c = 0; c < clients; c++) {
				City.Agent agent = agents.get(c % agents.size());
				executor.submit(() -> {
					while (System.nanoTime() < timedTo) {
						long sent = System.nanoTime();
						Api.Answer answer = api.post("/api/v1/tickets", agent.token(), draft(agent, sequence
							.incrementAndGet()));
						if (sent < timedFrom || System.nanoTime() > timedTo) {
							continue;
						}
						if (answer.status() == 201) {
							latencies.record(answer.nanos());
						}
						else {
							latencies.error();
							if (latencies.errors() <= 3) {
								System.out.println("  creation failed: " + answer);
							}
						}
					}
				});
			}
		}
		return new Result(clients, latencies.count() / (window.toNanos() / 1e9), latencies);
	}

	/** An agent recording a call from a customer unit, assigned to one of the agent's groups. */
	Map<String, Object> draft(City.Agent agent, int n) {
		City.Placement placement = city.placementFor(agent, n);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", n % 5 == 0 ? "SERVICE_REQUEST" : "INCIDENT");
		body.put("subject", SUBJECTS[n % SUBJECTS.length] + " bench-" + n);
		body.put("description", "用户来电：" + SUBJECTS[n % SUBJECTS.length] + "，影响本科室办公，请尽快处理。");
		body.put("customerOrgUnitId", placement.customerOrgUnitId());
		body.put("reporterName", "报告人" + n % 997);
		body.put("reporterContact", "0731-8" + String.format("%06d", n % 1_000_000));
		body.put("channel", "PHONE");
		if (placement.serviceId() != null) {
			body.put("serviceId", placement.serviceId());
		}
		body.put("impact", 1 + n % 3);
		body.put("urgency", 1 + n / 3 % 3);
		if (!agent.groupIds().isEmpty()) {
			body.put("groupId", agent.groupIds().get(n % agent.groupIds().size()));
		}
		return body;
	}
}
