package org.yunwei.approval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
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
 * A book of approval rules (审批流程的选择): which approval policy a subject goes to by its key (a change's category and
 * risk level, a release's type). A module that submits subjects for approval extends it as its own service, naming
 * in {@link Terms} its table, its key's parts with the values each takes, its messages and who reads its subjects;
 * the book does the rest alike for every module: at most one live rule per key, a rule names an active policy, edits
 * carry the version read, retirement keeps the rule on record, every write is audited under the table's name
 * ({@code CHANGE_APPROVAL_RULE_CREATED} on {@code change_approval_rule}). The rules are kept by those who keep the
 * policies (APPROVAL_POLICY_MANAGE, not supervision) and read also by management's and supervision's readers of the
 * subjects. A rule's edit or retirement never touches a subject already submitted: its policy stays the one chosen.
 * <p>
 * Each module keeps its own table ({@code change_approval_rule}, {@code release_approval_rule}); the rows do not move
 * to one approval table. The tables already have the same shape but for the key's columns, so one piece of SQL
 * serves both (see {@link PolicyRuleTable}); moving the rows would renumber the rules that audit records and links
 * name, and change the queries that pick a subject's policy in the owning module (a change falls back from its level
 * to its category's ANY rule in its own SQL) for no gain in behaviour. The owning module remains the only one that
 * writes its table, through the book it configures.
 */
public abstract class PolicyRuleBook {

	private static final Pattern NAME = Pattern.compile("[a-z][a-z_]*");

	/**
	 * One part of a rule's key.
	 *
	 * @param field the name of the field in forms, the API's refusals and the audit facts
	 * @param column the table's column
	 * @param label the message key of the field's label; {@code label + "." + value} names each value
	 * @param values the values the part takes, in the order pages list them
	 * @param unknown the message key of a value not among them
	 */
	public record KeyPart(String field, String column, String label, List<String> values, String unknown) {

		public KeyPart {
			values = List.copyOf(values);
			if (!NAME.matcher(column).matches()) {
				throw new IllegalArgumentException("Not a column name: " + column);
			}
		}
	}

	/**
	 * What a module's book is made of.
	 *
	 * @param table the module's table of rules; also the audit's object type and, upper-cased, its actions' prefix
	 * @param messages the prefix of the book's messages ({@code change.rule}: {@code change.rule.taken}, ...)
	 * @param readers the permission with which management's and supervision's people read the rules
	 * @param key the parts of the key, in the order forms and lists show them
	 */
	public record Terms(String table, String messages, Permission readers, List<KeyPart> key) {

		public Terms {
			key = List.copyOf(key);
			if (!NAME.matcher(table).matches() || key.isEmpty()) {
				throw new IllegalArgumentException("Not a table name or no key: " + table);
			}
		}

		/** The field a duplicate key is refused on: the key's last part, the one people pick last. */
		String lastField() {
			return key.getLast().field();
		}
	}

	/** What a keeper writes: the key's values in its parts' order (any may be missing) and the policy. */
	public record Draft(List<String> key, Long policyId) {

		public Draft {
			key = Collections.unmodifiableList(new ArrayList<>(key));
		}

		public static Draft of(Long policyId, String... key) {
			return new Draft(Arrays.asList(key), policyId);
		}
	}

	private final Terms terms;
	private final PolicyRuleTable table;
	private final Approvals approvals;
	private final Actors actors;
	private final AuditTrail audit;
	private final String refusal;

	protected PolicyRuleBook(Terms terms, JdbcClient jdbc, Approvals approvals, Actors actors, AuditTrail audit) {
		this.terms = terms;
		this.table = new PolicyRuleTable(jdbc, terms);
		this.approvals = approvals;
		this.actors = actors;
		this.audit = audit;
		this.refusal = terms.table().replace('_', '-');
	}

	public Terms terms() {
		return terms;
	}

	@Transactional(readOnly = true)
	public List<PolicyRule> all(boolean withRetired) {
		reader();
		Map<Long, String> names = policyNames();
		return table.all(withRetired).stream().map(r -> view(r, names)).toList();
	}

	@Transactional(readOnly = true)
	public PolicyRule find(long id) {
		reader();
		return view(table.find(id).orElseThrow(() -> RejectedRequest.notFound(refusal)), policyNames());
	}

	/** The policies a rule may name: the active ones. */
	public List<ApprovalPolicyChoice> policies() {
		return approvals.policies();
	}

	/** The policy of the live rule of exactly this key, if any; for the owning module's submission. */
	public Optional<Long> livePolicy(List<String> key) {
		return table.livePolicy(key);
	}

	@Transactional
	public PolicyRule create(Draft draft) {
		keeper();
		Draft clean = check(draft, 0L);
		long id;
		try {
			id = table.insert(clean.key(), clean.policyId());
		}
		catch (DuplicateKeyException concurrent) {
			throw FieldErrors.taken(terms.lastField(), terms.messages() + ".taken");
		}
		audit.record(AuditEntry.of(action("CREATED"), terms.table(), id).after(facts(clean))
			.detail(String.join("/", clean.key())));
		return find(id);
	}

	@Transactional
	public PolicyRule edit(long id, Integer version, Draft draft) {
		keeper();
		PolicyRuleTable.Row before = live(id);
		Draft clean = check(draft, id);
		boolean updated;
		try {
			updated = table.update(id, version == null ? before.version() : version, clean.key(), clean.policyId());
		}
		catch (DuplicateKeyException concurrent) {
			throw FieldErrors.taken(terms.lastField(), terms.messages() + ".taken");
		}
		if (!updated) {
			throw changedMeanwhile();
		}
		audit.record(AuditEntry.of(action("EDITED"), terms.table(), id)
			.before(facts(new Draft(before.key(), before.policyId()))).after(facts(clean))
			.detail(String.join("/", clean.key())));
		return find(id);
	}

	@Transactional
	public void retire(long id, Integer version) {
		keeper();
		PolicyRuleTable.Row before = live(id);
		if (!table.retire(id, version == null ? before.version() : version)) {
			throw changedMeanwhile();
		}
		audit.record(AuditEntry.of(action("RETIRED"), terms.table(), id)
			.before(facts(new Draft(before.key(), before.policyId()))).detail(String.join("/", before.key())));
	}

	/** Whether the signed-in person may create, edit and retire rules (for buttons on pages). */
	public boolean mayKeep() {
		return actors.find().filter(PolicyRuleBook::keeps).isPresent();
	}

	/** Whether the signed-in person may read the rules (for links to them). */
	public boolean mayRead() {
		return actors.find().filter(a -> reads(a, terms.readers())).isPresent();
	}

	/** Keepers, and management's and supervision's holders of {@code readers}. */
	public static boolean reads(Actor actor, Permission readers) {
		return keeps(actor) || actor.can(readers)
				&& Set.of(PartyKind.MANAGEMENT, PartyKind.SUPERVISION).contains(actor.partyKind());
	}

	/**
	 * The module's own refusals of a key, checked before the book's (the first refusal of a field is the one shown):
	 * for one that a value of a part cannot go with another. {@code key} holds the cleaned values, any may be null.
	 */
	protected void refuse(List<String> key, FieldErrors errors) {
	}

	private static boolean keeps(Actor actor) {
		return actor.can(Permission.APPROVAL_POLICY_MANAGE) && actor.partyKind() != PartyKind.SUPERVISION;
	}

	private PolicyRuleTable.Row live(long id) {
		PolicyRuleTable.Row row = table.find(id).orElseThrow(() -> RejectedRequest.notFound(refusal));
		if (row.retiredAt() != null) {
			throw RejectedRequest.conflict(refusal + "-retired", terms.messages() + ".retired");
		}
		return row;
	}

	private Draft check(Draft draft, long exceptId) {
		FieldErrors errors = new FieldErrors();
		List<String> key = new ArrayList<>();
		for (int i = 0; i < terms.key().size(); i++) {
			String value = draft == null || i >= draft.key().size() ? null : FieldErrors.clean(draft.key().get(i));
			errors.required(terms.key().get(i).field(), value);
			key.add(value);
		}
		Long policyId = draft == null ? null : draft.policyId();
		errors.required("policyId", policyId);
		refuse(Collections.unmodifiableList(key), errors);
		for (int i = 0; i < key.size(); i++) {
			KeyPart part = terms.key().get(i);
			if (key.get(i) != null && !part.values().contains(key.get(i))) {
				errors.add(part.field(), part.unknown());
			}
		}
		if (policyId != null && approvals.policies().stream().noneMatch(p -> p.id() == policyId)) {
			errors.add("policyId", terms.messages() + ".policy.unknown");
		}
		errors.throwIfAny();
		if (table.taken(key, exceptId)) {
			throw FieldErrors.taken(terms.lastField(), terms.messages() + ".taken");
		}
		return new Draft(key, policyId);
	}

	private void reader() {
		if (!reads(actors.current(), terms.readers())) {
			throw RejectedRequest.forbidden(terms.messages() + ".forbidden");
		}
	}

	private void keeper() {
		if (!keeps(actors.current())) {
			throw RejectedRequest.forbidden(terms.messages() + ".forbidden");
		}
	}

	private RejectedRequest changedMeanwhile() {
		return RejectedRequest.conflict(refusal + "-changed-meanwhile", terms.messages() + ".changed-meanwhile");
	}

	private String action(String done) {
		return terms.table().toUpperCase(Locale.ROOT) + "_" + done;
	}

	private Map<Long, String> policyNames() {
		Map<Long, String> names = new LinkedHashMap<>();
		approvals.policies().forEach(p -> names.put(p.id(), p.name()));
		return names;
	}

	private static PolicyRule view(PolicyRuleTable.Row r, Map<Long, String> names) {
		return new PolicyRule(r.id(), r.key(), r.policyId(), names.get(r.policyId()), r.version(), r.updatedAt(),
				r.retiredAt());
	}

	/** The audit's facts: each key part by its field name, then the policy. */
	private Map<String, Object> facts(Draft d) {
		Map<String, Object> facts = new LinkedHashMap<>();
		for (int i = 0; i < terms.key().size(); i++) {
			facts.put(terms.key().get(i).field(), d.key().get(i));
		}
		facts.put("policyId", d.policyId());
		return facts;
	}
}
