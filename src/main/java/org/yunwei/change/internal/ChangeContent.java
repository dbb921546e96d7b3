package org.yunwei.change.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.yunwei.web.FieldErrors;

/**
 * What a requester writes into a change: what and why (变更信息收集), category and type, the affected items, the
 * implementation plan's steps with their owners (变更实施方案), the rollback plan (变更应急方案) and the planned
 * window. Text is trimmed, blank is absent.
 */
record ChangeContent(String title, String necessity, String reason, ChangeCategory category, ChangeType type,
		List<Long> ciIds, List<StepDraft> steps, String rollbackPlan, Instant plannedStart, Instant plannedEnd) {

	static final int MAX_ITEMS = 200;
	static final int MAX_STEPS = 100;

	ChangeContent {
		ciIds = ciIds == null ? List.of() : ciIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
		steps = steps == null ? List.of() : List.copyOf(steps);
	}

	/** One step of the plan as written: what is done, and who does it. */
	record StepDraft(String description, Long ownerId) {
	}

	/**
	 * Reads a submitted form or body, collecting every mistake of the fields this record can judge alone; the items
	 * and the owners are checked against the CMDB and the directory by the caller.
	 */
	static ChangeContent read(String title, String necessity, String reason, String category, String type,
			List<Long> ciIds, List<StepDraft> steps, String rollbackPlan, Instant plannedStart, Instant plannedEnd,
			FieldErrors errors) {
		String cleanTitle = FieldErrors.clean(title);
		String cleanNecessity = FieldErrors.clean(necessity);
		String cleanReason = FieldErrors.clean(reason);
		String cleanRollback = FieldErrors.clean(rollbackPlan);
		errors.required("title", cleanTitle, 200)
			.required("necessity", cleanNecessity, 2000)
			.required("reason", cleanReason, 2000)
			.optional("rollbackPlan", cleanRollback, 10000);
		ChangeCategory parsedCategory = errors.constant(ChangeCategory.class, category, "category");
		ChangeType parsedType = errors.constant(ChangeType.class, type, "type");
		List<StepDraft> cleanSteps = new ArrayList<>();
		List<StepDraft> given = steps == null ? List.of() : steps;
		for (int i = 0; i < given.size(); i++) {
			StepDraft step = given.get(i);
			String description = step == null ? null : FieldErrors.clean(step.description());
			Long owner = step == null ? null : step.ownerId();
			if (description == null && owner == null) {
				continue; // an empty row of the form
			}
			errors.required("steps[" + i + "].description", description, 500);
			errors.required("steps[" + i + "].ownerId", owner);
			cleanSteps.add(new StepDraft(description, owner));
		}
		if (cleanSteps.size() > MAX_STEPS) {
			errors.add("steps", "change.steps.too-many");
		}
		if (ciIds != null && ciIds.size() > MAX_ITEMS) {
			errors.add("ciIds", "change.items.too-many");
		}
		if (plannedStart != null && plannedEnd != null && !plannedEnd.isAfter(plannedStart)) {
			errors.add("plannedEnd", "change.planned.end-before-start");
		}
		if ((plannedStart == null) != (plannedEnd == null)) {
			errors.add(plannedStart == null ? "plannedStart" : "plannedEnd", "change.planned.both");
		}
		return new ChangeContent(cleanTitle, cleanNecessity, cleanReason, parsedCategory, parsedType, ciIds,
				cleanSteps, cleanRollback, plannedStart, plannedEnd);
	}
}
