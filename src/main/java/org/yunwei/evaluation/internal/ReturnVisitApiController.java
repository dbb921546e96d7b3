package org.yunwei.evaluation.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.web.KeysetPage;

@RestController
@RequestMapping("/api/v1/return-visits")
@Tag(name = "Return visits", description = "回访: the service desk calls customers of resolved tickets and records the "
		+ "result. The worklist holds the resolved and closed tickets of the caller's scope drawn in the sample "
		+ "(`yunwei.tickets.return-visit-sample-percent`), rated low, or major incidents, until a visit reaches the "
		+ "customer. Agents (TICKET_WORK) record; the service desk's side with TICKET_WORK or TICKET_REPORT (desk "
		+ "managers, the service-level manager, supervision) reads; customers, administrators, integration accounts "
		+ "and people without a ticket role get 403.")
class ReturnVisitApiController {

	private final ReturnVisits visits;
	private final ReturnVisitWorklist worklist;

	ReturnVisitApiController(ReturnVisits visits, ReturnVisitWorklist worklist) {
		this.visits = visits;
		this.worklist = worklist;
	}

	@GetMapping("/worklist")
	@Operation(summary = "Tickets due for a return visit, newest resolution first, one keyset page at a time",
			description = "Pass `next` as `cursor` with the same filters for the next page.")
	KeysetPage<ReturnVisitDue> worklist(
			@Parameter(description = "RESOLVED or CLOSED; both when left out") @RequestParam(required = false) String status,
			@RequestParam(required = false) Long groupId,
			@RequestParam(required = false) Long customerOrgUnitId,
			@Parameter(description = "SAMPLE, LOW_RATING or MAJOR; any when left out") @RequestParam(required = false) String reason,
			@Parameter(description = "a number, or text within the subject") @RequestParam(required = false) String q,
			@Parameter(description = "1 to 200, default 50") @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return worklist.list(ReturnVisitQuery.of(status, groupId, customerOrgUnitId, reason, q, limit, cursor));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a return visit made just now (TICKET_WORK)",
			description = "`result` is SATISFIED, BASICALLY_SATISFIED, DISSATISFIED or UNREACHABLE; `contact` "
					+ "(who was called, how) is required. DISSATISFIED opens a follow-up service request, or adds to "
					+ "the open one, and tells the group lead. 422 (`not-resolved`) before the ticket is resolved; "
					+ "404 for a ticket outside the caller's scope; 403 for customers and supervision.")
	ReturnVisit record(@RequestBody ReturnVisitDraft draft) {
		return visits.record(draft);
	}

	@GetMapping
	@Operation(summary = "The return visits of one ticket, the latest first",
			description = "403 for anyone who may not read return visits (see the tag); 404 for a ticket outside the "
					+ "caller's scope.")
	List<ReturnVisit> ofTicket(@RequestParam long ticketId) {
		return visits.ofTicket(ticketId);
	}
}
