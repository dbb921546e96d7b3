package org.yunwei.ticket.internal.group;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actors;
import org.yunwei.ticket.internal.record.PriorityMatrix;
import org.yunwei.ticket.internal.record.TicketAccess;
import org.yunwei.web.FieldErrors;

@RestController
@Tag(name = "Service desk settings", description = "Assignment groups (处理组) and the priority matrix (优先级矩阵)")
class GroupApiController {

	private final GroupAdministration groups;
	private final PriorityMatrix matrix;
	private final Actors actors;
	private final AuditTrail audit;
	private final TicketAccess access;

	GroupApiController(GroupAdministration groups, PriorityMatrix matrix, Actors actors, AuditTrail audit,
			TicketAccess access) {
		this.access = access;
		this.groups = groups;
		this.matrix = matrix;
		this.actors = actors;
		this.audit = audit;
	}

	@GetMapping("/api/v1/ticket-groups")
	@Operation(summary = "Assignment groups the caller sees",
			description = "Management and supervision see all; a provider its own party's. For the service desk's "
					+ "people and those who keep or report on it (TICKET_WORK, TICKET_ADMIN, TICKET_REPORT); 403 for "
					+ "anyone else, customers included.")
	List<AssignmentGroup> list() {
		return groups.list();
	}

	@GetMapping("/api/v1/ticket-groups/{id}")
	AssignmentGroup get(@PathVariable long id) {
		return groups.get(id);
	}

	@PostMapping("/api/v1/ticket-groups")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a group (TICKET_ADMIN)",
			description = "Members must be enabled users of the group's party; the lead must be a member; the "
					+ "escalation group (second line) must be an enabled group of the same party or of management "
					+ "(400 `errors.escalationGroupId` otherwise). 409 when the code is taken.")
	AssignmentGroup create(@RequestBody GroupDraft draft) {
		return groups.create(draft);
	}

	@PutMapping("/api/v1/ticket-groups/{id}")
	@Operation(summary = "Change a group (TICKET_ADMIN)", description = "`memberIds` replaces the members.")
	AssignmentGroup update(@PathVariable long id, @RequestBody GroupDraft draft) {
		return groups.update(id, draft);
	}

	@GetMapping("/api/v1/tickets/priority-matrix")
	@Operation(summary = "Impact × urgency → priority, 1 = high, 3 = low",
			description = "For the service desk's people and those who keep or report on it (TICKET_WORK, TICKET_ADMIN, "
					+ "TICKET_REPORT); 403 for anyone else.")
	List<PriorityMatrix.Cell> matrix() {
		access.requireDeskReader();
		return matrix.cells();
	}

	@PutMapping("/api/v1/tickets/priority-matrix")
	@PreAuthorize("hasAuthority('TICKET_ADMIN')")
	@Transactional
	@Operation(summary = "Change cells of the priority matrix (TICKET_ADMIN)",
			description = "Only management may change it; it applies to tickets created or re-prioritised afterwards.")
	List<PriorityMatrix.Cell> setMatrix(@RequestBody List<PriorityMatrix.Cell> cells) {
		if (actors.writableScope().partyKind() != org.yunwei.identity.PartyKind.MANAGEMENT) {
			throw org.yunwei.web.RejectedRequest.forbidden("ticket.matrix.management-only");
		}
		FieldErrors errors = new FieldErrors();
		for (int i = 0; i < cells.size(); i++) {
			PriorityMatrix.Cell cell = cells.get(i);
			if (cell == null || cell.impact() < 1 || cell.impact() > 3 || cell.urgency() < 1 || cell.urgency() > 3) {
				errors.add("[" + i + "]", "ticket.level.invalid");
			}
			else if (cell.priority() == null) {
				errors.add("[" + i + "].priority", "field.required");
			}
		}
		errors.throwIfAny();
		List<PriorityMatrix.Cell> before = matrix.cells();
		for (PriorityMatrix.Cell cell : cells) {
			matrix.set(cell.impact(), cell.urgency(), cell.priority());
		}
		List<PriorityMatrix.Cell> after = matrix.cells();
		audit.record(AuditEntry.of("TICKET_PRIORITY_MATRIX_CHANGED", "ticket_priority_matrix", null).before(before)
			.after(after));
		return after;
	}

}
