package org.yunwei.ticket.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.context.i18n.LocaleContextHolder;
import org.yunwei.ticket.internal.intake.CreationGate;
import org.yunwei.ticket.internal.intake.TicketDraft;
import org.yunwei.ticket.internal.intake.TicketIntake;
import org.yunwei.ticket.internal.list.TicketListFilter;
import org.yunwei.ticket.internal.list.TicketQuery;
import org.yunwei.ticket.internal.list.TicketSearch;
import org.yunwei.ticket.internal.list.TicketSummary;
import org.yunwei.ticket.internal.record.TicketAccess;
import org.yunwei.ticket.internal.record.TicketRecords;
import org.yunwei.ticket.internal.record.TicketRow;
import org.yunwei.ticket.internal.record.TicketSettings;
import org.yunwei.ticket.internal.work.BulkTicketWork;
import org.yunwei.ticket.internal.work.TicketChanges;
import org.yunwei.ticket.internal.work.TicketWork;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.identity.Actors;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

@RestController
@RequestMapping("/api/v1/tickets")
@Tag(name = "Tickets", description = "服务台: service requests (服务请求) and incidents (事件) — create, list, read, "
		+ "work through the lifecycle new → assigned → in progress → pending → resolved → closed. Every operation needs "
		+ "a right and the caller's scope (docs/security.md, \"Access model\"): customers' people, TICKET_WORK or "
		+ "TICKET_REPORT read; anyone else (administrators, integration accounts, people without a ticket role) gets "
		+ "403; a ticket outside the scope is 404.")
class TicketApiController {

	private final TicketIntake intake;
	private final TicketSearch search;
	private final TicketDetails details;
	private final TicketWork work;
	private final BulkTicketWork bulk;
	private final TicketRecords records;
	private final TicketAccess access;
	private final Actors actors;
	private final TicketListExport export;
	private final TicketSettings settings;
	private final CreationGate gate;

	TicketApiController(TicketIntake intake, TicketSearch search, TicketDetails details, TicketWork work,
			BulkTicketWork bulk, TicketRecords records, TicketAccess access, Actors actors, TicketListExport export,
			TicketSettings settings, CreationGate gate) {
		this.export = export;
		this.settings = settings;
		this.intake = intake;
		this.search = search;
		this.details = details;
		this.work = work;
		this.bulk = bulk;
		this.records = records;
		this.access = access;
		this.actors = actors;
		this.gate = gate;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Open a ticket",
			description = "A customer opens one for their unit (or a unit below it) about a service their unit may "
					+ "order; an agent (TICKET_WORK) records one for a customer unit their party serves (one that may "
					+ "order a service of theirs; management serves all) with a reporter of that unit or a unit below "
					+ "it (channel PHONE by default), optionally assigned at once. 400 with `errors` by field "
					+ "(`customerOrgUnitId` for a unit not served, `reporterUserId` for a reporter of another unit); "
					+ "403 for supervision.")
	TicketView create(@RequestBody TicketDraft draft) {
		return details.ofOpened(gate.through(() -> intake.accept(draft, false)));
	}

	@GetMapping
	@Operation(summary = "Tickets in the caller's scope, one keyset page at a time",
			description = "Pass `next` as `cursor` with the same filters and sort for the next page. "
					+ "`sort=due` orders by the resolution due time (agent queues), `created` (default) newest first. "
					+ "Days (`createdFrom` … `closedTo`) are ISO dates in the service desk's zone (Asia/Shanghai), "
					+ "both ends included, either may be left out; an unreadable date, a year outside 2000–2999 or a "
					+ "start after the end is 400 naming the parameter, as is an unknown `categoryId`.")
	KeysetPage<TicketSummary> list(@ParameterObject TicketListFilter filter,
			@Parameter(description = "created (default) or due") @RequestParam(required = false) String sort,
			@Parameter(description = "1 to 200, default 50") @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return search.list(filter.toQuery(actors.current().userId(), sort, limit, cursor, settings.zone()));
	}

	@GetMapping("/export")
	@Operation(summary = "The list as an Excel workbook (.xlsx): every ticket the filters match, in the list's order",
			description = "The same filters, sort and scope as the list; headers in the caller's language. At most "
					+ TicketListExport.MAX_ROWS + " tickets: a longer list is 422 `export-too-large` (narrow the "
					+ "filters). Whoever may read tickets exports those of their scope; other users 403. Each export "
					+ "is on the audit trail (TICKET_LIST_EXPORT, with the filter and the number of rows).")
	void export(@ParameterObject TicketListFilter filter,
			@Parameter(description = "created (default) or due") @RequestParam(required = false) String sort,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		TicketQuery query = filter.toQuery(actors.current().userId(), sort, null, null, settings.zone());
		export.export(query, readable(request.getQueryString()), LocaleContextHolder.getLocale(),
				() -> TicketListExport.open(response, settings.zone()));
	}

	/** The query string as the auditor reads it: decoded where it can be. */
	private static String readable(String queryString) {
		if (queryString == null) {
			return "";
		}
		try {
			return URLDecoder.decode(queryString, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException malformed) {
			return queryString;
		}
	}

	@GetMapping("/{id}")
	@Operation(summary = "One ticket with its SLA countdowns, timeline and the actions the caller may take",
			description = "Customers see public timeline entries only.")
	TicketView get(@PathVariable long id) {
		return details.get(id);
	}

	@GetMapping("/by-number/{number}")
	@Operation(summary = "One ticket by its number, e.g. INC-20261122-0001")
	TicketView byNumber(@PathVariable String number) {
		long id = records.findByNumber(number.strip().toUpperCase()).map(TicketRow::id)
			.orElseThrow(() -> RejectedRequest.notFound("ticket"));
		access.visible(id);
		return details.get(id);
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Change fields of an open ticket (TICKET_WORK)",
			description = "Fields left out stay; a new impact or urgency gives a new priority and retargets the SLA.")
	TicketView update(@PathVariable long id, @RequestBody TicketChanges changes) {
		work.update(id, changes);
		return details.get(id);
	}

	@PostMapping("/{id}/assign")
	@Operation(summary = "Assign to a group and optionally one of its members (TICKET_WORK)")
	TicketView assign(@PathVariable long id, @RequestBody TicketRequests.Assign body) {
		work.assign(id, body.groupId(), body.assigneeUserId(), body.comment());
		return details.get(id);
	}

	@PostMapping("/{id}/start")
	@Operation(summary = "Start work: in progress; the response clock stops (TICKET_WORK)")
	TicketView start(@PathVariable long id) {
		work.start(id);
		return details.get(id);
	}

	@PostMapping("/{id}/pend")
	@Operation(summary = "Pending: waits for the CUSTOMER or a THIRD_PARTY, SLA paused (TICKET_WORK)")
	TicketView pend(@PathVariable long id, @RequestBody TicketRequests.Pend body) {
		work.pend(id, body.reason(), body.comment());
		return details.get(id);
	}

	@PostMapping("/{id}/resume")
	@Operation(summary = "Back to work after pending; SLA resumes (TICKET_WORK)")
	TicketView resume(@PathVariable long id, @RequestBody(required = false) TicketRequests.Comment body) {
		work.resume(id, body == null ? null : body.comment());
		return details.get(id);
	}

	@PostMapping("/{id}/resolve")
	@Operation(summary = "Resolve with a resolution code and text (TICKET_WORK)",
			description = "Codes: SOLVED, WORKAROUND, FULFILLED, NOT_REPRODUCIBLE, DUPLICATE, WITHDRAWN.")
	TicketView resolve(@PathVariable long id, @RequestBody TicketRequests.Resolve body) {
		work.resolve(id, body.resolutionCode(), body.resolutionText());
		return details.get(id);
	}

	@PostMapping("/{id}/close")
	@Operation(summary = "Close a resolved ticket (TICKET_WORK)")
	TicketView close(@PathVariable long id) {
		work.close(id);
		return details.get(id);
	}

	@PostMapping("/{id}/confirm")
	@Operation(summary = "The customer confirms the resolution; the ticket closes",
			description = "People of the ticket's customer unit or a unit above it only: the service desk closes a "
					+ "resolved ticket with `close` instead, and anyone else gets 403.")
	TicketView confirm(@PathVariable long id) {
		work.confirm(id);
		return details.get(id);
	}

	@PostMapping("/{id}/reopen")
	@Operation(summary = "Reopen a resolved ticket with a reason (customer or agent with TICKET_WORK)")
	TicketView reopen(@PathVariable long id, @RequestBody TicketRequests.Comment body) {
		work.reopen(id, body.comment());
		return details.get(id);
	}

	@PostMapping("/{id}/replies")
	@Operation(summary = "A public reply (customer or agent with TICKET_WORK)",
			description = "An agent's first reply is the response; a customer's reply to a ticket pending on them "
					+ "resumes it.")
	TicketView reply(@PathVariable long id, @RequestBody TicketRequests.Text body) {
		work.reply(id, body.body());
		return details.get(id);
	}

	@PostMapping("/{id}/notes")
	@Operation(summary = "An internal note, never shown to the customer (TICKET_WORK)")
	TicketView note(@PathVariable long id, @RequestBody TicketRequests.Text body) {
		work.note(id, body.body());
		return details.get(id);
	}

	@PostMapping("/{id}/work-log")
	@Operation(summary = "Log time spent, 1–1440 minutes, with what was done (TICKET_WORK)")
	TicketView logWork(@PathVariable long id, @RequestBody TicketRequests.WorkLog body) {
		work.logWork(id, body.minutes(), body.body());
		return details.get(id);
	}

	@PostMapping("/{id}/major")
	@Operation(summary = "Mark or unmark a major incident (重大事件) with its coordinator (TICKET_WORK)",
			description = "The coordinator, who receives every stakeholder update, must be an enabled person of the "
					+ "ticket's provider or of management: 400 with `errors.coordinatorUserId` otherwise.")
	TicketView major(@PathVariable long id, @RequestBody TicketRequests.Major body) {
		work.setMajor(id, Boolean.TRUE.equals(body.major()), body.coordinatorUserId());
		return details.get(id);
	}

	@PostMapping("/{id}/major-updates")
	@Operation(summary = "A stakeholder update of a major incident (重大事件通报) (TICKET_WORK)")
	TicketView majorUpdate(@PathVariable long id, @RequestBody TicketRequests.Text body) {
		work.majorUpdate(id, body.body());
		return details.get(id);
	}

	@PostMapping("/bulk")
	@Operation(summary = "One action (ASSIGN, START, RESOLVE, CLOSE) on up to 200 tickets, all or none (TICKET_WORK)",
			description = "A refusal names the ticket by its place in `ids`, e.g. `errors[\"ids[3]\"]`.")
	Map<String, Integer> bulk(@RequestBody TicketRequests.Bulk body) {
		return Map.of("changed", bulk.apply(body.ids(), body.action(), body.groupId(), body.assigneeUserId(),
				body.resolutionCode(), body.resolutionText()));
	}
}
