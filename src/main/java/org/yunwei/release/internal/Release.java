package org.yunwei.release.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * A release (发布) and its lifecycle: planned, submitted for approval at one content hash, approved, deployed (its
 * deployment record), completed (its completion record); or cancelled before deployment. The transitions refuse what
 * the state does not allow and change nothing then; the services load, call, save, audit and publish.
 */
final class Release {

	/** An item in scope as it was when picked. */
	record ReleaseItem(long id, String name, String classCode, String className) {

		boolean applicationSystem() {
			return "APPLICATION_SYSTEM".equals(classCode);
		}
	}

	/**
	 * A configuration item the release brings (a new application system, the server it runs on), as listed in the
	 * plan and checked against the CMDB's class rules then; registered in the CMDB on completion, when
	 * {@code createdItemId} is set.
	 *
	 * @param key the entry's number within the release, to remove it by
	 * @param attributes the class's attribute values by code, as the CMDB is to receive them
	 * @param attributeTexts the same as a person reads them ({@code 部署方式：容器})
	 * @param relationType how the new item relates to {@code relatedItemId}, an item in scope; both {@code null} for
	 *        none
	 */
	record ReleaseNewItem(int key, long classId, String className, String name, Long customerUnitId,
			String customerUnitName, String ipAddress, Map<String, Object> attributes, List<String> attributeTexts,
			Long relatedItemId, String relatedItemName, String relationType, Long createdItemId) {

		ReleaseNewItem {
			attributes = attributes == null ? Map.of() : new java.util.TreeMap<>(attributes);
			attributeTexts = attributeTexts == null ? List.of() : List.copyOf(attributeTexts);
		}

		ReleaseNewItem created(long itemId) {
			return new ReleaseNewItem(key, classId, className, name, customerUnitId, customerUnitName, ipAddress,
					attributes, attributeTexts, relatedItemId, relatedItemName, relationType, itemId);
		}

		/** What the approval approves of the entry: everything the CMDB will receive. */
		String facts() {
			return classId + "|" + name + "|" + customerUnitId + "|" + ipAddress + "|" + attributes + "|"
					+ relatedItemId + "|" + relationType;
		}
	}

	/** At most this many new items per release. */
	static final int MAX_NEW_ITEMS = 50;

	/** A change the release delivers, as it was when picked. */
	record ReleasedChange(long id, String number, String title) {
	}

	/**
	 * A step of the deployment as recorded (部署记录).
	 *
	 * @param result what happened; required when the step failed
	 */
	record DeploymentStepResult(int position, String description, boolean succeeded, String result) {
	}

	/** The deployment record: who deployed, from when to when, and the steps with their results. */
	record ReleaseDeployment(long deployerId, String deployerName, Instant startedAt, Instant endedAt,
			List<DeploymentStepResult> steps, Instant recordedAt) {

		boolean failed() {
			return steps.stream().anyMatch(s -> !s.succeeded());
		}
	}

	private final Long id;
	private final String number;
	private final int version;
	private final long requesterId;
	private final Long providerPartyId;
	private ReleaseStatus status;
	private ReleaseType type;
	private String title;
	private String releaseVersion;
	private List<ReleaseItem> items;
	private List<Long> customerUnitIds;
	private List<ReleasedChange> changes;
	private List<ReleaseNewItem> newItems;
	private String plan;
	private Instant plannedAt;
	private String knownErrors;
	private Long approvalPolicyId;
	private Long approvalRequestId;
	private String submittedHash;
	private Instant submittedAt;
	private Instant approvedAt;
	private String decisionNote;
	private ReleaseDeployment deployment;
	private String completionNote;
	private Long completedBy;
	private Instant completedAt;
	private List<String> cmdbUpdates;
	private final Instant createdAt;
	private final Instant updatedAt;

	private Release(Builder b) {
		id = b.id;
		number = b.number;
		version = b.version;
		requesterId = b.requesterId;
		providerPartyId = b.providerPartyId;
		status = b.status;
		type = b.type;
		title = b.title;
		releaseVersion = b.releaseVersion;
		items = List.copyOf(b.items);
		customerUnitIds = List.copyOf(b.customerUnitIds);
		changes = List.copyOf(b.changes);
		newItems = List.copyOf(b.newItems);
		plan = b.plan;
		plannedAt = b.plannedAt;
		knownErrors = b.knownErrors;
		approvalPolicyId = b.approvalPolicyId;
		approvalRequestId = b.approvalRequestId;
		submittedHash = b.submittedHash;
		submittedAt = b.submittedAt;
		approvedAt = b.approvedAt;
		decisionNote = b.decisionNote;
		deployment = b.deployment;
		completionNote = b.completionNote;
		completedBy = b.completedBy;
		completedAt = b.completedAt;
		cmdbUpdates = List.copyOf(b.cmdbUpdates);
		createdAt = b.createdAt;
		updatedAt = b.updatedAt;
	}

	/** A new draft from checked content, its items and changes resolved to names. */
	static Release draft(String number, ReleaseContent content, List<ReleaseItem> items, List<Long> units,
			List<ReleasedChange> changes, long requesterId, Long providerPartyId) {
		Builder b = new Builder();
		b.number = number;
		b.requesterId = requesterId;
		b.providerPartyId = providerPartyId;
		b.status = ReleaseStatus.DRAFT;
		Release release = new Release(b);
		release.apply(content, items, units, changes);
		return release;
	}

	/**
	 * Replaces the content. A release under approval or approved needs approval again for the new content (the
	 * caller asks with the new hash, which supersedes the open request); answers whether it does.
	 *
	 * @throws RejectedRequest 409 once deployed, completed or cancelled
	 */
	boolean edit(ReleaseContent content, List<ReleaseItem> newItems, List<Long> units, List<ReleasedChange> newChanges) {
		requireEditable();
		apply(content, newItems, units, newChanges);
		return needsApprovalAgain();
	}

	/**
	 * Lists a new configuration item the release brings, checked by the caller against the CMDB; like an edit, it
	 * sends a release under approval or approved to approval again (answers whether it does).
	 *
	 * @throws RejectedRequest 409 once deployed; 400 beyond {@link #MAX_NEW_ITEMS}
	 */
	boolean addNewItem(ReleaseNewItem item) {
		requireEditable();
		if (newItems.size() >= MAX_NEW_ITEMS) {
			throw RejectedRequest.invalidField("name", "release.new-item.too-many");
		}
		int key = newItems.stream().mapToInt(ReleaseNewItem::key).max().orElse(0) + 1;
		List<ReleaseNewItem> all = new java.util.ArrayList<>(newItems);
		all.add(new ReleaseNewItem(key, item.classId(), item.className(), item.name(), item.customerUnitId(),
				item.customerUnitName(), item.ipAddress(), item.attributes(), item.attributeTexts(),
				item.relatedItemId(), item.relatedItemName(), item.relationType(), null));
		newItems = List.copyOf(all);
		return needsApprovalAgain();
	}

	/** Takes a new item off the list (404 for an unknown entry); as an edit, asks for approval again if needed. */
	boolean removeNewItem(int key) {
		requireEditable();
		if (newItems.stream().noneMatch(i -> i.key() == key)) {
			throw RejectedRequest.notFound("release-new-item");
		}
		newItems = newItems.stream().filter(i -> i.key() != key).toList();
		return needsApprovalAgain();
	}

	private boolean needsApprovalAgain() {
		approvedAt = null;
		if (status == ReleaseStatus.SUBMITTED || status == ReleaseStatus.APPROVED) {
			status = ReleaseStatus.SUBMITTED;
			return true;
		}
		return false;
	}

	private void apply(ReleaseContent content, List<ReleaseItem> newItems, List<Long> units,
			List<ReleasedChange> newChanges) {
		type = content.type();
		title = content.title();
		releaseVersion = content.releaseVersion();
		items = List.copyOf(newItems);
		customerUnitIds = List.copyOf(units);
		changes = List.copyOf(newChanges);
		plan = content.plan();
		plannedAt = content.plannedAt();
		knownErrors = content.knownErrors();
	}

	/**
	 * Refuses (422, naming the fields) a release that cannot go to approval: without a plan, a planned date or an
	 * item in scope; and one that is not a draft (409).
	 */
	void requireSubmittable() {
		if (status != ReleaseStatus.DRAFT) {
			throw RejectedRequest.conflict("release-not-draft", "release.not-draft");
		}
		Map<String, String> missing = new LinkedHashMap<>();
		if (plan == null) {
			missing.put("plan", "release.plan.required");
		}
		if (plannedAt == null) {
			missing.put("plannedAt", "release.planned.required");
		}
		if (items.isEmpty()) {
			missing.put("ciIds", "release.items.required");
		}
		if (!missing.isEmpty()) {
			throw new RejectedRequest(HttpStatus.UNPROCESSABLE_CONTENT, "release-not-ready", "release.not-ready", null,
					missing);
		}
	}

	/** The release went to approval under this policy and request, at this hash. */
	void submitted(long policyId, long requestId, String hash, Instant at) {
		status = ReleaseStatus.SUBMITTED;
		approvalPolicyId = policyId;
		approvalRequestId = requestId;
		submittedHash = hash;
		submittedAt = at;
		decisionNote = null;
	}

	/** Whether a decision for this hash concerns the release as it now stands under approval. */
	boolean awaits(String hash) {
		return status == ReleaseStatus.SUBMITTED && hash != null && hash.equals(submittedHash)
				&& hash.equals(contentHash());
	}

	void granted(Instant at) {
		status = ReleaseStatus.APPROVED;
		approvedAt = at;
	}

	/** A rejection, return or withdrawal for the hash under approval: a draft again, with the reason. */
	void notApproved(String note) {
		status = ReleaseStatus.DRAFT;
		decisionNote = note;
	}

	/**
	 * Records the deployment (部署记录): who, from when to when (not in the future, the end not before the start), and
	 * the steps with their results, a failed step with what happened. 409 unless approved.
	 */
	void deployed(long deployerId, String deployerName, Instant start, Instant end, List<DeploymentStepResult> steps,
			Instant now) {
		if (status != ReleaseStatus.APPROVED) {
			throw RejectedRequest.conflict("release-not-approved", "release.not-approved");
		}
		FieldErrors errors = new FieldErrors();
		errors.required("startedAt", start).required("endedAt", end);
		if (start != null && end != null && end.isBefore(start)) {
			errors.add("endedAt", "release.deployment.end-before-start");
		}
		if (end != null && end.isAfter(now)) {
			errors.add("endedAt", "release.deployment.future");
		}
		if (steps.isEmpty()) {
			errors.add("steps", "release.deployment.steps-required");
		}
		errors.throwIfAny();
		deployment = new ReleaseDeployment(deployerId, deployerName, start, end, List.copyOf(steps), now);
		status = ReleaseStatus.DEPLOYED;
	}

	/**
	 * Writes the completion record (发布完成信息记录) and completes the release; {@code updates} says what the CMDB was
	 * told. 409 before the deployment is recorded.
	 */
	void complete(String note, long by, Instant at, List<String> updates, Map<Integer, Long> created) {
		requireCompletable(note);
		newItems = newItems.stream().map(i -> created.containsKey(i.key()) ? i.created(created.get(i.key())) : i)
			.toList();
		completionNote = FieldErrors.clean(note);
		completedBy = by;
		completedAt = at;
		cmdbUpdates = List.copyOf(updates);
		status = ReleaseStatus.COMPLETED;
	}

	/** Refuses a completion before the deployment (409) or without its record (400); changes nothing. */
	void requireCompletable(String note) {
		if (status != ReleaseStatus.DEPLOYED) {
			throw RejectedRequest.conflict("release-not-deployed", "release.not-deployed");
		}
		new FieldErrors().required("note", FieldErrors.clean(note), 10000).throwIfAny();
	}

	/** Cancels a release not yet deployed, with the reason. */
	void cancel(String why) {
		if (!status.editable()) {
			throw RejectedRequest.conflict("release-not-cancellable", "release.not-cancellable");
		}
		String cleaned = FieldErrors.clean(why);
		new FieldErrors().required("reason", cleaned, 2000).throwIfAny();
		status = ReleaseStatus.CANCELLED;
		decisionNote = cleaned;
	}

	void requireEditable() {
		if (!status.editable()) {
			throw RejectedRequest.conflict("release-not-editable", "release.not-editable");
		}
	}

	/**
	 * The hash (hex SHA-256) of what an approval approves: type, title, version, scope, changes, plan, date and known
	 * errors. Any edit changes it, so an approval given before an edit no longer holds.
	 */
	String contentHash() {
		StringBuilder text = new StringBuilder();
		for (Object part : new Object[] { type, title, releaseVersion, plan, plannedAt, knownErrors }) {
			text.append(part == null ? "" : part.toString().replace("\u0000", "")).append('\u0000');
		}
		items.forEach(i -> text.append(i.id()).append(','));
		text.append('\u0000');
		changes.forEach(c -> text.append(c.id()).append(','));
		// appended only when there are any, so that the hash of a release without new items stays what it was
		if (!newItems.isEmpty()) {
			text.append('\u0000');
			newItems.forEach(i -> text.append(i.facts().replace("\u0000", "")).append('\u0001'));
		}
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	// what the repository and the views read

	Long id() { return id; }
	String number() { return number; }
	int version() { return version; }
	long requesterId() { return requesterId; }
	Long providerPartyId() { return providerPartyId; }
	ReleaseStatus status() { return status; }
	ReleaseType type() { return type; }
	String title() { return title; }
	String releaseVersion() { return releaseVersion; }
	List<ReleaseItem> items() { return items; }
	List<Long> ciIds() { return items.stream().map(ReleaseItem::id).toList(); }
	List<Long> customerUnitIds() { return customerUnitIds; }
	List<ReleasedChange> changes() { return changes; }
	List<Long> changeIds() { return changes.stream().map(ReleasedChange::id).toList(); }
	List<ReleaseNewItem> newItems() { return newItems; }
	String plan() { return plan; }
	Instant plannedAt() { return plannedAt; }
	String knownErrors() { return knownErrors; }
	Long approvalPolicyId() { return approvalPolicyId; }
	Long approvalRequestId() { return approvalRequestId; }
	String submittedHash() { return submittedHash; }
	Instant submittedAt() { return submittedAt; }
	Instant approvedAt() { return approvedAt; }
	String decisionNote() { return decisionNote; }
	ReleaseDeployment deployment() { return deployment; }
	String completionNote() { return completionNote; }
	Long completedBy() { return completedBy; }
	Instant completedAt() { return completedAt; }
	List<String> cmdbUpdates() { return cmdbUpdates; }
	Instant createdAt() { return createdAt; }
	Instant updatedAt() { return updatedAt; }

	/** How the repository rebuilds a stored release. */
	static final class Builder {
		Long id;
		String number;
		int version = 1;
		long requesterId;
		Long providerPartyId;
		ReleaseStatus status;
		ReleaseType type;
		String title;
		String releaseVersion;
		List<ReleaseItem> items = List.of();
		List<Long> customerUnitIds = List.of();
		List<ReleasedChange> changes = List.of();
		List<ReleaseNewItem> newItems = List.of();
		String plan;
		Instant plannedAt;
		String knownErrors;
		Long approvalPolicyId;
		Long approvalRequestId;
		String submittedHash;
		Instant submittedAt;
		Instant approvedAt;
		String decisionNote;
		ReleaseDeployment deployment;
		String completionNote;
		Long completedBy;
		Instant completedAt;
		List<String> cmdbUpdates = List.of();
		Instant createdAt;
		Instant updatedAt;

		Release build() {
			return new Release(this);
		}
	}
}
