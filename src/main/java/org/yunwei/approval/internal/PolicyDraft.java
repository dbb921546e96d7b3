package org.yunwei.approval.internal;

import java.util.List;

/** A policy as its editor submits it, validated by {@link PolicyValidation} before it is stored. */
public record PolicyDraft(String name, String description, boolean requesterMayApprove, List<PolicyStage> stages) {

	public PolicyDraft {
		description = description == null ? "" : description.strip();
		name = name == null ? null : name.strip();
		stages = stages == null ? List.of() : List.copyOf(stages);
	}
}
