package org.yunwei.approval.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.util.MultiValueMap;
import org.yunwei.web.RejectedRequest;

/**
 * The policy editor's fields as submitted, kept as text so that a refused form shows again as it was typed.
 *
 * @param stages the stage slots in order
 */
record EditorForm(String name, String description, boolean requesterMayApprove, List<StageSlot> stages) {

	/** One stage slot of the editor. */
	record StageSlot(String name, String rule, String requiredCount, String condition, String timeLimitMinutes,
			List<String> people, String roleCode, String rolePartyId, String postId, boolean unitLead) {

		boolean blank() {
			return name.isBlank() && people.isEmpty() && roleCode.isBlank() && postId.isBlank() && !unitLead;
		}

		static StageSlot empty() {
			return new StageSlot("", "ANY", "1", "", "", List.of(), "", "", "", false);
		}
	}

	static EditorForm of(PolicyView view) {
		List<StageSlot> slots = new ArrayList<>();
		for (PolicyView.Stage stage : view.stages()) {
			List<String> people = new ArrayList<>();
			String role = "";
			String party = "";
			String post = "";
			boolean lead = false;
			for (PolicyView.Line line : stage.approvers()) {
				switch (line.kind()) {
					case PERSON -> people.add(String.valueOf(line.personId()));
					case ROLE -> {
						role = line.roleCode();
						party = String.valueOf(line.partyId());
					}
					case POST -> post = String.valueOf(line.postId());
					case UNIT_LEAD -> lead = true;
				}
			}
			slots.add(new StageSlot(stage.name(), stage.rule().name(), String.valueOf(stage.requiredCount()),
					stage.condition() == null ? "" : stage.condition(),
					stage.timeLimitMinutes() == null ? "" : String.valueOf(stage.timeLimitMinutes()), people, role,
					party, post, lead));
		}
		return new EditorForm(view.name(), view.description(), view.requesterMayApprove(), slots);
	}

	static EditorForm read(MultiValueMap<String, String> parameters) {
		List<StageSlot> slots = new ArrayList<>();
		for (int i = 0; i < PolicyAdministration.MAX_STAGES + 1; i++) {
			String prefix = "stages[" + i + "].";
			if (!parameters.containsKey(prefix + "name")) {
				continue;
			}
			slots.add(new StageSlot(text(parameters, prefix + "name"), text(parameters, prefix + "rule"),
					text(parameters, prefix + "requiredCount"), text(parameters, prefix + "condition"),
					text(parameters, prefix + "timeLimitMinutes"),
					parameters.getOrDefault(prefix + "people", List.of()).stream().filter(v -> !v.isBlank()).toList(),
					text(parameters, prefix + "roleCode"), text(parameters, prefix + "rolePartyId"),
					text(parameters, prefix + "postId"), parameters.containsKey(prefix + "unitLead")));
		}
		return new EditorForm(text(parameters, "name"), text(parameters, "description"),
				parameters.containsKey("requesterMayApprove"), slots);
	}

	/** The draft the slots describe; a slot left blank is no stage. */
	PolicyDraft draft() {
		List<PolicyStage> stages = new ArrayList<>();
		int index = 0;
		for (StageSlot slot : this.stages) {
			String field = "stages[" + index++ + "].";
			if (slot.blank()) {
				continue;
			}
			StageRule rule;
			try {
				rule = StageRule.valueOf(slot.rule());
			}
			catch (IllegalArgumentException unknown) {
				throw RejectedRequest.invalidField(field + "rule", "field.value.unknown");
			}
			List<StageApprover> approvers = new ArrayList<>();
			for (String person : slot.people()) {
				approvers.add(StageApprover.person(number(person, field + "people")));
			}
			if (!slot.roleCode().isBlank()) {
				if (slot.rolePartyId().isBlank()) {
					throw RejectedRequest.invalidField(field + "rolePartyId", "field.required");
				}
				approvers.add(StageApprover.role(slot.roleCode(), number(slot.rolePartyId(), field + "rolePartyId"),
						null));
			}
			if (!slot.postId().isBlank()) {
				approvers.add(StageApprover.post(number(slot.postId(), field + "postId")));
			}
			if (slot.unitLead()) {
				approvers.add(StageApprover.unitLead());
			}
			int count = rule == StageRule.N_OF ? (int) number(slot.requiredCount(), field + "requiredCount") : 1;
			Integer limit = slot.timeLimitMinutes().isBlank() ? null
					: (int) Math.min(Integer.MAX_VALUE, number(slot.timeLimitMinutes(), field + "timeLimitMinutes"));
			stages.add(new PolicyStage(0, slot.name(), rule, count, slot.condition().isBlank() ? null : slot.condition(),
					limit, approvers));
		}
		return new PolicyDraft(name, description, requesterMayApprove, stages);
	}

	/** The form with one empty slot more, for a stage to add. */
	EditorForm withBlankStage() {
		if (stages.size() >= PolicyAdministration.MAX_STAGES || (!stages.isEmpty() && stages.getLast().blank())) {
			return this;
		}
		List<StageSlot> slots = new ArrayList<>(stages);
		slots.add(StageSlot.empty());
		return new EditorForm(name, description, requesterMayApprove, slots);
	}

	private static long number(String text, String field) {
		try {
			return Long.parseLong(text.strip());
		}
		catch (NumberFormatException e) {
			throw RejectedRequest.invalidField(field, "field.number");
		}
	}

	private static String text(MultiValueMap<String, String> parameters, String name) {
		String value = parameters.getFirst(name);
		return value == null ? "" : value;
	}
}
