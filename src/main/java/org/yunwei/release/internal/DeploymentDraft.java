package org.yunwei.release.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.yunwei.release.internal.Release.DeploymentStepResult;
import org.yunwei.web.FieldErrors;

/**
 * A deployment record (部署记录) as written: from when to when, and the steps with their results. Empty rows of a form
 * are skipped; a step needs its description and whether it succeeded, a failed one what happened.
 */
record DeploymentDraft(Instant startedAt, Instant endedAt, List<DeploymentStepResult> steps) {

	static final int MAX_STEPS = 100;

	/** One step as written. */
	record StepDraft(String description, Boolean succeeded, String result) {
	}

	static DeploymentDraft read(Instant startedAt, Instant endedAt, List<StepDraft> given, FieldErrors errors) {
		List<DeploymentStepResult> steps = new ArrayList<>();
		List<StepDraft> rows = given == null ? List.of() : given;
		for (int i = 0; i < rows.size(); i++) {
			StepDraft row = rows.get(i);
			String description = row == null ? null : FieldErrors.clean(row.description());
			String result = row == null ? null : FieldErrors.clean(row.result());
			if (description == null && result == null) {
				continue; // an empty row of the form
			}
			errors.required("steps[" + i + "].description", description, 500);
			errors.optional("steps[" + i + "].result", result, 2000);
			errors.required("steps[" + i + "].succeeded", row.succeeded());
			if (Boolean.FALSE.equals(row.succeeded()) && result == null) {
				errors.add("steps[" + i + "].result", "release.deployment.failure-needs-result");
			}
			steps.add(new DeploymentStepResult(steps.size() + 1, description, !Boolean.FALSE.equals(row.succeeded()),
					result));
		}
		if (steps.size() > MAX_STEPS) {
			errors.add("steps", "release.deployment.too-many");
		}
		return new DeploymentDraft(startedAt, endedAt, steps);
	}
}
