package org.yunwei.release.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.yunwei.web.FieldErrors;

/**
 * The release form as the browser posts it: the planned date as a local date-time of the installation's zone
 * (Asia/Shanghai), the items and the changes as ticked boxes.
 */
public class ReleaseWebForm {

	private String title;
	private String type = ReleaseType.MINOR.name();
	private String releaseVersion;
	private List<Long> ciIds = new ArrayList<>();
	private List<Long> changeIds = new ArrayList<>();
	private String plan;
	private String plannedAt;
	private String knownErrors;

	static ReleaseWebForm of(Release release) {
		ReleaseWebForm form = new ReleaseWebForm();
		form.title = release.title();
		form.type = release.type().name();
		form.releaseVersion = release.releaseVersion();
		form.ciIds = new ArrayList<>(release.ciIds());
		form.changeIds = new ArrayList<>(release.changeIds());
		form.plan = release.plan();
		form.plannedAt = local(release.plannedAt());
		form.knownErrors = release.knownErrors();
		return form;
	}

	/** The content as typed; every mistake is collected, a date that does not parse among them. */
	ReleaseContent content(FieldErrors errors) {
		Instant planned = instant(plannedAt, "plannedAt", errors);
		return ReleaseContent.read(title, type, releaseVersion, ciIds, changeIds, plan, planned, knownErrors,
				Instant.now(), errors);
	}

	static Instant instant(String value, String field, FieldErrors errors) {
		String cleaned = FieldErrors.clean(value);
		if (cleaned == null) {
			return null;
		}
		try {
			return LocalDateTime.parse(cleaned).atZone(ReleaseRegister.ZONE).toInstant();
		}
		catch (DateTimeParseException notATime) {
			errors.add(field, "release.time.format");
			return null;
		}
	}

	static String local(Instant value) {
		return value == null ? null : LocalDateTime.ofInstant(value, ReleaseRegister.ZONE).withSecond(0).withNano(0)
			.toString();
	}

	public String getTitle() { return title; }
	public void setTitle(String title) { this.title = title; }
	public String getType() { return type; }
	public void setType(String type) { this.type = type; }
	public String getReleaseVersion() { return releaseVersion; }
	public void setReleaseVersion(String releaseVersion) { this.releaseVersion = releaseVersion; }
	public List<Long> getCiIds() { return ciIds; }
	public void setCiIds(List<Long> ciIds) { this.ciIds = ciIds == null ? new ArrayList<>() : ciIds; }
	public List<Long> getChangeIds() { return changeIds; }
	public void setChangeIds(List<Long> changeIds) { this.changeIds = changeIds == null ? new ArrayList<>() : changeIds; }
	public String getPlan() { return plan; }
	public void setPlan(String plan) { this.plan = plan; }
	public String getPlannedAt() { return plannedAt; }
	public void setPlannedAt(String plannedAt) { this.plannedAt = plannedAt; }
	public String getKnownErrors() { return knownErrors; }
	public void setKnownErrors(String knownErrors) { this.knownErrors = knownErrors; }
}
