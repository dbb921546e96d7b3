package org.yunwei.personnel.internal;

import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.People;
import org.yunwei.identity.Person;
import org.yunwei.identity.Positions;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * Keeping staff records: recording a provider's person, revising the record, adding and removing certificates. Each
 * write is audited in its transaction, the personal data only as "sealed", never its value.
 */
@Service
class StaffRegister {

	private final StaffRecords records;
	private final CertificateRecords certificates;
	private final StaffAccess access;
	private final PersonalFields personal;
	private final People people;
	private final Positions positions;
	private final Organisations organisations;
	private final AuditTrail audit;

	StaffRegister(StaffRecords records, CertificateRecords certificates, StaffAccess access, PersonalFields personal,
			People people, Positions positions, Organisations organisations, AuditTrail audit) {
		this.records = records;
		this.certificates = certificates;
		this.access = access;
		this.personal = personal;
		this.people = people;
		this.positions = positions;
		this.organisations = organisations;
		this.audit = audit;
	}

	/** A record of a provider's person in the keeper's scope; 409 when the person has one already. */
	@Transactional
	public long record(StaffDraft draft) {
		Actor keeper = access.requireKeeper();
		StaffContent content = draft.content();
		if (draft.userId() == null) {
			throw RejectedRequest.invalidField("userId", "field.required");
		}
		Person person = people.find(draft.userId())
			.filter(p -> p.enabled() && p.partyKind() == PartyKind.PROVIDER)
			.filter(p -> access.scope().includes(p.partyId(), p.orgUnitId()))
			.orElseThrow(() -> RejectedRequest.invalidField("userId", "personnel.person.not-provider"));
		requirePostOf(content, person);
		long id = records.insert(person.id(), person.partyId(), person.orgUnitId(), content,
				personal.sealPhone(content.phone(), person.id()), personal.sealIdNumber(content.idNumber(), person.id()));
		if (id < 0) {
			throw FieldErrors.taken("userId", "personnel.person.recorded");
		}
		audit.record(AuditEntry.of("STAFF_RECORDED", "staff_member", id).after(content.audited())
			.detail(person.displayName()));
		return id;
	}

	/** Revises a record: everything it says, the personal data included (an empty value removes it). */
	@Transactional
	public void revise(long id, StaffDraft draft) {
		Actor keeper = access.requireKeeper();
		StaffMember member = access.kept(keeper, records.findForUpdate(id));
		StaffContent content = draft.content();
		Person person = people.find(member.userId()).orElseThrow(() -> RejectedRequest.notFound("staff"));
		requirePostOf(content, person);
		records.update(id, person.orgUnitId(), content, personal.sealPhone(content.phone(), member.userId()),
				personal.sealIdNumber(content.idNumber(), member.userId()));
		audit.record(AuditEntry.of("STAFF_REVISED", "staff_member", id).before(withPersonal(member))
			.after(content.audited()).detail(person.displayName()));
	}

	@Transactional
	public long addCertificate(long id, CertificateDraft draft) {
		Actor keeper = access.requireKeeper();
		StaffMember member = access.kept(keeper, records.findForUpdate(id));
		CertificateDraft certificate = draft.validated();
		long certificateId = certificates.insert(member.id(), certificate);
		audit.record(AuditEntry.of("STAFF_CERTIFICATE_ADDED", "staff_member", id).after(certificate.audited())
			.detail(certificate.name()));
		return certificateId;
	}

	@Transactional
	public void removeCertificate(long id, long certificateId) {
		Actor keeper = access.requireKeeper();
		StaffMember member = access.kept(keeper, records.findForUpdate(id));
		Certificate certificate = certificates.find(member.id(), certificateId)
			.orElseThrow(() -> RejectedRequest.notFound("certificate"));
		certificates.delete(certificateId);
		audit.record(AuditEntry.of("STAFF_CERTIFICATE_REMOVED", "staff_member", id)
			.before(new CertificateDraft(certificate.name(), certificate.issuer(), certificate.number(),
					certificate.issuedOn(), certificate.expiresOn()).audited())
			.detail(certificate.name()));
	}

	/** A named post must be one of the person's party: the staffing is per provider. */
	private void requirePostOf(StaffContent content, Person person) {
		if (content.postId() == null) {
			return;
		}
		boolean ofParty = positions.post(content.postId())
			.flatMap(post -> organisations.find(post.orgUnitId()))
			.filter(unit -> unit.partyId() == person.partyId())
			.isPresent();
		if (!ofParty) {
			throw RejectedRequest.invalidField("postId", "personnel.post.other-party");
		}
	}

	private static Map<String, Object> withPersonal(StaffMember member) {
		Map<String, Object> before = new java.util.LinkedHashMap<>(member.content().audited());
		before.put("phone", member.phoneSealed() == null ? "none" : "sealed");
		before.put("idNumber", member.idNumberSealed() == null ? "none" : "sealed");
		return before;
	}
}
