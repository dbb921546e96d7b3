package org.yunwei.change.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.yunwei.web.FieldErrors;

/**
 * The change form as the browser posts it: the planned window as local date-times of the installation's zone
 * (Asia/Shanghai), the plan as rows of description and owner, the items as ticked boxes.
 */
public class ChangeWebForm {

	/** Empty rows the form offers below the plan's steps. */
	static final int SPARE_ROWS = 3;

	private String title;
	private String necessity;
	private String reason;
	private String category = ChangeCategory.NORMAL.name();
	private String type;
	private List<Long> ciIds = new ArrayList<>();
	private List<StepRow> steps = new ArrayList<>();
	private String rollbackPlan;
	private String plannedStart;
	private String plannedEnd;

	static ChangeWebForm of(ChangeRequest change) {
		ChangeWebForm form = new ChangeWebForm();
		form.title = change.title();
		form.necessity = change.necessity();
		form.reason = change.reason();
		form.category = change.category().name();
		form.type = change.type().name();
		form.ciIds = new ArrayList<>(change.ciIds());
		change.steps().forEach(s -> form.steps.add(new StepRow(s.description(), s.ownerId())));
		form.rollbackPlan = change.rollbackPlan();
		form.plannedStart = local(change.plannedStart());
		form.plannedEnd = local(change.plannedEnd());
		return form;
	}

	/** The content as typed; every mistake is collected, a time that does not parse among them. */
	ChangeContent content(FieldErrors errors) {
		Instant start = instant(plannedStart, "plannedStart", errors);
		Instant end = instant(plannedEnd, "plannedEnd", errors);
		List<ChangeContent.StepDraft> drafts = steps.stream()
			.map(s -> s == null ? null : new ChangeContent.StepDraft(s.getDescription(), s.getOwnerId()))
			.toList();
		return ChangeContent.read(title, necessity, reason, category, type, ciIds, drafts, rollbackPlan, start, end,
				errors);
	}

	/** The plan's rows with spare empty rows to add steps. */
	List<StepRow> rows() {
		List<StepRow> rows = new ArrayList<>(steps.stream()
			.filter(s -> s != null && (FieldErrors.clean(s.getDescription()) != null || s.getOwnerId() != null))
			.toList());
		for (int i = 0; i < SPARE_ROWS; i++) {
			rows.add(new StepRow(null, null));
		}
		return rows;
	}

	private static Instant instant(String value, String field, FieldErrors errors) {
		String cleaned = FieldErrors.clean(value);
		if (cleaned == null) {
			return null;
		}
		try {
			return LocalDateTime.parse(cleaned).atZone(ChangeRegister.ZONE).toInstant();
		}
		catch (DateTimeParseException notATime) {
			errors.add(field, "change.time.format");
			return null;
		}
	}

	private static String local(Instant value) {
		return value == null ? null : LocalDateTime.ofInstant(value, ChangeRegister.ZONE).toString();
	}

	/** One row of the plan. */
	public static class StepRow {

		private String description;
		private Long ownerId;

		public StepRow() {
		}

		StepRow(String description, Long ownerId) {
			this.description = description;
			this.ownerId = ownerId;
		}

		public String getDescription() {
			return description;
		}

		public void setDescription(String description) {
			this.description = description;
		}

		public Long getOwnerId() {
			return ownerId;
		}

		public void setOwnerId(Long ownerId) {
			this.ownerId = ownerId;
		}
	}

	public String getTitle() { return title; }
	public void setTitle(String title) { this.title = title; }
	public String getNecessity() { return necessity; }
	public void setNecessity(String necessity) { this.necessity = necessity; }
	public String getReason() { return reason; }
	public void setReason(String reason) { this.reason = reason; }
	public String getCategory() { return category; }
	public void setCategory(String category) { this.category = category; }
	public String getType() { return type; }
	public void setType(String type) { this.type = type; }
	public List<Long> getCiIds() { return ciIds; }
	public void setCiIds(List<Long> ciIds) { this.ciIds = ciIds == null ? new ArrayList<>() : ciIds; }
	public List<StepRow> getSteps() { return steps; }
	public void setSteps(List<StepRow> steps) { this.steps = steps == null ? new ArrayList<>() : steps; }
	public String getRollbackPlan() { return rollbackPlan; }
	public void setRollbackPlan(String rollbackPlan) { this.rollbackPlan = rollbackPlan; }
	public String getPlannedStart() { return plannedStart; }
	public void setPlannedStart(String plannedStart) { this.plannedStart = plannedStart; }
	public String getPlannedEnd() { return plannedEnd; }
	public void setPlannedEnd(String plannedEnd) { this.plannedEnd = plannedEnd; }
}
