package org.yunwei.sla.internal.attainment;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.ThrowingSupplier;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actors;
import org.yunwei.web.RejectedRequest;

/**
 * The attainment self-assessment as its readers ask for it: each question parses its period, decides whose
 * agreements the signed-in reader sees and reads within that. An agreement outside the reader's scope is "not
 * found", as if it did not exist. Reading is not audited; exporting is, being a copy leaving the system.
 */
@Service
class AttainmentReports {

	private final Attainment attainment;
	private final AttainmentWorkbook workbook;
	private final Actors actors;
	private final AuditTrail audit;

	AttainmentReports(Attainment attainment, AttainmentWorkbook workbook, Actors actors, AuditTrail audit) {
		this.attainment = attainment;
		this.workbook = workbook;
		this.actors = actors;
		this.audit = audit;
	}

	/** The rows of every visible agreement in a period. */
	public record Summary(LocalDate from, LocalDate to, List<AttainmentRow> rows) {
	}

	/** An agreement's breached items in a period. */
	public record Breaches(AgreementHeading agreement, LocalDate from, LocalDate to, List<BreachedItem> items) {
	}

	/** An agreement's twelve months, oldest first. */
	public record Trend(AgreementHeading agreement, List<MonthlyRate> months) {
	}

	@Transactional(readOnly = true)
	public Summary summary(AttainmentPeriod period, Long agreementId) {
		return new Summary(period.from(), period.to(), attainment.summary(period, scope(), agreementId));
	}

	@Transactional(readOnly = true)
	public Breaches breaches(long agreementId, AttainmentPeriod period) {
		AgreementHeading agreement = visible(agreementId, scope());
		return new Breaches(agreement, period.from(), period.to(),
				attainment.breaches(agreementId, period, Instant.now()));
	}

	@Transactional(readOnly = true)
	public Trend trend(long agreementId) {
		AgreementHeading agreement = visible(agreementId, scope());
		return new Trend(agreement, attainment.trend(agreementId, YearMonth.now(AttainmentPeriod.ZONE)));
	}

	/** Visible agreements that have clocks, for the page's choice of trend. */
	@Transactional(readOnly = true)
	public List<AgreementHeading> agreements() {
		return attainment.agreements(scope());
	}

	/**
	 * Writes the summary and the breached items of every visible agreement in the period as a workbook, and puts the
	 * export on the audit trail in the same transaction. {@code out} is opened only once the reader is known to be
	 * allowed.
	 */
	@Transactional
	public void export(AttainmentPeriod period, Locale locale, ThrowingSupplier<OutputStream> out) throws IOException {
		// before the response is opened, so that a refused reader gets a problem, not half a download
		AttainmentScope scope = scope();
		List<AttainmentRow> rows = attainment.summary(period, scope, null);
		Map<String, Object> exported = new LinkedHashMap<>();
		exported.put("from", period.from().toString());
		exported.put("to", period.to().toString());
		exported.put("providerPartyId", scope.providerPartyId());
		exported.put("rows", rows.size());
		audit.record(AuditEntry.of("SLA_ATTAINMENT_EXPORT", "service_level_agreement", null).after(exported));
		workbook.write(period, rows, agreementId -> attainment.breaches(agreementId, period, Instant.now()), locale,
				out.get());
	}

	private AttainmentScope scope() {
		return AttainmentScope.of(actors.current());
	}

	private AgreementHeading visible(long agreementId, AttainmentScope scope) {
		return attainment.agreement(agreementId, scope)
			.orElseThrow(() -> RejectedRequest.notFound("agreement"));
	}
}
