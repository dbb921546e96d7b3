package org.yunwei.emergency.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;

import org.yunwei.web.FieldErrors;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A plan as an author writes it, before it is checked: the body of the API's requests and what the page's form
 * becomes. {@link #content} checks every part at once and names each refused field, e.g. {@code steps[2].title}.
 */
public record EmergencyPlanDraft(String title, @Schema(description = "the scenario this plan answers, e.g. 机房断电") String scenario,
		String applicationSystem, String site, LocalDate reviewDate, List<LevelDraft> levels, List<ResponseRoleDraft> roles,
		List<StepDraft> steps) {

	static final int TEXT_MAX = 200;
	static final int LONG_TEXT_MAX = 2000;
	static final int LIMIT_MINUTES_MAX = 10080;
	static final int PARTS_MAX = 50;

	/** The criteria of one event level. */
	public record LevelDraft(@Schema(description = "EXTRAORDINARY, MAJOR, SERIOUS or GENERAL") String level,
			String criteria) {
	}

	/** A role of the response organisation, the person who fills it and the post whose holder backs it up. */
	public record ResponseRoleDraft(@Schema(description = "e.g. 应急指挥长") String role, Long personId, Long backupPostId,
			@Schema(description = "how to reach the person, e.g. a phone number") String contact) {
	}

	/** A step of the procedure. */
	public record StepDraft(@Schema(description = "DISPATCH, DIAGNOSIS, COMMUNICATION, RECOVERY, ESCALATION or CLOSURE")
	String phase, String title, @Schema(description = "the role that does it") String ownerRole,
			@Schema(description = "minutes from the declaration, 1 to 10080") Integer limitMinutes,
			@Schema(description = "the communication template sent at this step") String message) {
	}

	/**
	 * The checked content; 400 naming every refused field. {@code personKnown} and {@code postKnown} tell whether an
	 * id names an enabled person and a post the author may choose.
	 */
	EmergencyPlanContent content(LongPredicate personKnown, LongPredicate postKnown) {
		FieldErrors errors = new FieldErrors();
		errors.required("title", FieldErrors.clean(title), TEXT_MAX);
		errors.required("scenario", FieldErrors.clean(scenario), TEXT_MAX);
		errors.optional("applicationSystem", FieldErrors.clean(applicationSystem), TEXT_MAX);
		errors.optional("site", FieldErrors.clean(site), TEXT_MAX);
		errors.required("reviewDate", reviewDate);
		List<EmergencyPlanContent.LevelCriterion> checkedLevels = new ArrayList<>();
		List<LevelDraft> givenLevels = levels == null ? List.of() : levels;
		if (givenLevels.isEmpty()) {
			errors.add("levels", "emergency.plan.levels.required");
		}
		Set<EmergencyLevel> seen = new HashSet<>();
		for (int i = 0; i < givenLevels.size() && i < PARTS_MAX; i++) {
			LevelDraft draft = givenLevels.get(i) == null ? new LevelDraft(null, null) : givenLevels.get(i);
			String field = "levels[" + i + "]";
			EmergencyLevel level = errors.constant(EmergencyLevel.class, draft.level(), field + ".level");
			if (level != null && !seen.add(level)) {
				errors.add(field + ".level", "emergency.plan.level.twice");
			}
			errors.required(field + ".criteria", FieldErrors.clean(draft.criteria()), LONG_TEXT_MAX);
			checkedLevels.add(new EmergencyPlanContent.LevelCriterion(level, FieldErrors.clean(draft.criteria())));
		}
		List<EmergencyPlanContent.ResponseRole> checkedRoles = new ArrayList<>();
		List<ResponseRoleDraft> givenRoles = roles == null ? List.of() : roles;
		if (givenRoles.isEmpty()) {
			errors.add("roles", "emergency.plan.roles.required");
		}
		for (int i = 0; i < givenRoles.size() && i < PARTS_MAX; i++) {
			ResponseRoleDraft draft = givenRoles.get(i) == null ? new ResponseRoleDraft(null, null, null, null) : givenRoles.get(i);
			String field = "roles[" + i + "]";
			errors.required(field + ".role", FieldErrors.clean(draft.role()), TEXT_MAX);
			errors.required(field + ".personId", draft.personId());
			if (draft.personId() != null && !personKnown.test(draft.personId())) {
				errors.add(field + ".personId", "emergency.plan.person.unknown");
			}
			if (draft.backupPostId() != null && !postKnown.test(draft.backupPostId())) {
				errors.add(field + ".backupPostId", "emergency.plan.post.unknown");
			}
			errors.optional(field + ".contact", FieldErrors.clean(draft.contact()), TEXT_MAX);
			checkedRoles.add(new EmergencyPlanContent.ResponseRole(FieldErrors.clean(draft.role()),
					draft.personId() == null ? 0 : draft.personId(),
					draft.backupPostId(), FieldErrors.clean(draft.contact())));
		}
		List<EmergencyPlanContent.ProcedureStep> checkedSteps = new ArrayList<>();
		List<StepDraft> givenSteps = steps == null ? List.of() : steps;
		if (givenSteps.isEmpty()) {
			errors.add("steps", "emergency.plan.steps.required");
		}
		for (int i = 0; i < givenSteps.size() && i < PARTS_MAX; i++) {
			StepDraft draft = givenSteps.get(i) == null ? new StepDraft(null, null, null, null, null)
					: givenSteps.get(i);
			String field = "steps[" + i + "]";
			ResponsePhase phase = errors.constant(ResponsePhase.class, draft.phase(), field + ".phase");
			errors.required(field + ".title", FieldErrors.clean(draft.title()), TEXT_MAX);
			errors.optional(field + ".ownerRole", FieldErrors.clean(draft.ownerRole()), TEXT_MAX);
			if (draft.limitMinutes() != null
					&& (draft.limitMinutes() < 1 || draft.limitMinutes() > LIMIT_MINUTES_MAX)) {
				errors.add(field + ".limitMinutes", "emergency.plan.limit.invalid");
			}
			errors.optional(field + ".message", FieldErrors.clean(draft.message()), LONG_TEXT_MAX);
			checkedSteps.add(new EmergencyPlanContent.ProcedureStep(phase, FieldErrors.clean(draft.title()),
					FieldErrors.clean(draft.ownerRole()), draft.limitMinutes(), FieldErrors.clean(draft.message())));
		}
		if (givenLevels.size() > PARTS_MAX || givenRoles.size() > PARTS_MAX || givenSteps.size() > PARTS_MAX) {
			errors.add("steps", "emergency.plan.too-many");
		}
		errors.throwIfAny();
		return new EmergencyPlanContent(FieldErrors.clean(title), FieldErrors.clean(scenario),
				FieldErrors.clean(applicationSystem), FieldErrors.clean(site), reviewDate, checkedLevels,
				checkedRoles, checkedSteps);
	}
}
