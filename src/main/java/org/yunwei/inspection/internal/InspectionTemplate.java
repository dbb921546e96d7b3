package org.yunwei.inspection.internal;

import org.yunwei.web.RejectedRequest;

/**
 * A checklist template: who keeps it (no party: shipped, kept by nobody), what it checks, and the number of its
 * current version. Revising the items makes a new version; tasks keep the version they were generated with.
 */
public final class InspectionTemplate {

	private final long id;
	private final Long partyId;
	private String name;
	private TargetKind targetKind;
	private String ciClassCode;
	private String description;
	private int currentVersion;
	private boolean enabled;

	InspectionTemplate(long id, Long partyId, String name, TargetKind targetKind, String ciClassCode,
			String description, int currentVersion, boolean enabled) {
		this.id = id;
		this.partyId = partyId;
		this.name = name;
		this.targetKind = targetKind;
		this.ciClassCode = ciClassCode;
		this.description = description;
		this.currentVersion = currentVersion;
		this.enabled = enabled;
	}

	/**
	 * Takes the new content; whether its items differ from the current version's, in which case the template is at
	 * a new version. The kind of target is fixed: the plans of the template point at such targets.
	 */
	boolean revise(TemplateContent content, Checklist current) {
		requireKept();
		if (content.targetKind() != targetKind) {
			throw RejectedRequest.invalidField("targetKind", "inspection.template.kind-fixed");
		}
		name = content.name();
		ciClassCode = content.ciClassCode();
		description = content.description();
		if (content.checklist().equals(current)) {
			return false;
		}
		currentVersion++;
		return true;
	}

	void enable(boolean value) {
		requireKept();
		enabled = value;
	}

	private void requireKept() {
		if (shipped()) {
			throw RejectedRequest.conflict("template-shipped", "inspection.template.shipped");
		}
	}

	/** Whether it came with Yunwei: every party uses it, nobody changes it (copy it to adapt it). */
	public boolean shipped() {
		return partyId == null;
	}

	public long id() {
		return id;
	}

	public Long partyId() {
		return partyId;
	}

	public String name() {
		return name;
	}

	public TargetKind targetKind() {
		return targetKind;
	}

	public String ciClassCode() {
		return ciClassCode;
	}

	public String description() {
		return description;
	}

	public int currentVersion() {
		return currentVersion;
	}

	public boolean enabled() {
		return enabled;
	}
}
