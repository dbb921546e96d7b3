package org.yunwei.release.internal;

import java.util.ArrayList;
import java.util.List;

import org.yunwei.web.FieldErrors;

/** The deployment record's form on a release's page: start and end as local date-times, the steps as rows. */
public class DeploymentWebForm {

	/** Rows the form offers. */
	static final int ROWS = 5;

	private String startedAt;
	private String endedAt;
	private List<StepRow> steps = new ArrayList<>();

	DeploymentDraft draft(FieldErrors errors) {
		return DeploymentDraft.read(ReleaseWebForm.instant(startedAt, "startedAt", errors),
				ReleaseWebForm.instant(endedAt, "endedAt", errors),
				steps.stream()
					.map(s -> s == null ? null : new DeploymentDraft.StepDraft(s.getDescription(),
							s.getSucceeded() == null ? null : !"false".equals(s.getSucceeded()), s.getResult()))
					.toList(),
				errors);
	}

	/** The rows as typed, filled up with empty ones. */
	List<StepRow> rows() {
		List<StepRow> rows = new ArrayList<>(steps);
		while (rows.size() < ROWS) {
			rows.add(new StepRow());
		}
		return rows;
	}

	/** One step row. */
	public static class StepRow {

		private String description;
		private String succeeded = "true";
		private String result;

		public String getDescription() { return description; }
		public void setDescription(String description) { this.description = description; }
		public String getSucceeded() { return succeeded; }
		public void setSucceeded(String succeeded) { this.succeeded = succeeded; }
		public String getResult() { return result; }
		public void setResult(String result) { this.result = result; }
	}

	public String getStartedAt() { return startedAt; }
	public void setStartedAt(String startedAt) { this.startedAt = startedAt; }
	public String getEndedAt() { return endedAt; }
	public void setEndedAt(String endedAt) { this.endedAt = endedAt; }
	public List<StepRow> getSteps() { return steps; }
	public void setSteps(List<StepRow> steps) { this.steps = steps == null ? new ArrayList<>() : steps; }
}
