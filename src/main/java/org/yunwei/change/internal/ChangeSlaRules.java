package org.yunwei.change.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.Permission;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * Keeps the change SLA rules (变更服务时限): which clocks a change of a category and risk level runs and their
 * targets. Kept by the service level managers (SLA_MANAGE, who keep the agreements of tickets), read also by
 * management's and supervision's readers of changes. Every write is audited; an edit or retirement never touches a
 * clock already running, whose terms were set when it started.
 */
@Service
class ChangeSlaRules {

	static final String ANY = "ANY";
	static final List<String> CATEGORIES = List.of(ChangeCategory.STANDARD.name(), ChangeCategory.NORMAL.name(),
			ChangeCategory.EMERGENCY.name());
	static final List<String> LEVELS = ChangeApprovalRules.LEVELS;
	static final List<String> BASES = List.of("BUSINESS", "CALENDAR");
	/** A year: more is a typing error, not a target. */
	static final int MOST_MINUTES = 525_600;
	static final int DEFAULT_WARNING = 75;

	private final ChangeSlaRuleRecords records;
	private final Actors actors;
	private final AuditTrail audit;

	ChangeSlaRules(ChangeSlaRuleRecords records, Actors actors, AuditTrail audit) {
		this.records = records;
		this.actors = actors;
		this.audit = audit;
	}

	/**
	 * What a keeper writes. {@code approvalBasis} defaults to BUSINESS, {@code windowDeadline} to false and
	 * {@code warningPercent} to 75.
	 */
	record Draft(String category, String riskLevel, Integer approvalMinutes, String approvalBasis,
			Boolean windowDeadline, Integer warningPercent) {
	}

	@Transactional(readOnly = true)
	public List<ChangeSlaRule> all(boolean withRetired) {
		reader();
		return records.all(withRetired);
	}

	@Transactional(readOnly = true)
	public ChangeSlaRule find(long id) {
		reader();
		return records.find(id).orElseThrow(() -> RejectedRequest.notFound("change-sla-rule"));
	}

	@Transactional
	public ChangeSlaRule create(Draft draft) {
		keeper();
		Draft clean = check(draft, 0L);
		long id = records.insert(clean);
		audit.record(AuditEntry.of("CHANGE_SLA_RULE_CREATED", "change_sla_rule", id).after(facts(clean))
			.detail(clean.category() + "/" + clean.riskLevel()));
		return records.find(id).orElseThrow();
	}

	@Transactional
	public ChangeSlaRule edit(long id, Integer version, Draft draft) {
		keeper();
		ChangeSlaRule before = live(id);
		Draft clean = check(draft, id);
		if (!records.update(id, version == null ? before.version() : version, clean)) {
			throw RejectedRequest.conflict("change-sla-rule-changed-meanwhile", "change.rule.changed-meanwhile");
		}
		audit.record(AuditEntry.of("CHANGE_SLA_RULE_EDITED", "change_sla_rule", id).before(facts(draftOf(before)))
			.after(facts(clean)).detail(clean.category() + "/" + clean.riskLevel()));
		return records.find(id).orElseThrow();
	}

	@Transactional
	public void retire(long id, Integer version) {
		keeper();
		ChangeSlaRule before = live(id);
		if (!records.retire(id, version == null ? before.version() : version)) {
			throw RejectedRequest.conflict("change-sla-rule-changed-meanwhile", "change.rule.changed-meanwhile");
		}
		audit.record(AuditEntry.of("CHANGE_SLA_RULE_RETIRED", "change_sla_rule", id).before(facts(draftOf(before)))
			.detail(before.category() + "/" + before.riskLevel()));
	}

	/** Whether the signed-in person may create, edit and retire rules (for buttons on pages). */
	boolean mayKeep() {
		return actors.find().filter(ChangeSlaRules::keeps).isPresent();
	}

	static Draft draftOf(ChangeSlaRule rule) {
		return new Draft(rule.category(), rule.riskLevel(), rule.approvalMinutes(), rule.approvalBasis(),
				rule.windowDeadline(), rule.warningPercent());
	}

	private ChangeSlaRule live(long id) {
		ChangeSlaRule row = records.find(id).orElseThrow(() -> RejectedRequest.notFound("change-sla-rule"));
		if (row.retired()) {
			throw RejectedRequest.conflict("change-sla-rule-retired", "change.rule.retired");
		}
		return row;
	}

	private Draft check(Draft draft, long exceptId) {
		FieldErrors errors = new FieldErrors();
		Draft d = draft == null ? new Draft(null, null, null, null, null, null) : draft;
		String category = FieldErrors.clean(d.category());
		String level = FieldErrors.clean(d.riskLevel());
		String basis = FieldErrors.clean(d.approvalBasis()) == null ? "BUSINESS" : FieldErrors.clean(d.approvalBasis());
		boolean window = Boolean.TRUE.equals(d.windowDeadline());
		int warning = d.warningPercent() == null ? DEFAULT_WARNING : d.warningPercent();
		errors.required("category", category).required("riskLevel", level);
		if (category != null && !CATEGORIES.contains(category)) {
			errors.add("category", "change.sla-rule.category.unknown");
		}
		if (level != null && !LEVELS.contains(level)) {
			errors.add("riskLevel", "change.rule.level.unknown");
		}
		Integer minutes = d.approvalMinutes();
		if (minutes != null && (minutes < 1 || minutes > MOST_MINUTES)) {
			errors.add("approvalMinutes", "change.sla-rule.minutes.range");
		}
		else if (minutes != null && ChangeCategory.STANDARD.name().equals(category)) {
			errors.add("approvalMinutes", "change.sla-rule.standard-approval");
		}
		else if (minutes == null && !window) {
			errors.add("approvalMinutes", "change.sla-rule.nothing");
		}
		if (!BASES.contains(basis)) {
			errors.add("approvalBasis", "change.sla-rule.basis.unknown");
		}
		if (warning < 1 || warning > 99) {
			errors.add("warningPercent", "change.sla-rule.warning.range");
		}
		errors.throwIfAny();
		if (records.taken(category, level, exceptId)) {
			throw FieldErrors.taken("riskLevel", "change.rule.taken");
		}
		return new Draft(category, level, minutes, basis, window, warning);
	}

	private void reader() {
		if (!reads(actors.current())) {
			throw RejectedRequest.forbidden("change.sla-rule.forbidden");
		}
	}

	private void keeper() {
		if (!keeps(actors.current())) {
			throw RejectedRequest.forbidden("change.sla-rule.forbidden");
		}
	}

	/** Keepers, and management's and supervision's readers of changes. */
	static boolean reads(Actor actor) {
		return keeps(actor) || actor.can(Permission.CHANGE_READ)
				&& Set.of(PartyKind.MANAGEMENT, PartyKind.SUPERVISION).contains(actor.partyKind());
	}

	private static boolean keeps(Actor actor) {
		return actor.can(Permission.SLA_MANAGE) && actor.partyKind() != PartyKind.SUPERVISION;
	}

	private static Map<String, Object> facts(Draft d) {
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("category", d.category());
		facts.put("riskLevel", d.riskLevel());
		facts.put("approvalMinutes", d.approvalMinutes());
		facts.put("approvalBasis", d.approvalBasis());
		facts.put("windowDeadline", d.windowDeadline());
		facts.put("warningPercent", d.warningPercent());
		return facts;
	}
}
