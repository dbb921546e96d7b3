package org.yunwei.emergency.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * The plan page's form: one criteria box per event level, and rows of roles and steps with a few blank rows to fill.
 * Blank rows are dropped before checking, and the form keeps the remaining rows, so that a refused field's name
 * ({@code steps[1].title}) points at the row shown.
 */
public class EmergencyPlanForm {

	static final int BLANK_ROWS = 3;

	private String title;
	private String scenario;
	private String applicationSystem;
	private String site;
	private String reviewDate;
	private List<String> criteria = new ArrayList<>();
	private List<RoleRow> roles = new ArrayList<>();
	private List<StepRow> steps = new ArrayList<>();

	/** A row of the response organisation. */
	public static class RoleRow {
		private String role;
		private String personId;
		private String backupPostId;
		private String contact;

		boolean blank() {
			return FieldErrors.clean(role) == null && FieldErrors.clean(personId) == null
					&& FieldErrors.clean(backupPostId) == null && FieldErrors.clean(contact) == null;
		}

		public String getRole() {
			return role;
		}

		public void setRole(String role) {
			this.role = role;
		}

		public String getPersonId() {
			return personId;
		}

		public void setPersonId(String personId) {
			this.personId = personId;
		}

		public String getBackupPostId() {
			return backupPostId;
		}

		public void setBackupPostId(String backupPostId) {
			this.backupPostId = backupPostId;
		}

		public String getContact() {
			return contact;
		}

		public void setContact(String contact) {
			this.contact = contact;
		}
	}

	/** A row of the procedure. */
	public static class StepRow {
		private String phase;
		private String title;
		private String ownerRole;
		private String limitMinutes;
		private String message;

		boolean blank() {
			return FieldErrors.clean(title) == null && FieldErrors.clean(ownerRole) == null
					&& FieldErrors.clean(limitMinutes) == null && FieldErrors.clean(message) == null;
		}

		public String getPhase() {
			return phase;
		}

		public void setPhase(String phase) {
			this.phase = phase;
		}

		public String getTitle() {
			return title;
		}

		public void setTitle(String title) {
			this.title = title;
		}

		public String getOwnerRole() {
			return ownerRole;
		}

		public void setOwnerRole(String ownerRole) {
			this.ownerRole = ownerRole;
		}

		public String getLimitMinutes() {
			return limitMinutes;
		}

		public void setLimitMinutes(String limitMinutes) {
			this.limitMinutes = limitMinutes;
		}

		public String getMessage() {
			return message;
		}

		public void setMessage(String message) {
			this.message = message;
		}
	}

	/** A form showing a plan's working copy. */
	static EmergencyPlanForm of(EmergencyPlanContent content) {
		EmergencyPlanForm form = new EmergencyPlanForm();
		form.title = content.title();
		form.scenario = content.scenario();
		form.applicationSystem = content.applicationSystem();
		form.site = content.site();
		form.reviewDate = content.reviewDate().toString();
		for (EmergencyLevel level : EmergencyLevel.values()) {
			form.criteria.add(content.levels().stream().filter(l -> l.level() == level).map(l -> l.criteria())
				.findFirst().orElse(null));
		}
		for (EmergencyPlanContent.ResponseRole role : content.roles()) {
			RoleRow row = new RoleRow();
			row.role = role.role();
			row.personId = String.valueOf(role.personId());
			row.backupPostId = role.backupPostId() == null ? null : String.valueOf(role.backupPostId());
			row.contact = role.contact();
			form.roles.add(row);
		}
		for (EmergencyPlanContent.ProcedureStep step : content.steps()) {
			StepRow row = new StepRow();
			row.phase = step.phase().name();
			row.title = step.title();
			row.ownerRole = step.ownerRole();
			row.limitMinutes = step.limitMinutes() == null ? null : String.valueOf(step.limitMinutes());
			row.message = step.message();
			form.steps.add(row);
		}
		return form.padded();
	}

	/** The form with its level boxes and a few blank rows to fill. */
	EmergencyPlanForm padded() {
		while (criteria.size() < EmergencyLevel.values().length) {
			criteria.add(null);
		}
		for (int i = 0; i < BLANK_ROWS; i++) {
			roles.add(new RoleRow());
			StepRow step = new StepRow();
			step.phase = ResponsePhase.DISPATCH.name();
			steps.add(step);
		}
		return this;
	}

	/**
	 * What was typed, as a draft: blank rows dropped (the form keeps the rest, for the refused fields' names), ids and
	 * numbers read; 400 naming every field that is not a date, an id or a number.
	 */
	EmergencyPlanDraft draft() {
		roles.removeIf(row -> row == null || row.blank());
		steps.removeIf(row -> row == null || row.blank());
		FieldErrors errors = new FieldErrors();
		LocalDate review = null;
		if (FieldErrors.clean(reviewDate) != null) {
			try {
				review = LocalDate.parse(reviewDate.strip());
			}
			catch (DateTimeParseException malformed) {
				errors.add("reviewDate", "field.expected.date");
			}
		}
		List<EmergencyPlanDraft.LevelDraft> levels = new ArrayList<>();
		for (int i = 0; i < EmergencyLevel.values().length && i < criteria.size(); i++) {
			if (FieldErrors.clean(criteria.get(i)) != null) {
				levels.add(new EmergencyPlanDraft.LevelDraft(EmergencyLevel.values()[i].name(), criteria.get(i)));
			}
		}
		List<EmergencyPlanDraft.ResponseRoleDraft> roleDrafts = new ArrayList<>();
		for (int i = 0; i < roles.size(); i++) {
			RoleRow row = roles.get(i);
			roleDrafts.add(new EmergencyPlanDraft.ResponseRoleDraft(row.role, errors.wholeNumber("roles[" + i + "].personId", row.personId),
					errors.wholeNumber("roles[" + i + "].backupPostId", row.backupPostId), row.contact));
		}
		List<EmergencyPlanDraft.StepDraft> stepDrafts = new ArrayList<>();
		for (int i = 0; i < steps.size(); i++) {
			StepRow row = steps.get(i);
			Long minutes = errors.wholeNumber("steps[" + i + "].limitMinutes", row.limitMinutes);
			stepDrafts.add(new EmergencyPlanDraft.StepDraft(row.phase, row.title, row.ownerRole,
					minutes == null ? null : (int) Math.min(Integer.MAX_VALUE, minutes), row.message));
		}
		EmergencyPlanDraft draft = new EmergencyPlanDraft(title, scenario, applicationSystem, site, review, levels, roleDrafts,
				stepDrafts);
		if (!errors.isEmpty()) {
			refuse(draft, errors);
		}
		return draft;
	}

	/**
	 * The refused fields under the names this form shows: a level's criteria ({@code levels[k].criteria}, k counting
	 * only the levels filled in) is the box of that level ({@code criteria[i]}).
	 */
	Map<String, String> shown(Map<String, String> errors) {
		List<Integer> filled = new ArrayList<>();
		for (int i = 0; i < criteria.size(); i++) {
			if (FieldErrors.clean(criteria.get(i)) != null) {
				filled.add(i);
			}
		}
		Map<String, String> shown = new LinkedHashMap<>();
		errors.forEach((field, key) -> {
			java.util.regex.Matcher level = java.util.regex.Pattern.compile("levels\\[(\\d+)\\]\\..*").matcher(field);
			if (level.matches() && Integer.parseInt(level.group(1)) < filled.size()) {
				shown.putIfAbsent("criteria[" + filled.get(Integer.parseInt(level.group(1))) + "]", key);
			}
			else {
				shown.putIfAbsent(field, key);
			}
		});
		return shown;
	}

	/** The draft's own mistakes and the form's together, so that every one is shown at once. */
	private static EmergencyPlanDraft refuse(EmergencyPlanDraft draft, FieldErrors errors) {
		Map<String, String> all = new LinkedHashMap<>(errors.asMap());
		try {
			draft.content(id -> true, id -> true);
		}
		catch (RejectedRequest refused) {
			refused.fieldErrors().forEach(all::putIfAbsent);
		}
		throw RejectedRequest.invalidFields(all);
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getScenario() {
		return scenario;
	}

	public void setScenario(String scenario) {
		this.scenario = scenario;
	}

	public String getApplicationSystem() {
		return applicationSystem;
	}

	public void setApplicationSystem(String applicationSystem) {
		this.applicationSystem = applicationSystem;
	}

	public String getSite() {
		return site;
	}

	public void setSite(String site) {
		this.site = site;
	}

	public String getReviewDate() {
		return reviewDate;
	}

	public void setReviewDate(String reviewDate) {
		this.reviewDate = reviewDate;
	}

	public List<String> getCriteria() {
		return criteria;
	}

	public void setCriteria(List<String> criteria) {
		this.criteria = criteria;
	}

	public List<RoleRow> getRoles() {
		return roles;
	}

	public void setRoles(List<RoleRow> roles) {
		this.roles = roles;
	}

	public List<StepRow> getSteps() {
		return steps;
	}

	public void setSteps(List<StepRow> steps) {
		this.steps = steps;
	}
}
