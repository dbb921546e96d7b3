package org.yunwei.personnel.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actor;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.Party;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.People;
import org.yunwei.identity.Person;
import org.yunwei.personnel.internal.ConfidentialityDrafts.ConfidentialityAgreementDraft;
import org.yunwei.personnel.internal.ConfidentialityDrafts.CheckDraft;
import org.yunwei.personnel.internal.ConfidentialityDrafts.LeakDraft;
import org.yunwei.personnel.internal.ConfidentialityRecords.AgreementRow;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * Confidentiality (保密): recording signed agreements per person and version, confidentiality checks and leak
 * incidents, and reading them with the staff who have no agreement in force and the "zero leaks" indicator. The same
 * rights as the staff records: PERSONNEL_READ reads, PERSONNEL_MANAGE records, each within the reader's scope.
 */
@Service
class Confidentiality {

	static final int LIST_LIMIT = 200;

	private final ConfidentialityRecords records;
	private final StaffRecords staff;
	private final StaffAccess access;
	private final People people;
	private final Organisations organisations;
	private final StaffReading reading;
	private final AuditTrail audit;

	Confidentiality(ConfidentialityRecords records, StaffRecords staff, StaffAccess access, People people,
			Organisations organisations, StaffReading reading, AuditTrail audit) {
		this.records = records;
		this.staff = staff;
		this.access = access;
		this.people = people;
		this.organisations = organisations;
		this.reading = reading;
		this.audit = audit;
	}

	public record ConfidentialityAgreementView(long id, long staffId, String name, String partyName, String version, LocalDate signedOn,
			LocalDate expiresOn, boolean inForce) {
	}

	public record CheckView(long id, long partyId, String partyName, LocalDate checkedOn, String subject, String findings,
			boolean passed) {
	}

	public record LeakView(long id, long partyId, String partyName, LocalDate occurredOn, String summary, String measures) {
	}

	/** A staff member without a confidentiality agreement in force. */
	public record UnsignedStaff(long staffId, String name, String partyName) {
	}

	/**
	 * The "zero leaks" indicator (泄密事件是否零发生) of a period, both days included.
	 *
	 * @param zeroLeaks no leak incident occurred in the period
	 */
	public record LeakIndicator(LocalDate from, LocalDate to, long leaks, boolean zeroLeaks) {
	}

	@Transactional
	public long sign(ConfidentialityAgreementDraft draft) {
		Actor keeper = access.requireKeeper();
		FieldErrors errors = new FieldErrors();
		String version = FieldErrors.clean(draft.version());
		errors.required("staffId", draft.staffId()).required("version", version, 50).required("signedOn",
				draft.signedOn());
		if (draft.signedOn() != null && draft.signedOn().isAfter(reading.today())) {
			errors.add("signedOn", "personnel.agreement.signed-future");
		}
		if (draft.signedOn() != null && draft.expiresOn() != null && draft.expiresOn().isBefore(draft.signedOn())) {
			errors.add("expiresOn", "personnel.agreement.expires-before-signed");
		}
		StaffMember member = draft.staffId() == null ? null
				: staff.find(draft.staffId()).filter(m -> access.keeps(keeper, m)).orElse(null);
		if (draft.staffId() != null && member == null) {
			errors.add("staffId", "personnel.agreement.staff-unknown");
		}
		errors.throwIfAny();
		long id = records.insertAgreement(member.id(), member.partyId(), version, draft.signedOn(), draft.expiresOn(),
				keeper.userId());
		if (id < 0) {
			throw FieldErrors.taken("version", "personnel.agreement.version-signed");
		}
		audit.record(AuditEntry.of("CONFIDENTIALITY_AGREEMENT_SIGNED", "confidentiality_agreement", id)
			.after(Map.of("staffId", member.id(), "version", version, "signedOn", draft.signedOn().toString(),
					"expiresOn", draft.expiresOn() == null ? "" : draft.expiresOn().toString()))
			.detail(version));
		return id;
	}

	@Transactional
	public long check(CheckDraft draft) {
		Actor keeper = access.requireKeeper();
		FieldErrors errors = new FieldErrors();
		String subject = FieldErrors.clean(draft.subject());
		String findings = FieldErrors.clean(draft.findings());
		errors.required("checkedOn", draft.checkedOn()).required("subject", subject, 200)
			.optional("findings", findings, 2000).required("passed", draft.passed());
		if (draft.checkedOn() != null && draft.checkedOn().isAfter(reading.today())) {
			errors.add("checkedOn", "personnel.date.future");
		}
		Long party = provider(keeper, draft.partyId(), errors);
		errors.throwIfAny();
		long id = records.insertCheck(party, draft.checkedOn(), subject, findings, draft.passed(), keeper.userId());
		audit.record(AuditEntry.of("CONFIDENTIALITY_CHECKED", "confidentiality_check", id)
			.after(Map.of("partyId", party, "checkedOn", draft.checkedOn().toString(), "subject", subject,
					"passed", draft.passed()))
			.detail(subject));
		return id;
	}

	@Transactional
	public long leak(LeakDraft draft) {
		Actor keeper = access.requireKeeper();
		FieldErrors errors = new FieldErrors();
		String summary = FieldErrors.clean(draft.summary());
		String measures = FieldErrors.clean(draft.measures());
		errors.required("occurredOn", draft.occurredOn()).required("summary", summary, 500)
			.optional("measures", measures, 2000);
		if (draft.occurredOn() != null && draft.occurredOn().isAfter(reading.today())) {
			errors.add("occurredOn", "personnel.date.future");
		}
		Long party = provider(keeper, draft.partyId(), errors);
		errors.throwIfAny();
		long id = records.insertLeak(party, draft.occurredOn(), summary, measures, keeper.userId());
		audit.record(AuditEntry.of("LEAK_INCIDENT_RECORDED", "leak_incident", id)
			.after(Map.of("partyId", party, "occurredOn", draft.occurredOn().toString(), "summary", summary))
			.detail(summary));
		return id;
	}

	@Transactional(readOnly = true)
	public org.yunwei.web.KeysetPage<ConfidentialityAgreementView> agreements(Long staffId, String cursor,
			Integer limit) {
		access.requireReader();
		NewestFirst after = NewestFirst.of(cursor, limit);
		return after.page(agreementViews(records.agreements(access.scope(), staffId, after, after.limit() + 1)),
				ConfidentialityAgreementView::signedOn, ConfidentialityAgreementView::id);
	}

	/** The agreements of one record the reader already may see (for the record's page). */
	List<ConfidentialityAgreementView> agreementsOf(long staffId) {
		return agreementViews(records.agreements(access.scope(), staffId, LIST_LIMIT));
	}

	@Transactional(readOnly = true)
	public List<UnsignedStaff> unsigned() {
		access.requireReader();
		List<StaffMember> members = staff.findAll(records.unsigned(access.scope(), reading.today(), LIST_LIMIT));
		Map<Long, String> names = names(members);
		Function<Long, String> party = partyNames();
		return members.stream()
			.map(m -> new UnsignedStaff(m.id(), names.get(m.userId()), party.apply(m.partyId())))
			.toList();
	}

	@Transactional(readOnly = true)
	public List<CheckView> checks() {
		access.requireReader();
		Function<Long, String> party = partyNames();
		return records.checks(access.scope(), LIST_LIMIT).stream()
			.map(c -> new CheckView(c.id(), c.partyId(), party.apply(c.partyId()), c.checkedOn(), c.subject(),
					c.findings(), c.passed()))
			.toList();
	}

	@Transactional(readOnly = true)
	public List<LeakView> leaks() {
		access.requireReader();
		Function<Long, String> party = partyNames();
		return records.leaks(access.scope(), LIST_LIMIT).stream()
			.map(l -> new LeakView(l.id(), l.partyId(), party.apply(l.partyId()), l.occurredOn(), l.summary(),
					l.measures()))
			.toList();
	}

	/** The indicator of a period in the reader's scope; by default the current year to today. */
	@Transactional(readOnly = true)
	public LeakIndicator indicator(LocalDate from, LocalDate to) {
		access.requireReader();
		LocalDate today = reading.today();
		LocalDate start = from == null ? today.withDayOfYear(1) : from;
		LocalDate end = to == null ? today : to;
		if (end.isBefore(start)) {
			throw RejectedRequest.invalidField("to", "personnel.period.backwards");
		}
		long leaks = records.leakCount(access.scope(), start, end);
		return new LeakIndicator(start, end, leaks, leaks == 0);
	}

	/** The provider parties a keeper may record checks and leaks for: the forms' choices. */
	List<Party> parties() {
		return reading.providerParties();
	}

	/**
	 * The provider a check or leak belongs to: a provider's keeper records for their own party (naming another is a
	 * mistake), management's must name a provider.
	 */
	private Long provider(Actor keeper, Long partyId, FieldErrors errors) {
		if (keeper.partyKind() == PartyKind.PROVIDER) {
			if (partyId != null && partyId != keeper.partyId()) {
				errors.add("partyId", "personnel.party.other");
			}
			return keeper.partyId();
		}
		if (partyId == null) {
			errors.add("partyId", "field.required");
			return null;
		}
		DataScope scope = access.scope();
		boolean provider = organisations.findParty(partyId)
			.filter(p -> p.kind() == PartyKind.PROVIDER && scope.includesParty(p.id()))
			.isPresent();
		if (!provider) {
			errors.add("partyId", "personnel.party.other");
		}
		return partyId;
	}

	private List<ConfidentialityAgreementView> agreementViews(List<AgreementRow> rows) {
		Map<Long, StaffMember> members = staff.findAll(rows.stream().map(AgreementRow::staffId).toList()).stream()
			.collect(Collectors.toMap(StaffMember::id, m -> m));
		Map<Long, String> names = names(members.values().stream().toList());
		Function<Long, String> party = partyNames();
		LocalDate today = reading.today();
		return rows.stream()
			.map(a -> new ConfidentialityAgreementView(a.id(), a.staffId(), names.get(members.get(a.staffId()).userId()),
					party.apply(a.partyId()), a.version(), a.signedOn(), a.expiresOn(), a.inForce(today)))
			.toList();
	}

	private Map<Long, String> names(List<StaffMember> members) {
		return people.findAll(members.stream().map(StaffMember::userId).toList()).stream()
			.collect(Collectors.toMap(Person::id, Person::displayName));
	}

	private Function<Long, String> partyNames() {
		Map<Long, String> cache = new HashMap<>();
		return id -> cache.computeIfAbsent(id, p -> organisations.findParty(p).map(Party::name).orElse(""));
	}
}
