package org.yunwei.ticket.internal.link;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Ticket links", description = "关联工单: parent and child (e.g. a major incident and the reports it "
		+ "caused), duplicate of, related. Both tickets must be ones the agent may work.")
class TicketLinkApiController {

	private final TicketLinking linking;

	TicketLinkApiController(TicketLinking linking) {
		this.linking = linking;
	}

	@GetMapping("/api/v1/tickets/{id}/links")
	@Operation(summary = "The links of a ticket",
			description = "Each with the other ticket's role as this one sees it: CHILD, PARENT, DUPLICATE_OF, "
					+ "DUPLICATED_BY or RELATED. Links to tickets outside the caller's scope are left out.")
	List<TicketLinkView> list(@PathVariable long id) {
		return linking.of(id);
	}

	@PostMapping("/api/v1/tickets/{id}/links")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Link the ticket to another (TICKET_WORK)",
			description = "`otherNumber` (e.g. INC-20261122-0001) or `otherTicketId`, and `kind`: PARENT_OF (this "
					+ "ticket is the parent), DUPLICATE_OF (this one duplicates the other) or RELATED. 400 for an "
					+ "unknown or invisible other ticket or the ticket itself, 409 when the pair is linked so already "
					+ "(either way), 422 `link-cycle` when a parent link would close a loop. Answers the ticket's links.")
	List<TicketLinkView> link(@PathVariable long id, @RequestBody TicketLinkDraft draft) {
		return linking.link(id, draft);
	}

	@DeleteMapping("/api/v1/tickets/{id}/links/{otherTicketId}")
	@Operation(summary = "Remove a link (TICKET_WORK)",
			description = "The link of `kind` between the two tickets, whichever of them it was made from; 404 when "
					+ "there is none. Answers the ticket's remaining links.")
	List<TicketLinkView> unlink(@PathVariable long id, @PathVariable long otherTicketId,
			@Parameter(description = "PARENT_OF, DUPLICATE_OF or RELATED") @RequestParam(required = false) String kind) {
		return linking.unlink(id, otherTicketId, kind);
	}
}
