package org.yunwei.approval.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.yunwei.web.RejectedRequest;

/**
 * The policy editor's stage slot takes several roles, several posts and several people at once, as the API does,
 * and names the line of a half-filled role.
 */
class EditorFormTests {

	@Test
	void aStageTakesSeveralRolesPostsAndPeople() {
		var form = stage();
		form.add("stages[0].roles[0].code", "SERVICE_MANAGER");
		form.add("stages[0].roles[0].partyId", "7");
		form.add("stages[0].roles[1].code", "DESK_AGENT");
		form.add("stages[0].roles[1].partyId", "8");
		form.add("stages[0].posts", "31");
		form.add("stages[0].posts", "32");
		form.add("stages[0].people", "5");
		form.add("stages[0].people", "6");

		PolicyStage stage = EditorForm.read(form).draft().stages().getFirst();

		assertThat(stage.approvers()).containsExactly(StageApprover.person(5), StageApprover.person(6),
				StageApprover.role("SERVICE_MANAGER", 7, null), StageApprover.role("DESK_AGENT", 8, null),
				StageApprover.post(31), StageApprover.post(32));
	}

	@Test
	void aRoleLineWithoutItsRoleOrPartyIsRefusedOnThatLine() {
		var noRole = stage();
		noRole.add("stages[0].roles[0].code", "SERVICE_MANAGER");
		noRole.add("stages[0].roles[0].partyId", "7");
		noRole.add("stages[0].roles[1].partyId", "8");
		assertThatThrownBy(() -> EditorForm.read(noRole).draft()).isInstanceOfSatisfying(RejectedRequest.class,
				refused -> assertThat(refused.fieldErrors()).containsEntry("stages[0].roles[1].code", "field.required"));

		var noParty = stage();
		noParty.add("stages[0].roles[0].code", "SERVICE_MANAGER");
		assertThatThrownBy(() -> EditorForm.read(noParty).draft()).isInstanceOfSatisfying(RejectedRequest.class,
				refused -> assertThat(refused.fieldErrors()).containsEntry("stages[0].roles[0].partyId",
						"field.required"));
	}

	@Test
	void theEditorShowsTheChosenRolesAndOneEmptyLineMore() {
		var form = stage();
		form.add("stages[0].roles[0].code", "SERVICE_MANAGER");
		form.add("stages[0].roles[0].partyId", "7");

		var rows = EditorForm.read(form).stages().getFirst().roleRows();

		assertThat(rows).containsExactly(new EditorForm.RoleLine("SERVICE_MANAGER", "7"), EditorForm.RoleLine.BLANK);
	}

	private static LinkedMultiValueMap<String, String> stage() {
		var form = new LinkedMultiValueMap<String, String>();
		form.add("name", "变更审批");
		form.add("stages[0].name", "审核");
		form.add("stages[0].rule", "ALL");
		form.add("stages[0].requiredCount", "1");
		return form;
	}
}
