package org.yunwei.sla.internal.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import net.javacrumbs.shedlock.core.LockProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.sla.ClockKind;
import org.yunwei.sla.ClockSubject;
import org.yunwei.sla.ClockTerms;
import org.yunwei.sla.Priority;
import org.yunwei.sla.SlaClocks;
import org.yunwei.sla.TimeBasis;
import org.yunwei.support.HeldClusterLock;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;
import org.yunwei.ticket.internal.TicketFixtures;

import tools.jackson.databind.JsonNode;

/**
 * The clocks page over HTTP: an object's clocks with their history in China's time, for management and supervision
 * only. Subjects are unique, as other tests share the database.
 */
class ClockPageIntegrationTests extends IntegrationTestSupport {

	@Autowired
	SlaClocks clocks;

	@Autowired
	ClockTick tick;

	@Autowired
	LockProvider locks;

	TestDirectory directory;
	WebSession manager;

	@BeforeEach
	void signIn() {
		directory = new TestDirectory(jdbc);
		manager = session(directory.user(unit("MANAGEMENT"), "SERVICE_MANAGER"));
	}

	@Test
	void showsEachClockWithItsStateAndOrderedHistoryInChinasTime() {
		// the clocks are long due from their start: a scheduled tick between two steps would raise the thresholds
		// before the pause instead of after the retarget
		try (var scheduledTicks = HeldClusterLock.hold(locks, "sla-clock-tick")) {
			buildsAHistoryThenShowsIt();
		}
	}

	private void buildsAHistoryThenShowsIt() {
		ClockSubject subject = subject();
		// 2026-03-02 09:00 in Shanghai; calendar time, so the due time is start + 4 h whatever the calendar says
		Instant start = OffsetDateTime.parse("2026-03-02T09:00:00+08:00").toInstant();
		clocks.start(subject, ClockKind.RESOLUTION, terms(Duration.ofHours(4)), start);
		clocks.start(subject, ClockKind.RESPONSE, terms(Duration.ofHours(1)), start);
		clocks.stop(subject, ClockKind.RESPONSE, start.plus(Duration.ofMinutes(20)));
		clocks.pause(subject, ClockKind.RESOLUTION, start.plus(Duration.ofMinutes(30)));
		clocks.resume(subject, ClockKind.RESOLUTION, start.plus(Duration.ofMinutes(90)));
		clocks.retarget(subject, ClockKind.RESOLUTION, new ClockTerms(42L, Priority.P1, null, TimeBasis.CALENDAR,
				Duration.ofHours(2), List.of(50, 75, 90)), start.plus(Duration.ofMinutes(100)));
		tick.tick();

		var page = manager.get(path(subject));
		assertThat(page.status()).isEqualTo(200);
		String body = page.body();
		assertThat(body).contains("解决计时").contains("响应计时").contains("北京时间");

		String response = section(body, "clock-RESPONSE");
		assertThat(response).contains("已停止").contains("2026-03-02 09:20:00").contains("2026-03-02 10:00:00")
			.contains("0 小时 20 分").contains("0 小时 40 分").doesNotContain("已超时");

		String resolution = section(body, "clock-RESOLUTION");
		// paused for an hour, then 2 hours of target: due 12:00, long past, so every threshold and the breach came
		assertThat(resolution).contains("计时中").contains("已超时").contains("2026-03-02 12:00:00").contains("已超出");
		assertThat(types(resolution)).containsExactly("STARTED", "PAUSED", "RESUMED", "TARGET_CHANGED",
				"THRESHOLD_REACHED", "THRESHOLD_REACHED", "THRESHOLD_REACHED", "BREACHED");
		assertThat(resolution).contains("开始计时").contains("挂起").contains("恢复").contains("目标变更")
			.contains("达到预警阈值").contains(">超时<")
			.contains("P1 · 2 小时 0 分 · 自然时间").contains("2026-03-02 09:30:00").contains("2026-03-02 10:30:00")
			.contains("已用 50%，应于 2026-03-02 11:00:00 预警").contains("到期时间 2026-03-02 12:00:00");
	}

	@Test
	void englishLabelsComeFromTheEnglishBundle() {
		ClockSubject subject = subject();
		clocks.start(subject, ClockKind.RESPONSE, terms(Duration.ofHours(8)), Instant.now());
		clocks.pause(subject, ClockKind.RESPONSE, Instant.now());

		String body = manager.get(path(subject) + "&lang=en").body();
		assertThat(body).contains("Response clock").contains("Paused").contains("Due if resumed now")
			.contains("Started").contains("China Standard Time");
	}

	@Test
	void saysWhatToEnterWhatIsMissingAndWhenThereIsNoClock() {
		assertThat(manager.get("/sla/clocks").body()).contains("id=\"clocks-hint\"").doesNotContain("is-invalid");

		String missing = manager.get("/sla/clocks?subjectType=ticket").body();
		assertThat(missing).contains("id=\"c-number-error\"").contains("此项必填");

		String unknown = manager.get("/sla/clocks?number=INC-19990101-9999").body();
		assertThat(unknown).contains("id=\"c-number-error\"").contains("没有这个编号的工单")
			.contains("value=\"INC-19990101-9999\"");

		String none = manager.get("/sla/clocks?subjectType=ticket&subjectId=" + TestDirectory.unique("none")).body();
		assertThat(none).contains("id=\"clocks-empty\"").contains("没有 SLA 计时");
	}

	@Test
	void findsATicketsClocksByTheNumberTheTicketPageLinksWith() {
		TicketFixtures world = new TicketFixtures(jdbc, api());
		JsonNode ticket = world.submitted("会议室大屏无法投屏").get("ticket");
		String number = ticket.get("number").asString();
		WebSession supervisor = session(directory.user(unit("SUPERVISION"), "SUPERVISOR"));
		assertThat(supervisor.get("/tickets/" + ticket.get("id").asLong()).body())
			.contains("href=\"/sla/clocks?number=" + number + "\"");

		String page = supervisor.get("/sla/clocks?number=" + number.toLowerCase(java.util.Locale.ROOT)).body();
		assertThat(page).contains("id=\"clock-RESPONSE\"", "id=\"clock-RESOLUTION\"")
			.doesNotContain("id=\"c-number-error\"");
		assertThat(session(world.agent).get("/tickets/" + ticket.get("id").asLong()).body())
			.doesNotContain("id=\"ticket-clocks\"");
	}

	@Test
	void onlyManagementAndSupervisionReadClocks() {
		ClockSubject subject = subject();
		clocks.start(subject, ClockKind.RESPONSE, terms(Duration.ofHours(1)), Instant.now());
		String reporter = directory.role("SLA_REPORT");

		WebSession supervisor = session(directory.user(unit("SUPERVISION"), "SUPERVISOR"));
		assertThat(supervisor.get(path(subject)).body()).contains("id=\"clock-RESPONSE\"");
		assertThat(supervisor.get("/").body()).contains("href=\"/sla/clocks\"");

		WebSession provider = session(directory.user(unit("PROVIDER"), reporter));
		assertThat(provider.get(path(subject)).status()).isEqualTo(403);
		WebSession customer = session(directory.user(unit("CUSTOMER"), reporter));
		assertThat(customer.get(path(subject)).status()).isEqualTo(403);
		WebSession plain = session(directory.user(unit("MANAGEMENT")));
		assertThat(plain.get(path(subject)).status()).isEqualTo(403);
		assertThat(plain.get("/").body()).doesNotContain("href=\"/sla/clocks\"");
	}

	private long unit(String partyKind) {
		return directory.orgUnit(directory.party(partyKind, "单位"), null, "部门");
	}

	private WebSession session(String username) {
		WebSession session = new WebSession(port);
		assertThat(session.signIn(username, TestDirectory.PASSWORD, null).status()).isEqualTo(302);
		return session;
	}

	private static String path(ClockSubject subject) {
		return "/sla/clocks?subjectType=" + subject.type() + "&subjectId=" + subject.id();
	}

	/** The card of one clock: from its id to the next card or the end of the page. */
	private static String section(String body, String id) {
		int start = body.indexOf("id=\"" + id + "\"");
		assertThat(start).as(id).isNotNegative();
		int end = body.indexOf("class=\"card mb-4\"", start);
		return body.substring(start, end < 0 ? body.length() : end);
	}

	private static List<String> types(String section) {
		return java.util.regex.Pattern.compile("data-type=\"([A-Z_]+)\"")
			.matcher(section)
			.results()
			.map(match -> match.group(1))
			.toList();
	}

	private static ClockSubject subject() {
		return new ClockSubject("page-test", TestDirectory.unique("T"));
	}

	private static ClockTerms terms(Duration target) {
		return new ClockTerms(42L, Priority.P2, null, TimeBasis.CALENDAR, target, List.of(50, 75, 90));
	}
}
