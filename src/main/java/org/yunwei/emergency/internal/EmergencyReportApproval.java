package org.yunwei.emergency.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.approval.ApprovalAsk;
import org.yunwei.approval.ApprovalState;
import org.yunwei.approval.ApprovalSubject;
import org.yunwei.approval.Approvals;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.emergency.internal.EmergencyReportSources.Placement;
import org.yunwei.identity.Actor;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * Approving reports: a draft of an ended event or drill, every section written, goes to the approval module under the
 * default policy at the hash of its text; granted for that hash it is issued (frozen, naming its approvers and the
 * date), rejected, returned or withdrawn it is a draft again with the reason. Editing is refused while in review, so
 * the text decided on is the text issued; a decision for a hash the report no longer waits for changes nothing.
 */
@Service
public class EmergencyReportApproval {

	public static final String SUBJECT_TYPE = "emergency-report";

	private final EmergencyReportRecords reports;
	private final EmergencyReportSources sources;
	private final EmergencyReportWriting writing;
	private final Approvals approvals;
	private final AuditTrail audit;
	private final org.springframework.context.MessageSource messages;

	EmergencyReportApproval(EmergencyReportRecords reports, EmergencyReportSources sources,
			EmergencyReportWriting writing, Approvals approvals, AuditTrail audit,
			org.springframework.context.MessageSource messages) {
		this.reports = reports;
		this.sources = sources;
		this.writing = writing;
		this.approvals = approvals;
		this.audit = audit;
		this.messages = messages;
	}

	/**
	 * 404 before it is drafted, 409 unless a draft, 422 while the event is open or the drill unfinished, 400 naming
	 * each blank section ({@code sections.<key>}).
	 */
	@Transactional
	public ApprovalState submit(EmergencyReportSubject subject) {
		Actor writer = writing.writable(subject);
		Placement place = sources.place(subject);
		EmergencyReport report = reports.findForUpdate(subject)
			.orElseThrow(() -> RejectedRequest.notFound("emergency-report"));
		report.requireDraft();
		if (!place.ended()) {
			throw RejectedRequest.unprocessable("emergency-report-not-ended",
					subject.kind().ofDrill() ? "emergency.report.drill-not-finished" : "emergency.report.event-open");
		}
		FieldErrors errors = new FieldErrors();
		report.sections().forEach((key, text) -> {
			if (text.isBlank()) {
				errors.add("sections." + key, "emergency.report.section.required");
			}
		});
		errors.throwIfAny();
		String hash = report.contentHash();
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("revision", report.revision());
		long policy = approvals.defaultPolicyId();
		String title = messages.getMessage(subject.kind().title, null,
				org.springframework.context.i18n.LocaleContextHolder.getLocale());
		ApprovalState state = approvals.request(new ApprovalAsk(new ApprovalSubject(SUBJECT_TYPE, report.id(), hash),
				policy, title + " · " + place.name() + " · v" + report.revision(), subject.page(), facts));
		report.submitted(state.requestId());
		reports.update(report);
		reports.history(report.id(), writer.userId(), "SUBMITTED", report.revision(), null, null, null);
		audit.record(AuditEntry.of("EMERGENCY_REPORT_SUBMITTED", "emergency_report", report.id())
			.after(Map.of("revision", report.revision(), "hash", hash, "approvalRequestId", state.requestId(),
					"policyId", policy))
			.detail(place.name()));
		return state;
	}

	/** The writer withdraws the request (the approval module then reports it withdrawn); 409 unless in review. */
	@Transactional
	public ApprovalState withdraw(EmergencyReportSubject subject) {
		writing.writable(subject);
		EmergencyReport report = reports.findForUpdate(subject)
			.orElseThrow(() -> RejectedRequest.notFound("emergency-report"));
		if (report.status() != EmergencyReportStatus.IN_REVIEW || report.approvalRequestId() == null) {
			throw RejectedRequest.conflict("emergency-report-not-in-review", "emergency.report.not-in-review");
		}
		return approvals.withdraw(report.approvalRequestId());
	}

	@Transactional
	public void granted(long reportId, String hash, long requestId, Instant at) {
		EmergencyReport report = reports.findForUpdate(reportId).orElse(null);
		if (report == null || !report.awaits(hash)) {
			return;
		}
		List<Long> approvers = approvals.decidedBy(requestId).stream().distinct().toList();
		report.issue(approvers, at);
		reports.update(report);
		reports.history(reportId, approvers.isEmpty() ? null : approvers.getLast(), "APPROVED", report.revision(),
				null, null, null);
		audit.record(AuditEntry.of("EMERGENCY_REPORT_ISSUED", "emergency_report", reportId)
			.after(Map.of("revision", report.revision(), "hash", hash, "approvalRequestId", requestId,
					"approvedBy", approvers)));
	}

	/** {@code outcome}: REJECTED, RETURNED or WITHDRAWN. */
	@Transactional
	public void notGranted(long reportId, String hash, long requestId, String outcome, String reason, Instant at) {
		EmergencyReport report = reports.findForUpdate(reportId).orElse(null);
		if (report == null || !report.awaits(hash)) {
			return;
		}
		report.notIssued(reason);
		reports.update(report);
		List<Long> deciders = "WITHDRAWN".equals(outcome) ? List.of() : approvals.decidedBy(requestId);
		reports.history(reportId, deciders.isEmpty() ? null : deciders.getLast(), outcome, report.revision(), null,
				null, reason);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("outcome", outcome);
		after.put("approvalRequestId", requestId);
		if (reason != null) {
			after.put("reason", reason);
		}
		audit.record(AuditEntry.of("EMERGENCY_REPORT_NOT_APPROVED", "emergency_report", reportId).after(after));
	}
}
