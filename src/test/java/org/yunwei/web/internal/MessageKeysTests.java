package org.yunwei.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yunwei.web.DateRange;

/**
 * Every message a page asks for exists in Chinese and in English. A literal key ({@code #{audit.title}}) must be in
 * both; a key built from a value ({@code #{'ticket.status.' + ${t.status}}}) must exist for every value the value can
 * take, which this test knows from the enum or list named in {@link #VALUES} (a new prefix fails until it is named
 * there). The audit trail's words for every action and object type the code records, and the built-in roles' names,
 * are checked the same way. An English key missing would show Chinese in English mode, since the bundles fall back
 * to the base file.
 */
class MessageKeysTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");
	private static final Path RESOURCES = Path.of("src/main/resources");
	private static final Path SOURCES = Path.of("src/main/java");
	private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z][\\w.-]*)\\s*[}(]");
	private static final Pattern BUILT_KEY = Pattern.compile("(?:#\\{\\$?\\{?\\s*'|#messages\\.msg(?:OrNull)?\\(')"
			+ "([A-Za-z][\\w.-]*\\.)'\\s*\\+\\s*[^+}]*}?(?:\\s*\\+\\s*'([\\w.-]+)')?");
	private static final Pattern AUDIT_ENTRY = Pattern.compile("AuditEntry\\.of\\(([^;]*?)\"([a-z][a-z_-]*)\"",
			Pattern.DOTALL);
	// a literal compared with something ("CONFIRMED".equals(status)) chooses the action, and is not one
	private static final Pattern ACTION = Pattern.compile("\"([A-Z][A-Z_]*)\"(?!\\s*\\.equals)");
	private static final Pattern TICKET_TOPIC = Pattern.compile("notices\\.(?:to|toReporter)\\([^,]+,\\s*\"([a-z-]+)\"");
	private static final Pattern BUILT_IN_ROLE = Pattern.compile("\\('([A-Z_]+)',\\s*'[^']+',\\s*'[^']*',\\s*true\\)");

	/** The values behind each key built from a value: an enum's constants or the page's own list. */
	private static final Map<String, Collection<String>> VALUES = new LinkedHashMap<>();

	static {
		values("ticket.status.", "org.yunwei.ticket.internal.record.TicketStatus");
		values("ticket.type.", "org.yunwei.ticket.TicketType");
		values("ticket.resolution.", "org.yunwei.ticket.internal.record.ResolutionCode");
		values("ticket.channel.", "org.yunwei.ticket.internal.record.Channel");
		values("ticket.pending.", "org.yunwei.ticket.internal.record.PendingReason");
		values("ticketui.object.", "org.yunwei.ticket.internal.record.ServiceObject");
		values("ticketui.entry.", "org.yunwei.ticket.internal.record.EntryKind");
		values("ticketui.link.kind.", "org.yunwei.ticket.internal.link.LinkKind");
		values("ticket-stats.age.", "org.yunwei.ticket.internal.list.TicketQuery$Age");
		values("return-visit.result.", "org.yunwei.evaluation.internal.ReturnVisitResult");
		values("return-visit.reason.", "org.yunwei.evaluation.internal.ReturnVisitReason");
		values("return-visit.report.figure.", "org.yunwei.evaluation.internal.ReturnVisitReport$Figure");
		values("party.", "org.yunwei.identity.PartyKind");
		values("home.", "org.yunwei.identity.PartyKind");
		values("permission.", "org.yunwei.identity.Permission");
		values("catalog.object.", "org.yunwei.catalog.internal.ServiceObjectKind");
		values("notification.robot.kind.", "org.yunwei.notification.internal.RobotKind");
		values("notification.outbox.status.", "org.yunwei.notification.internal.Outbox$Status");
		values("notification.outbox.channel.", "org.yunwei.notification.internal.Outbox$Channel");
		values("attainment.kind.", "org.yunwei.sla.ClockKind");
		values("clocks.kind.", "org.yunwei.sla.ClockKind");
		values("clocks.status.", "org.yunwei.sla.ClockState$Status");
		values("clocks.event.", "org.yunwei.sla.ClockEvent$Type");
		values("clocks.basis.", "org.yunwei.sla.TimeBasis");
		values("calendars.check.basis.", "org.yunwei.sla.TimeBasis");
		values("audit.outcome.", "org.yunwei.audit.Outcome");
		values("approval.outcome.", "org.yunwei.approval.ApprovalOutcome");
		values("approval.decision.", "org.yunwei.approval.internal.DecisionKind");
		values("approval.rule.", "org.yunwei.approval.internal.StageRule");
		values("approval.stage.state.", "org.yunwei.approval.internal.StageState");
		values("approval.via.", "org.yunwei.approval.internal.AssignmentVia");
		values("cmdb.lifecycle.", "org.yunwei.cmdb.internal.Lifecycle");
		values("cmdb.relation.", "org.yunwei.cmdb.internal.RelationType");
		values("cmdb.attribute.type.", "org.yunwei.cmdb.internal.AttributeType");
		VALUES.put("cmdb.change.", List.of("CREATED", "UPDATED", "REVIEWED", "LIFECYCLE", "RELATION_ADDED",
				"RELATION_REMOVED"));
		VALUES.put("cmdb.review.state.", List.of("PENDING", "APPLIED", "REJECTED", "RETURNED", "WITHDRAWN",
				"SUPERSEDED"));
		VALUES.put("cmdb.spare.kind.", List.of("SPARE_PART", "CONSUMABLE"));
		VALUES.put("cmdb.review.kind.", List.of("FIELDS", "LIFECYCLE", "RELATION_ADDED", "RELATION_REMOVED"));
		VALUES.put("cmdb.spare.movement.", List.of("RECEIVED", "ISSUED", "RETURNED"));
		VALUES.put("cmdb.ledger.sort.", List.of("name", "updated", "warranty"));
		// NOTHING is not shown: the page shows a badge only when the ticket waits for its reporter
		VALUES.put("home.awaiting.", List.of("REPLY", "CONFIRMATION"));
		values("routing.assignment.", "org.yunwei.ticket.internal.routing.AutoAssignment");
		VALUES.put("agreements.level.", List.of("GROUP_LEAD", "PROVIDER_MANAGER", "MANAGEMENT"));
		VALUES.put("ticket.level.", List.of("1", "2", "3"));
		VALUES.put("satisfaction.score.", List.of("1", "2", "3", "4", "5"));
		VALUES.put("calendars.weekday.", IntStream.rangeClosed(1, 7).mapToObj(String::valueOf).toList());
		VALUES.put("calendars.day.kind.", List.of("HOLIDAY", "WORKDAY"));
		VALUES.put("ticketui.link.role.", List.of("CHILD", "PARENT", "DUPLICATE_OF", "DUPLICATED_BY", "RELATED"));
		VALUES.put("ticketui.action.", List.of("assign", "start", "resolve", "close"));
		VALUES.put("ticket-stats.by.", List.of("type", "priority", "category", "customer", "service", "channel"));
		VALUES.put("ticketui.tab.", List.of("details", "timeline", "attachments", "links"));
		VALUES.put("audit.chain.reason.", List.of("HASH_MISMATCH", "PREVIOUS_HASH_MISMATCH", "GAP"));
		VALUES.put("audit.filter.", List.of("actor", "action", "objectType"));
		VALUES.put("ticketui.filter.sla.", List.of("response-met", "response-breached", "resolution-met",
				"resolution-breached"));
		// the kinds of record global search finds: one per module that registers a source
		VALUES.put("search.kind.", List.of("ticket", "article"));
		VALUES.put("knowledge.status.", List.of("DRAFT", "IN_REVIEW", "PUBLISHED", "RETIRED"));
		VALUES.put("knowledge.visibility.", List.of("INTERNAL", "CUSTOMER"));
		values("inspection.kind.", "org.yunwei.inspection.internal.ItemKind");
		values("inspection.target.", "org.yunwei.inspection.internal.TargetKind");
		values("inspection.frequency.", "org.yunwei.inspection.internal.Frequency");
		values("inspection.status.", "org.yunwei.inspection.internal.TaskStatus");
		values("inspection.weekday.", "java.time.DayOfWeek");
		VALUES.put("inspection.result.", List.of("PASS", "FAIL"));
		values("check.kind.", "org.yunwei.inspection.internal.check.CheckKind");
		values("check.outcome.", "org.yunwei.inspection.internal.check.CheckOutcome");
		VALUES.put("check.action.", List.of("OPENED", "TOLD", "RECOVERED", "RESOLVED"));
		VALUES.put("knowledge.version.", List.of("IN_REVIEW", "PUBLISHED", "SUPERSEDED", "NOT_APPROVED"));
		VALUES.put("knowledge.diff.", List.of("KEPT", "ADDED", "REMOVED"));
		VALUES.put("knowledge.coverage.", List.of("service", "category"));
		VALUES.put("period.preset.", DateRange.presets(LocalDate.now()).keySet());
		VALUES.put("compliance.chapter.", List.of());
		VALUES.put("users.", List.of());
		VALUES.put("notification.topic.", List.of());
		VALUES.put("document.state.", List.of("CURRENT", "UNPUBLISHED", "REVIEW_DUE"));
		VALUES.put("document.sort.", List.of("UPDATED", "TITLE", "REVIEW", "EFFECTIVE"));
		values("document.version.status.", "org.yunwei.document.internal.DocumentVersion$VersionStatus");
		VALUES.put("document.version.declined.", List.of("REJECTED", "RETURNED", "WITHDRAWN"));
		VALUES.put("document.item.", List.of("4.4.2a", "4.4.2c", "5.3.2b", "5.3.2c", "6.1.2a", "6.2.2a", "7.4.2a",
				"7.6.2a", "7.7.2d"));
		values("change.status.", "org.yunwei.change.internal.ChangeStatus");
		values("change.category.", "org.yunwei.change.internal.ChangeCategory");
		values("change.type.", "org.yunwei.change.internal.ChangeType");
		values("change.risk.", "org.yunwei.change.internal.RiskLevel");
		values("change.outcome.", "org.yunwei.change.internal.ChangeOutcome");
		VALUES.put("change.list.sort.", List.of("updated", "planned"));
		VALUES.put("change.calendar.weekday.", IntStream.rangeClosed(1, 7).mapToObj(String::valueOf).toList());
		values("release.status.", "org.yunwei.release.internal.ReleaseStatus");
		values("release.type.", "org.yunwei.release.internal.ReleaseType");
		VALUES.put("release.list.sort.", List.of("updated", "planned"));
		VALUES.put("change.rule.category.", List.of("NORMAL", "EMERGENCY", "FREEZE_OVERRIDE"));
		VALUES.put("change.rule.level.", List.of("ANY", "LOW", "MEDIUM", "HIGH", "CRITICAL"));
		VALUES.put("role.", List.of("SERVICE_DESK_AGENT", "SERVICE_DESK_MANAGER", "SERVICE_MANAGER", "SUPERVISOR"));
		values("problems.status.", "org.yunwei.problem.internal.ProblemStatus");
		values("problems.priority.", "org.yunwei.sla.Priority");
		values("problems.source.", "org.yunwei.problem.internal.ProblemSource");
		values("problems.entry.", "org.yunwei.problem.internal.ProblemTimeline$Kind");
		values("personnel.clearance.", "org.yunwei.personnel.internal.Clearance");
		values("personnel.course.", "org.yunwei.personnel.internal.CourseCategory");
		values("personnel.source.", "org.yunwei.personnel.internal.ScoreSource");
		// the basis of a score taken from the service desk's figures; a manual score has none
		VALUES.put("personnel.basis.", List.of("TICKET_TIMELINESS", "TICKET_QUALITY"));
		values("emergency.level.", "org.yunwei.emergency.internal.EmergencyLevel");
		values("emergency.phase.", "org.yunwei.emergency.internal.ResponsePhase");
		values("emergency.plan.status.", "org.yunwei.emergency.internal.EmergencyPlanStatus");
		values("emergency.entry.", "org.yunwei.emergency.internal.EmergencyTimeline$Kind");
		VALUES.put("emergency.event.status.", List.of("OPEN", "CLOSED"));
		VALUES.put("emergency.version.status.", List.of("IN_REVIEW", "APPROVED", "SUPERSEDED", "NOT_APPROVED"));
		values("emergency.drill.method.", "org.yunwei.emergency.internal.DrillMethod");
		values("emergency.drill.status.", "org.yunwei.emergency.internal.DrillStatus");
		values("emergency.duty.kind.", "org.yunwei.emergency.internal.DutyKind");
		VALUES.put("emergency.duty.log.kind.", List.of("LOG", "HANDOVER"));
		values("release.relation.", "org.yunwei.cmdb.internal.RelationType");
		VALUES.put("change.sla-rule.basis.", List.of("BUSINESS", "CALENDAR"));
		VALUES.put("change.sla.clock.", List.of("APPROVAL", "IMPLEMENTATION"));
		values("emergency.report.status.", "org.yunwei.emergency.internal.EmergencyReportStatus");
		VALUES.put("emergency.report.history.", List.of("DRAFTED", "EDITED", "SUBMITTED", "WITHDRAWN", "APPROVED",
				"REJECTED", "RETURNED"));
		// the resolved tickets' search shows only finished tickets (ResolvedTicketHit)
		VALUES.put("knowledge.tickets.status.", List.of("RESOLVED", "CLOSED"));
		VALUES.put("knowledge.tickets.type.", List.of("INCIDENT", "SERVICE_REQUEST"));
		values("check.period.", "org.yunwei.inspection.internal.check.CheckPeriod");
	}

	@Test
	void everyKeyATemplateNamesIsInBothLanguages() {
		Bundles bundles = Bundles.load();
		Set<String> missing = new TreeSet<>();
		templates().forEach(template -> {
			Matcher key = LITERAL_KEY.matcher(template(template));
			while (key.find()) {
				missing.addAll(bundles.missing(key.group(1), TEMPLATES.relativize(template).toString()));
			}
		});
		assertThat(missing).isEmpty();
	}

	@Test
	void everyValueAPageShowsThroughAKeyHasItsWordsInBothLanguages() {
		Bundles bundles = Bundles.load();
		Set<String> unknownPrefixes = new TreeSet<>();
		Set<String> missing = new TreeSet<>();
		templates().forEach(template -> {
			Matcher built = BUILT_KEY.matcher(template(template));
			while (built.find()) {
				String prefix = built.group(1);
				Collection<String> values = VALUES.get(prefix);
				if (values == null) {
					unknownPrefixes.add(prefix + " in " + TEMPLATES.relativize(template));
					continue;
				}
				String suffix = built.group(2) == null ? "" : built.group(2);
				values.forEach(value -> missing.addAll(bundles.missing(prefix + value + suffix, "values of " + prefix)));
			}
		});
		assertThat(unknownPrefixes).as("keys built from values this test does not know: name them in VALUES")
			.isEmpty();
		assertThat(missing).isEmpty();
	}

	@Test
	void everyAuditedActionAndObjectTypeAndEveryBuiltInRoleHasAName() {
		Bundles bundles = Bundles.load();
		Set<String> missing = new TreeSet<>();
		sources().forEach(source -> {
			Matcher entry = AUDIT_ENTRY.matcher(read(source));
			while (entry.find()) {
				String where = SOURCES.relativize(source).toString();
				missing.addAll(bundles.missing("audit.object." + entry.group(2), where));
				Matcher action = ACTION.matcher(entry.group(1));
				while (action.find()) {
					String code = action.group(1);
					// "TICKET_" + action.name(): a ticket action's audit names it with this prefix
					List<String> actions = code.endsWith("_")
							? constants("org.yunwei.ticket.internal.record.TicketAction").stream()
								.map(name -> code + name).toList()
							: List.of(code);
					actions.forEach(name -> missing.addAll(bundles.missing("audit.action." + name, where)));
				}
			}
		});
		try (Stream<Path> migrations = Files.walk(RESOURCES.resolve("db/migration"))) {
			migrations.filter(Files::isRegularFile).forEach(migration -> {
				Matcher role = BUILT_IN_ROLE.matcher(read(migration));
				while (role.find()) {
					missing.addAll(bundles.missing("role." + role.group(1), migration.getFileName().toString()));
				}
			});
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void everyTopicTheServiceDeskNotifiesHasAName() {
		Bundles bundles = Bundles.load();
		Set<String> missing = new TreeSet<>();
		sources().forEach(source -> {
			Matcher topic = TICKET_TOPIC.matcher(read(source));
			while (topic.find()) {
				// the notification list names a notice by its topic, which the ticket module prefixes with "ticket."
				missing.addAll(bundles.missing("notification.topic.ticket." + topic.group(1),
						SOURCES.relativize(source).toString()));
			}
		});
		assertThat(missing).isEmpty();
	}

	private static void values(String prefix, String enumClass) {
		VALUES.put(prefix, constants(enumClass));
	}

	private static List<String> constants(String enumClass) {
		try {
			Object[] constants = Class.forName(enumClass).getEnumConstants();
			return Arrays.stream(constants).map(c -> ((Enum<?>) c).name()).toList();
		}
		catch (ClassNotFoundException e) {
			throw new IllegalStateException("No enum " + enumClass + ": correct VALUES", e);
		}
	}

	private static List<Path> templates() {
		return files(TEMPLATES, ".html");
	}

	private static List<Path> sources() {
		return files(SOURCES, ".java");
	}

	private static List<Path> files(Path root, String suffix) {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A template without its comments, which may show a fragment's use with a made-up key. */
	private static String template(Path file) {
		return read(file).replaceAll("(?s)<!--.*?-->", "");
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The application's message bundles as {@code application.yml} lists them, Chinese and English. */
	private record Bundles(Properties chinese, Properties english) {

		static Bundles load() {
			Matcher basenames = Pattern.compile("basename:\\s*(\\S+)")
				.matcher(read(RESOURCES.resolve("application.yml")));
			assertThat(basenames.find()).as("spring.messages.basename in application.yml").isTrue();
			Properties chinese = new Properties();
			Properties english = new Properties();
			for (String basename : basenames.group(1).split(",")) {
				load(chinese, RESOURCES.resolve(basename + ".properties"));
				load(english, RESOURCES.resolve(basename + "_en.properties"));
			}
			return new Bundles(chinese, english);
		}

		private static void load(Properties into, Path file) {
			if (!Files.exists(file)) {
				return;
			}
			try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				into.load(reader);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		List<String> missing(String key, String where) {
			List<String> missing = new ArrayList<>();
			if (!chinese.containsKey(key)) {
				missing.add(key + " (zh-CN, " + where + ")");
			}
			if (!english.containsKey(key)) {
				missing.add(key + " (en, " + where + ")");
			}
			return missing;
		}
	}
}
