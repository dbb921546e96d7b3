package org.yunwei.document.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.approval.ApprovalAsk;
import org.yunwei.approval.ApprovalState;
import org.yunwei.approval.ApprovalSubject;
import org.yunwei.approval.Approvals;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.document.internal.DocumentRecords.Row;
import org.yunwei.document.internal.DocumentVersion.VersionStatus;
import org.yunwei.identity.Actor;
import org.yunwei.web.RejectedRequest;

/**
 * How a version takes effect: its keeper submits the draft, which asks the approval module under the category's
 * policy (the installation's default when the category names none) with the version's content hash; the decision
 * comes back as an event. Granted for that hash, the version becomes current from its effective date (the day of
 * the grant when it named none), the one before it stays readable as superseded, and the people it asks to confirm
 * having read it are asked. Rejected, returned or withdrawn, it is a draft again with the reason shown. Every step is
 * audited; a decision delivered twice, or for a hash the version no longer has, changes nothing.
 */
@Service
class DocumentPublication {

	static final String SUBJECT_TYPE = "document-version";

	private final DocumentRecords documents;
	private final VersionRecords versions;
	private final CategoryRecords categories;
	private final DocumentAccess access;
	private final DocumentLibrary library;
	private final Approvals approvals;
	private final Acknowledgements acknowledgements;
	private final AuditTrail audit;

	DocumentPublication(DocumentRecords documents, VersionRecords versions, CategoryRecords categories,
			DocumentAccess access, DocumentLibrary library, Approvals approvals, Acknowledgements acknowledgements,
			AuditTrail audit) {
		this.documents = documents;
		this.versions = versions;
		this.categories = categories;
		this.access = access;
		this.library = library;
		this.approvals = approvals;
		this.acknowledgements = acknowledgements;
		this.audit = audit;
	}

	/** Submits a draft for approval; 409 for a version that is no draft. */
	@Transactional
	public ApprovalState submit(long documentId, long versionId) {
		access.requireManager();
		Row row = documents.find(documentId, access.readerScope(), true)
			.orElseThrow(() -> RejectedRequest.notFound("document"));
		Actor actor = access.requireManagerOf(row);
		DocumentVersion version = versions.findForUpdate(versionId)
			.filter(v -> v.documentId() == documentId)
			.orElseThrow(() -> RejectedRequest.notFound("document-version"));
		if (!version.status().submittable()) {
			throw RejectedRequest.conflict("document-version-not-draft", "document.version.not-draft");
		}
		DocumentCategory category = library.category(row.categoryId());
		long policy = category.approvalPolicyId() == null ? approvals.defaultPolicyId() : category.approvalPolicyId();
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("category", category.code() == null ? category.name() : category.code());
		facts.put("versionNumber", version.number());
		facts.put("file", version.file());
		ApprovalState state = approvals.request(new ApprovalAsk(
				new ApprovalSubject(SUBJECT_TYPE, versionId, version.sha256()), policy,
				row.title() + " · v" + version.number(), "/documents/" + documentId, facts));
		versions.submitted(versionId, state.requestId());
		documents.touch(documentId);
		audit.record(AuditEntry.of("DOCUMENT_VERSION_SUBMITTED", "document", documentId)
			.after(Map.of("versionId", versionId, "number", version.number(), "sha256", version.sha256(),
					"approvalRequestId", state.requestId(), "policyId", policy))
			.detail(row.title()));
		return state;
	}

	/** The keeper withdraws a version's approval under way; the decision event makes it a draft again. */
	@Transactional
	public ApprovalState withdraw(long documentId, long versionId) {
		access.requireManager();
		Row row = documents.find(documentId, access.readerScope(), true)
			.orElseThrow(() -> RejectedRequest.notFound("document"));
		access.requireManagerOf(row);
		DocumentVersion version = versions.findForUpdate(versionId)
			.filter(v -> v.documentId() == documentId)
			.orElseThrow(() -> RejectedRequest.notFound("document-version"));
		if (version.status() != VersionStatus.PENDING || version.approvalRequestId() == null) {
			throw RejectedRequest.conflict("document-version-not-pending", "document.version.not-pending");
		}
		return approvals.withdraw(version.approvalRequestId());
	}

	/** A grant for the version at this hash: it becomes current. */
	@Transactional
	public void granted(long versionId, String versionHash, Instant at, LocalDate today) {
		DocumentVersion version = versions.findForUpdate(versionId).orElse(null);
		if (version == null || version.status() != VersionStatus.PENDING || !version.sha256().equals(versionHash)) {
			return;
		}
		Row row = documents.findForUpdate(version.documentId()).orElseThrow();
		LocalDate effective = version.effectiveDate() == null || version.effectiveDate().isBefore(today) ? today
				: version.effectiveDate();
		if (row.currentVersionId() != null) {
			versions.supersede(row.currentVersionId());
		}
		versions.publish(versionId, effective, at);
		documents.publish(row.id(), versionId, effective);
		int asked = acknowledgements.askReaders(row, versionId);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("versionId", versionId);
		after.put("number", version.number());
		after.put("sha256", versionHash);
		after.put("effectiveDate", effective);
		after.put("supersededVersionId", row.currentVersionId());
		after.put("readersAsked", asked);
		audit.record(AuditEntry.of("DOCUMENT_PUBLISHED", "document", row.id()).actor("approval").after(after)
			.detail(row.title()));
	}

	/** A decision that did not grant the version at this hash: it is a draft again, with the reason. */
	@Transactional
	public void notGranted(long versionId, String versionHash, String outcome, String reason) {
		DocumentVersion version = versions.findForUpdate(versionId).orElse(null);
		if (version == null || version.status() != VersionStatus.PENDING || !version.sha256().equals(versionHash)) {
			return;
		}
		versions.backToDraft(versionId, outcome, reason == null || reason.isBlank() ? null : reason);
		documents.touch(version.documentId());
		audit.record(AuditEntry.of("DOCUMENT_VERSION_NOT_GRANTED", "document", version.documentId()).actor("approval")
			.after(Map.of("versionId", versionId, "outcome", outcome, "reason", reason == null ? "" : reason)));
	}
}
