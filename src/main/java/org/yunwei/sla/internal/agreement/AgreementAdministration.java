package org.yunwei.sla.internal.agreement;

import org.yunwei.web.FieldErrors;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.sla.Calendars;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.catalog.ServiceCatalog;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.OrganisationUnit;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.Permission;
import org.yunwei.sla.AppliedAgreement;
import org.yunwei.sla.EscalationStep;
import org.yunwei.sla.EscalationTargets;
import org.yunwei.sla.Priority;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

/**
 * Service level agreements (服务级别协议, GZ 9.1.2): kept by management's service level managers (SLA_MANAGE), read
 * by management and supervision, by the provider an agreement names and by the customers it covers
 * ({@link AgreementReaders}). Every change is audited in its own transaction.
 */
@Service
class AgreementAdministration {

	private final Agreements agreements;
	private final ApplicableAgreements applicable;
	private final Organisations organisations;
	private final ServiceCatalog catalog;
	private final Calendars calendars;
	private final Actors actors;
	private final AuditTrail audit;
	private final List<EscalationTargets> escalationTargets;

	AgreementAdministration(Agreements agreements, ApplicableAgreements applicable, Organisations organisations,
			ServiceCatalog catalog, Calendars calendars, Actors actors, AuditTrail audit,
			List<EscalationTargets> escalationTargets) {
		this.escalationTargets = escalationTargets;
		this.agreements = agreements;
		this.applicable = applicable;
		this.organisations = organisations;
		this.catalog = catalog;
		this.calendars = calendars;
		this.actors = actors;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public KeysetPage<AgreementSummary> list(AgreementFilter filter) {
		return KeysetPage.of(agreements.list(filter, readers().where()), filter.limit(), AgreementSummary::code);
	}

	@Transactional(readOnly = true)
	public AgreementView get(long id) {
		AgreementReaders readers = readers();
		AgreementView agreement = readable(id, readers);
		if (!readers.customer()) {
			return agreement;
		}
		long unit = actors.current().orgUnitId();
		return agreement.withServices(agreement.serviceIds().stream()
			.filter(service -> catalog.orderableBy(service, unit))
			.toList());
	}

	/** The providers named by the agreements the signed-in person may read. */
	@Transactional(readOnly = true)
	public List<Long> readableProviders() {
		return agreements.providerIds(readers().where());
	}

	/** The agreement that applies to a record, if the caller may read it (see {@link org.yunwei.sla.ServiceLevels}). */
	@PreAuthorize("hasAnyAuthority('SLA_MANAGE', 'SLA_REPORT')")
	@Transactional(readOnly = true)
	public Optional<AppliedAgreement> resolve(Long customerOrgUnitId, Long serviceId, Priority priority,
			LocalDate on) {
		if (customerOrgUnitId == null || organisations.find(customerOrgUnitId).isEmpty()) {
			throw RejectedRequest.invalidField("customerOrgUnitId", "agreements.customer.unknown");
		}
		AgreementReaders readers = readers();
		return applicable.resolve(customerOrgUnitId, serviceId, priority, on)
			.filter(applied -> agreements.find(applied.agreementId())
				.filter(a -> readers.mayRead(a.providerPartyId(), a.customerOrgUnitId()))
				.isPresent());
	}

	/** Every mistake of a draft without saving anything: for a form that could not even be read completely. */
	@PreAuthorize("hasAuthority('SLA_MANAGE')")
	@Transactional(readOnly = true)
	public Map<String, String> mistakes(AgreementDraft draft) {
		FieldErrors errors = new FieldErrors();
		AgreementRules.check(draft, errors);
		checkReferences(draft, errors);
		return errors.asMap();
	}

	@PreAuthorize("hasAuthority('SLA_MANAGE')")
	@Transactional
	public AgreementView create(AgreementDraft draft) {
		requireManagement();
		AgreementTerms terms = checked(draft, null);
		long id = agreements.insert(terms);
		AgreementView created = agreements.find(id).orElseThrow();
		audit.record(AuditEntry.of("SLA_CREATE", "service_level_agreement", id).after(created));
		return created;
	}

	@PreAuthorize("hasAuthority('SLA_MANAGE')")
	@Transactional
	public AgreementView update(long id, AgreementDraft draft) {
		requireManagement();
		AgreementView before = agreements.find(id).orElseThrow(() -> RejectedRequest.notFound("agreement"));
		AgreementTerms terms = checked(draft, id);
		int version = draft.version() == null ? before.version() : draft.version();
		if (version != before.version() || !agreements.update(id, version, terms)) {
			throw RejectedRequest.conflict("stale", "agreements.stale");
		}
		AgreementView after = agreements.find(id).orElseThrow();
		audit.record(AuditEntry.of("SLA_UPDATE", "service_level_agreement", id).before(before).after(after));
		return after;
	}

	@PreAuthorize("hasAuthority('SLA_MANAGE')")
	@Transactional
	public AgreementView setEnabled(long id, boolean enabled) {
		requireManagement();
		AgreementView before = agreements.find(id).orElseThrow(() -> RejectedRequest.notFound("agreement"));
		if (before.enabled() == enabled) {
			return before;
		}
		agreements.setEnabled(id, enabled);
		AgreementView after = agreements.find(id).orElseThrow();
		audit.record(AuditEntry.of(enabled ? "SLA_ENABLE" : "SLA_DISABLE", "service_level_agreement", id)
			.before(Map.of("enabled", before.enabled()))
			.after(Map.of("enabled", enabled)));
		return after;
	}

	/** Whether the signed-in person may change agreements: the pages show the editor read-only otherwise. */
	public boolean mayManage() {
		return actors.find()
			.filter(a -> a.partyKind() == PartyKind.MANAGEMENT && a.can(Permission.SLA_MANAGE))
			.isPresent();
	}

	/** SLAs are agreed with management (GZ 9.1.2.3): only management's people change them, supervision only reads. */
	private void requireManagement() {
		actors.writableScope();
		if (actors.current().partyKind() != PartyKind.MANAGEMENT) {
			throw RejectedRequest.forbidden("agreements.management-only");
		}
	}

	private AgreementTerms checked(AgreementDraft draft, Long exceptId) {
		FieldErrors errors = new FieldErrors();
		AgreementTerms terms = AgreementRules.check(draft, errors);
		checkReferences(draft, errors);
		errors.throwIfAny();
		if (agreements.codeTaken(terms.code(), exceptId)) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "duplicate", "agreements.code.taken", null,
					Map.of("code", "agreements.code.taken"));
		}
		if (terms.isDefault() && agreements.defaultTaken(exceptId)) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "default-exists", "agreements.default.taken", null,
					Map.of("defaultAgreement", "agreements.default.taken"));
		}
		return terms;
	}

	/** The parties, units, services and calendar a draft names exist and are of the right kind. */
	private void checkReferences(AgreementDraft draft, FieldErrors errors) {
		if (draft.providerPartyId() != null && organisations.findParty(draft.providerPartyId())
			.filter(p -> p.kind() == PartyKind.PROVIDER)
			.isEmpty()) {
			errors.add("providerPartyId", "agreements.provider.not-provider");
		}
		if (draft.customerOrgUnitId() != null && organisations.find(draft.customerOrgUnitId())
			.filter(u -> u.partyKind() == PartyKind.CUSTOMER)
			.isEmpty()) {
			errors.add("customerOrgUnitId", "agreements.customer.not-customer");
		}
		if (draft.serviceIds() != null && draft.serviceIds().stream()
			.anyMatch(id -> id == null || catalog.find(id).isEmpty())) {
			errors.add("serviceIds", "agreements.service.unknown");
		}
		if (draft.calendarId() != null && !calendars.exists(draft.calendarId())) {
			errors.add("calendarId", "agreements.calendar.unknown");
		}
		checkFunctionalTargets(draft, errors);
	}

	/** A functional step names a group the provider may hand its records to (asked of the groups' module). */
	private void checkFunctionalTargets(AgreementDraft draft, FieldErrors errors) {
		List<EscalationTerms> steps = draft.escalations() == null ? List.of() : draft.escalations();
		for (int i = 0; i < steps.size(); i++) {
			EscalationTerms step = steps.get(i);
			String target = step == null ? null : FieldErrors.clean(step.target());
			if (target == null || !EscalationStep.Kind.FUNCTIONAL.name().equals(step.kind())
					|| draft.providerPartyId() == null) {
				continue;
			}
			if (escalationTargets.stream().anyMatch(t -> !t.acceptsFunctional(target, draft.providerPartyId()))) {
				errors.add("escalations[" + i + "].target", "agreements.escalation.group");
			}
		}
	}

	private AgreementView readable(long id, AgreementReaders readers) {
		return agreements.find(id)
			.filter(a -> readers.mayRead(a.providerPartyId(), a.customerOrgUnitId()))
			.orElseThrow(() -> RejectedRequest.notFound("agreement"));
	}

	/** Who is asking and what they may read; 403 for a person with no right to read agreements at all. */
	private AgreementReaders readers() {
		Actor actor = actors.current();
		if (!AgreementReaders.mayReadAny(actor)) {
			throw RejectedRequest.forbidden("agreements.no-access");
		}
		List<Long> ancestors = organisations.find(actor.orgUnitId()).map(OrganisationUnit::ancestorIds)
			.orElse(List.of());
		return AgreementReaders.of(actor, ancestors);
	}
}
