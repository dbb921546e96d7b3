package org.yunwei.emergency.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yunwei.web.RejectedRequest;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A report kept as a document: its sections' text, edited while a draft, submitted for approval at the hash of that
 * text, issued (frozen) once granted for that hash, a draft again when rejected, returned or withdrawn.
 */
final class EmergencyReport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Long id;
	private final EmergencyReportSubject subject;
	private final long partyId;
	private final long orgUnitId;
	private EmergencyReportStatus status;
	private final Map<String, String> sections;
	private int revision;
	private Long approvalRequestId;
	private String returnReason;
	private List<Long> approvedBy;
	private Instant issuedAt;

	EmergencyReport(Long id, EmergencyReportSubject subject, long partyId, long orgUnitId, EmergencyReportStatus status,
			Map<String, String> sections, int revision, Long approvalRequestId, String returnReason,
			List<Long> approvedBy, Instant issuedAt) {
		this.id = id;
		this.subject = subject;
		this.partyId = partyId;
		this.orgUnitId = orgUnitId;
		this.status = status;
		this.sections = ordered(subject.kind(), sections);
		this.revision = revision;
		this.approvalRequestId = approvalRequestId;
		this.returnReason = returnReason;
		this.approvedBy = approvedBy == null ? List.of() : List.copyOf(approvedBy);
		this.issuedAt = issuedAt;
	}

	/** A new draft with the text generated from the record: version 1. */
	static EmergencyReport drafted(EmergencyReportSubject subject, long partyId, long orgUnitId,
			Map<String, String> sections) {
		return new EmergencyReport(null, subject, partyId, orgUnitId, EmergencyReportStatus.DRAFT, sections, 1, null,
				null, null, null);
	}

	/**
	 * Changes the given sections (the others stay); the keys of those whose text changed. Refused (409) unless a
	 * draft: in review the text is what the approvers are deciding on, issued it is frozen.
	 */
	List<String> edit(Map<String, String> changes) {
		requireDraft();
		List<String> changed = new ArrayList<>();
		changes.forEach((key, text) -> {
			String value = text == null ? "" : text.strip();
			if (!value.equals(sections.get(key))) {
				sections.put(key, value);
				changed.add(key);
			}
		});
		if (!changed.isEmpty()) {
			revision++;
			returnReason = null;
		}
		return changed;
	}

	void requireDraft() {
		if (status == EmergencyReportStatus.IN_REVIEW) {
			throw RejectedRequest.conflict("emergency-report-in-review", "emergency.report.in-review");
		}
		if (status == EmergencyReportStatus.ISSUED) {
			throw RejectedRequest.conflict("emergency-report-issued", "emergency.report.issued");
		}
	}

	void submitted(long requestId) {
		requireDraft();
		status = EmergencyReportStatus.IN_REVIEW;
		approvalRequestId = requestId;
		returnReason = null;
	}

	/** Whether a decision at this hash is for the text now in review. */
	boolean awaits(String hash) {
		return status == EmergencyReportStatus.IN_REVIEW && contentHash().equals(hash);
	}

	void issue(List<Long> approvers, Instant at) {
		status = EmergencyReportStatus.ISSUED;
		approvedBy = List.copyOf(approvers);
		issuedAt = at;
	}

	void notIssued(String reason) {
		status = EmergencyReportStatus.DRAFT;
		returnReason = reason;
	}

	/** The hex SHA-256 of the kind and the sections' text: an approval holds only for it. */
	String contentHash() {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest((subject.kind().name() + "\n" + sectionsJson()).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	String sectionsJson() {
		return JSON.writeValueAsString(sections);
	}

	static Map<String, String> sectionsFromJson(String json) {
		return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {
		});
	}

	static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	static List<String> sectionsFromJsonList(String json) {
		return JSON.readValue(json, new TypeReference<List<String>>() {
		});
	}

	static List<Long> idsFromJson(String json) {
		return json == null ? List.of() : JSON.readValue(json, new TypeReference<List<Long>>() {
		});
	}

	/** The kind's sections in their order, each present (blank when not given). */
	private static Map<String, String> ordered(EmergencyReportKind kind, Map<String, String> given) {
		Map<String, String> all = new LinkedHashMap<>();
		for (String key : kind.sections) {
			String text = given.get(key);
			all.put(key, text == null ? "" : text);
		}
		return all;
	}

	Long id() {
		return id;
	}

	EmergencyReportSubject subject() {
		return subject;
	}

	long partyId() {
		return partyId;
	}

	long orgUnitId() {
		return orgUnitId;
	}

	EmergencyReportStatus status() {
		return status;
	}

	Map<String, String> sections() {
		return new LinkedHashMap<>(sections);
	}

	int revision() {
		return revision;
	}

	Long approvalRequestId() {
		return approvalRequestId;
	}

	String returnReason() {
		return returnReason;
	}

	List<Long> approvedBy() {
		return approvedBy;
	}

	Instant issuedAt() {
		return issuedAt;
	}
}
