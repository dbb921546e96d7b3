package org.yunwei.problem.internal;

import java.time.LocalDate;

import org.yunwei.web.FieldErrors;

/**
 * A plan with its owner and dates: the solution (问题解决方案: due date only) or the implementation plan (问题实施方案:
 * start and end). Validated on construction through {@link #solution} and {@link #implementation}.
 *
 * @param end the solution's due date, or the implementation's last day
 * @param start the implementation's first day; {@code null} for a solution
 */
public record ProblemPlan(String text, long ownerId, LocalDate start, LocalDate end) {

	static final int TEXT_MAX = 10_000;

	/** A solution, or 422 naming {@code text}, {@code ownerId} and {@code due}. */
	public static ProblemPlan solution(String text, Long ownerId, LocalDate due) {
		FieldErrors errors = new FieldErrors();
		errors.required("text", FieldErrors.clean(text), TEXT_MAX);
		errors.required("ownerId", ownerId);
		errors.required("due", due);
		errors.throwIfAny();
		return new ProblemPlan(text.strip(), ownerId, null, due);
	}

	/** An implementation plan, or 422 naming {@code text}, {@code ownerId}, {@code start} and {@code end}. */
	public static ProblemPlan implementation(String text, Long ownerId, LocalDate start, LocalDate end) {
		FieldErrors errors = new FieldErrors();
		errors.required("text", FieldErrors.clean(text), TEXT_MAX);
		errors.required("ownerId", ownerId);
		errors.required("start", start);
		errors.required("end", end);
		if (start != null && end != null && end.isBefore(start)) {
			errors.add("end", "problems.plan.end-before-start");
		}
		errors.throwIfAny();
		return new ProblemPlan(text.strip(), ownerId, start, end);
	}
}
