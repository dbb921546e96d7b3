package org.yunwei.identity.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.identity.Positions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Organisation units")
class OrgUnitLeadApiController {

	private final Positions positions;

	OrgUnitLeadApiController(Positions positions) {
		this.positions = positions;
	}

	/** The lead to appoint; {@code null} removes the unit's lead. */
	record LeadForm(Long userId) {
	}

	@PutMapping("/api/v1/org-units/{id}/lead")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Appoint the unit's lead (负责人) (PARTY_MANAGE)",
			description = "Approvals addressed to \"the requester's unit lead\" go to the lead of the requester's unit, "
					+ "or of the nearest unit above it that has one; an approval waiting past its time limit escalates "
					+ "to the approver's lead. 400 for a person who is not an enabled user.")
	void appoint(@PathVariable long id, @RequestBody LeadForm form) {
		positions.appointLead(id, form.userId());
	}
}
