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
			List<String> people, List<RoleLine> roles, List<String> posts, boolean unitLead) {

		boolean blank() {
			return name.isBlank() && people.isEmpty() && roles.stream().allMatch(RoleLine::blank) && posts.isEmpty()
					&& !unitLead;
		}

		/** The role lines to show: those chosen and one blank line more for another role, up to the limit. */
		public List<RoleLine> roleRows() {
			List<RoleLine> rows = new ArrayList<>(roles.stream().filter(r -> !r.blank()).toList());
			if (rows.size() < ROLE_LINES) {
				rows.add(RoleLine.BLANK);
			}
			return rows;
		}

		static StageSlot empty() {
			return new StageSlot("", "ANY", "1", "", "", List.of(), List.of(), List.of(), false);
		}
	}

	/** A role within a party as one approver line of a stage: the role's holders in that party approve. */
	record RoleLine(String code, String partyId) {

		static final RoleLine BLANK = new RoleLine("", "");

		boolean blank() {
			return code.isBlank() && partyId.isBlank();
		}
	}

	/** How many role lines one stage takes in the editor (the API takes any number). */
	static final int ROLE_LINES = 5;

	static EditorForm of(PolicyView view) {
		List<StageSlot> slots = new ArrayList<>();
		for (PolicyView.Stage stage : view.stages()) {
			List<String> people = new ArrayList<>();
			List<RoleLine> roles = new ArrayList<>();
			List<String> posts = new ArrayList<>();
			boolean lead = false;
			for (PolicyView.Line line : stage.approvers()) {
				switch (line.kind()) {
					case PERSON -> people.add(String.valueOf(line.personId()));
					case ROLE -> roles.add(new RoleLine(line.roleCode(), String.valueOf(line.partyId())));
					case POST -> posts.add(String.valueOf(line.postId()));
					case UNIT_LEAD -> lead = true;
				}
			}
			slots.add(new StageSlot(stage.name(), stage.rule().name(), String.valueOf(stage.requiredCount()),
					stage.condition() == null ? "" : stage.condition(),
					stage.timeLimitMinutes() == null ? "" : String.valueOf(stage.timeLimitMinutes()), people, roles,
					posts, lead));
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
			List<RoleLine> roles = new ArrayList<>();
			for (int j = 0; j < ROLE_LINES; j++) {
				String role = prefix + "roles[" + j + "].";
				roles.add(new RoleLine(text(parameters, role + "code"), text(parameters, role + "partyId")));
			}
			slots.add(new StageSlot(text(parameters, prefix + "name"), text(parameters, prefix + "rule"),
					text(parameters, prefix + "requiredCount"), text(parameters, prefix + "condition"),
					text(parameters, prefix + "timeLimitMinutes"), chosen(parameters, prefix + "people"), roles,
					chosen(parameters, prefix + "posts"), parameters.containsKey(prefix + "unitLead")));
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
			int line = 0;
			for (RoleLine role : slot.roles()) {
				String roleField = field + "roles[" + line++ + "].";
				if (role.blank()) {
					continue;
				}
				if (role.code().isBlank()) {
					throw RejectedRequest.invalidField(roleField + "code", "field.required");
				}
				if (role.partyId().isBlank()) {
					throw RejectedRequest.invalidField(roleField + "partyId", "field.required");
				}
				approvers.add(StageApprover.role(role.code(), number(role.partyId(), roleField + "partyId"), null));
			}
			for (String post : slot.posts()) {
				approvers.add(StageApprover.post(number(post, field + "posts")));
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

	/** The values ticked for a list field, blanks left out. */
	private static List<String> chosen(MultiValueMap<String, String> parameters, String name) {
		return parameters.getOrDefault(name, List.of()).stream().filter(v -> !v.isBlank()).toList();
	}

	private static String text(MultiValueMap<String, String> parameters, String name) {
		String value = parameters.getFirst(name);
		return value == null ? "" : value;
	}
}
