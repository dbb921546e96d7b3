package org.yunwei.notification.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.audit.Outcome;
import org.yunwei.identity.Actors;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.Party;
import org.yunwei.identity.PartyKind;
import org.yunwei.notification.internal.RobotWebhook.RobotRefusal;
import org.yunwei.notification.internal.Robots.Robot;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * The group robots (群机器人) that hear of notices: created, changed, removed and tried out by those who hold
 * {@code NOTIFICATION_MANAGE}. Management keeps robots for every party; anyone else only robots of their own party.
 * The webhook address and the secret are credentials: written, never shown back, never on the audit trail.
 */
@Service
@PreAuthorize("hasAuthority('NOTIFICATION_MANAGE')")
class RobotAdministration {

	/** An exact topic, a prefix ending in a dot, or {@code *}. */
	static final Pattern TOPIC = Pattern.compile("^(\\*|[a-z0-9][a-z0-9_-]*(\\.[a-z0-9][a-z0-9_-]*)*\\.?)$");
	static final int MAX_TOPICS = 20;

	private final Robots robots;
	private final Organisations organisations;
	private final Actors actors;
	private final AuditTrail audit;
	private final RobotWebhook webhook;
	private final MessageSource messages;

	RobotAdministration(Robots robots, Organisations organisations, Actors actors, AuditTrail audit,
			RobotWebhook webhook, MessageSource messages) {
		this.robots = robots;
		this.organisations = organisations;
		this.actors = actors;
		this.audit = audit;
		this.webhook = webhook;
		this.messages = messages;
	}

	public List<RobotView> list() {
		DataScope scope = actors.scope();
		return robots.all().stream().filter(robot -> visible(robot, scope)).map(this::view).toList();
	}

	public RobotView get(long id) {
		return view(visible(id, actors.scope()));
	}

	@Transactional
	public RobotView create(RobotDraft draft) {
		DataScope scope = actors.writableScope();
		Checked checked = check(draft, null, scope);
		if (robots.nameTaken(checked.name(), null)) {
			throw FieldErrors.taken("name", "notification.robot.name.taken");
		}
		long id = robots.insert(checked.name(), checked.kind(), checked.url(), checked.secret(), checked.topics(),
				checked.partyId(), checked.enabled());
		Robot created = robots.find(id).orElseThrow();
		audit.record(AuditEntry.of("NOTIFICATION_ROBOT_CREATE", "notification_robot", id).after(audited(created)));
		return view(created);
	}

	@Transactional
	public RobotView update(long id, RobotDraft draft) {
		DataScope scope = actors.writableScope();
		Robot before = visible(id, scope);
		Checked checked = check(draft, before, scope);
		if (robots.nameTaken(checked.name(), id)) {
			throw FieldErrors.taken("name", "notification.robot.name.taken");
		}
		robots.update(id, checked.name(), checked.kind(), checked.url(), checked.secret(), checked.topics(),
				checked.partyId(), checked.enabled());
		Robot after = robots.find(id).orElseThrow();
		audit.record(AuditEntry.of("NOTIFICATION_ROBOT_UPDATE", "notification_robot", id).before(audited(before))
			.after(audited(after)));
		return view(after);
	}

	/** Removes a robot with the messages still queued for it. */
	@Transactional
	public void delete(long id) {
		DataScope scope = actors.writableScope();
		Robot before = visible(id, scope);
		robots.delete(id);
		audit.record(AuditEntry.of("NOTIFICATION_ROBOT_DELETE", "notification_robot", id).before(audited(before)));
	}

	/**
	 * Sends a test message to the robot now, enabled or not, and tells whether it arrived; the try is on the audit
	 * trail with its outcome.
	 */
	public TestResult test(long id) {
		DataScope scope = actors.writableScope();
		Robot robot = visible(id, scope);
		String text = messages.getMessage("notification.robot.test.text", new Object[] { robot.name() },
				LocaleContextHolder.getLocale());
		TestResult result;
		try {
			webhook.send(robot, text);
			result = new TestResult(true, null);
		}
		catch (RobotRefusal refusal) {
			result = new TestResult(false, refusal.getMessage());
		}
		audit.record(AuditEntry.of("NOTIFICATION_ROBOT_TEST", "notification_robot", id)
			.outcome(result.delivered() ? Outcome.SUCCESS : Outcome.FAILURE)
			.detail(result.error()));
		return result;
	}

	/** Whether a test message arrived, and if not, what the robot or the network said. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "NotificationRobotTestResult")
	record TestResult(boolean delivered, String error) {
	}

	private Robot visible(long id, DataScope scope) {
		return robots.find(id).filter(robot -> visible(robot, scope))
			.orElseThrow(() -> RejectedRequest.notFound("notification-robot"));
	}

	/** Robots for every party belong to management (and supervision reads them); others see their own party's. */
	private static boolean visible(Robot robot, DataScope scope) {
		return robot.partyId() == null ? scope.partyKind() == PartyKind.MANAGEMENT
				|| scope.partyKind() == PartyKind.SUPERVISION : scope.includesParty(robot.partyId());
	}

	private Checked check(RobotDraft draft, Robot stored, DataScope scope) {
		String name = FieldErrors.clean(draft.name());
		String url = FieldErrors.clean(draft.url());
		String secret = FieldErrors.clean(draft.secret());
		var violations = new FieldErrors().required("name", name, 100);

		RobotKind kind = RobotKind.parse(FieldErrors.clean(draft.kind()));
		if (FieldErrors.clean(draft.kind()) == null) {
			violations.add("kind", "field.required");
		}
		else if (kind == null) {
			violations.add("kind", "notification.robot.kind.invalid");
		}

		if (url == null && stored != null) {
			url = stored.url();
		}
		else {
			violations.required("url", url, 2000);
			String problem = url == null || violations.has("url") ? null : WebhookAddress.problemWith(url);
			if (problem != null) {
				violations.add("url", problem);
			}
		}

		violations.optional("secret", secret, 200);
		boolean removeSecret = Boolean.TRUE.equals(draft.removeSecret());
		if (secret == null && stored != null && !removeSecret) {
			secret = stored.secret();
		}
		if (kind != null && !kind.signs() && FieldErrors.clean(draft.secret()) != null) {
			violations.add("secret", "notification.robot.secret.unsigned");
		}
		if (kind != null && !kind.signs()) {
			secret = null;
		}

		List<String> topics = topics(draft.topics(), violations);

		Long partyId = draft.partyId();
		if (partyId == null) {
			if (scope.partyKind() != PartyKind.MANAGEMENT) {
				violations.add("partyId", "notification.robot.party.required");
			}
		}
		else if (organisations.findParty(partyId).isEmpty() || !scope.includesParty(partyId)) {
			violations.add("partyId", "notification.robot.party.unknown");
		}
		violations.throwIfAny();
		return new Checked(name, kind, url, secret, topics, partyId, draft.enabled() == null || draft.enabled());
	}

	private static List<String> topics(List<String> submitted, FieldErrors violations) {
		LinkedHashSet<String> topics = new LinkedHashSet<>();
		if (submitted != null) {
			for (String topic : submitted) {
				String cleaned = FieldErrors.clean(topic);
				if (cleaned == null) {
					continue;
				}
				if (cleaned.length() > 100 || !TOPIC.matcher(cleaned).matches()) {
					violations.add("topics", "notification.robot.topics.invalid");
				}
				topics.add(cleaned);
			}
		}
		if (topics.isEmpty()) {
			violations.add("topics", "notification.robot.topics.required");
		}
		else if (topics.size() > MAX_TOPICS) {
			violations.add("topics", "notification.robot.topics.too-many");
		}
		return new ArrayList<>(topics);
	}

	private RobotView view(Robot robot) {
		String partyName = robot.partyId() == null ? null
				: organisations.findParty(robot.partyId()).map(Party::name).orElse(null);
		return new RobotView(robot.id(), robot.name(), robot.kind(), robot.maskedUrl(), robot.secret() != null,
				robot.topics(), robot.partyId(), partyName, robot.enabled(), robot.createdAt(), robot.updatedAt());
	}

	/** What the audit trail keeps of a robot: no secret, the address masked. */
	private static Map<String, Object> audited(Robot robot) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("name", robot.name());
		view.put("kind", robot.kind().name());
		view.put("url", robot.maskedUrl());
		view.put("secretSet", robot.secret() != null);
		view.put("topics", robot.topics());
		view.put("partyId", robot.partyId());
		view.put("enabled", robot.enabled());
		return view;
	}

	private record Checked(String name, RobotKind kind, String url, String secret, List<String> topics, Long partyId,
			boolean enabled) {
	}
}
