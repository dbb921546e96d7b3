package org.yunwei.problem.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.problem.internal.ProblemIncidents.LinkedIncident;
import org.yunwei.problem.internal.ProblemReading.ProblemView;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/problems")
@Tag(name = "Problems", description = "问题管理: problems opened from incidents or on their own (问题收集表), root "
		+ "cause, emergency plan (required before work starts), solution and implementation plans, known errors, "
		+ "closing that proposes a knowledge article. PROBLEM_READ reads the problems of one's scope (never a "
		+ "customer); PROBLEM_RECORD records and links incidents; PROBLEM_ANALYSE analyses, plans and resolves; "
		+ "PROBLEM_CLOSE closes and cancels. A step from the wrong state is 409; bad input 400/422 and changes nothing.")
class ProblemApiController {

	private final ProblemWork work;
	private final ProblemProposal proposal;
	private final ProblemReading reading;

	ProblemApiController(ProblemWork work, ProblemProposal proposal, ProblemReading reading) {
		this.work = work;
		this.proposal = proposal;
		this.reading = reading;
	}

	/** The 问题收集表. */
	record ProblemForm(@Parameter(description = "INCIDENT, TREND, MONITORING, INSPECTION, CUSTOMER, SUPPLIER, OTHER")
	String source, String subject, String description, String impact,
			@Parameter(description = "P1 to P4") String priority, Long serviceId, List<Long> configurationItemIds,
			@Parameter(description = "the incidents it is opened from; none for a problem on its own")
			List<Long> incidentIds) {
	}

	record TextForm(String text) {
	}

	record PlanForm(String text, Long ownerId, @Parameter(description = "the solution's due date") LocalDate due,
			@Parameter(description = "the implementation's first day") LocalDate start,
			@Parameter(description = "the implementation's last day") LocalDate end) {
	}

	record IncidentForm(Long ticketId) {
	}

	record ProblemCancelForm(String reason) {
	}

	record PlanDocument(String text, long ownerId, String ownerName, LocalDate start, LocalDate end) {
	}

	/** A problem as the API shows it. */
	record ProblemDocument(long id, String number, String status, String source, String subject, String description,
			String impact, String priority, Long serviceId, String serviceName, List<Long> configurationItemIds,
			String rootCause, String emergencyPlan, Instant emergencyPlanAt, PlanDocument solution,
			PlanDocument implementation, boolean knownError, String workaround, String resolution,
			String cancelReason, Long articleId, Instant resolutionDueAt, Instant createdAt, Instant resolvedAt,
			Instant closedAt, List<LinkedIncident> incidents) {

		static ProblemDocument of(ProblemView v) {
			Problem p = v.problem();
			ProblemCollection c = p.collection();
			return new ProblemDocument(p.id(), p.number(), p.status().name(), c.source().name(), c.subject(),
					c.description(), c.impact(), c.priority().name(), c.serviceId(), v.serviceName(),
					c.configurationItemIds(), p.rootCause(), p.emergencyPlan(), p.emergencyPlanAt(),
					plan(p.solution(), v.solutionOwner()), plan(p.implementation(), v.implementationOwner()),
					p.knownError(), p.workaround(), p.resolution(), p.cancelReason(), p.articleId(),
					p.resolutionDueAt(), p.createdAt(), p.resolvedAt(), p.closedAt(), v.incidents());
		}

		private static PlanDocument plan(ProblemPlan plan, String owner) {
			return plan == null ? null : new PlanDocument(plan.text(), plan.ownerId(), owner, plan.start(), plan.end());
		}
	}

	/** A line of the list. */
	record ProblemLine(long id, String number, String status, String priority, String subject, boolean knownError,
			boolean emergencyPlan, Instant createdAt) {

		static ProblemLine of(Problem p) {
			return new ProblemLine(p.id(), p.number(), p.status().name(), p.collection().priority().name(),
					p.collection().subject(), p.knownError(), p.emergencyPlan() != null, p.createdAt());
		}
	}

	/** The answer to closing: the problem, and why no article was proposed when none was. */
	record Closed(ProblemDocument problem, Long articleId, String proposalRefused) {
	}

	@GetMapping
	@Operation(summary = "The problems of my scope", description = "Filters: `status` (a state or `open`), "
			+ "`priority`, `source`, `knownError`, `q` (a number or part of the subject); `sort` newest (default) or "
			+ "priority. Keyset pages: pass `next` as `cursor`.")
	KeysetPage<ProblemLine> list(@RequestParam(required = false) String status,
			@RequestParam(required = false) String priority, @RequestParam(required = false) String source,
			@RequestParam(required = false) Boolean knownError, @RequestParam(required = false) String q,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String cursor,
			@Parameter(description = "1 to 200, default 50") @RequestParam(required = false) Integer limit) {
		KeysetPage<Problem> page = reading.page(new ProblemFilter(status, priority, source, knownError, q, sort),
				cursor, limit);
		return new KeysetPage<>(page.items().stream().map(ProblemLine::of).toList(), page.next());
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a problem (问题收集表), from incidents or on its own",
			description = "SLA clocks start where an agreement sets a target. 400 naming the refused fields.")
	ProblemDocument open(@RequestBody(required = false) ProblemForm form) {
		ProblemForm f = form == null ? new ProblemForm(null, null, null, null, null, null, null, null) : form;
		long id = work.open(() -> ProblemCollection.of(f.source(), f.subject(), f.description(), f.impact(),
				f.priority(), f.serviceId(), f.configurationItemIds()), f.incidentIds());
		return ProblemDocument.of(reading.view(id));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A problem with its plans and incidents")
	ProblemDocument get(@PathVariable long id) {
		return ProblemDocument.of(reading.view(id));
	}

	@GetMapping("/{id}/incidents")
	@Operation(summary = "The incidents a problem is linked to")
	List<LinkedIncident> incidents(@PathVariable long id) {
		return reading.incidents(id);
	}

	@PostMapping("/{id}/incidents")
	@Operation(summary = "Link an incident", description = "Linking one twice changes nothing; 409 once closed.")
	ProblemDocument link(@PathVariable long id, @RequestBody(required = false) IncidentForm form) {
		work.linkIncident(id, form == null ? null : form.ticketId());
		return ProblemDocument.of(reading.view(id));
	}

	@PostMapping("/{id}/analysis")
	@Operation(summary = "Start the analysis (已登记 → 分析中)")
	ProblemDocument startAnalysis(@PathVariable long id) {
		work.startAnalysis(id);
		return ProblemDocument.of(reading.view(id));
	}

	@PutMapping("/{id}/root-cause")
	@Operation(summary = "Record the root cause")
	ProblemDocument rootCause(@PathVariable long id, @RequestBody(required = false) TextForm form) {
		work.recordRootCause(id, form == null ? null : form.text());
		return ProblemDocument.of(reading.view(id));
	}

	@PutMapping("/{id}/emergency-plan")
	@Operation(summary = "Record the emergency plan (问题处理应急方案)", description = "Required before work starts.")
	ProblemDocument emergencyPlan(@PathVariable long id, @RequestBody(required = false) TextForm form) {
		work.recordEmergencyPlan(id, form == null ? null : form.text());
		return ProblemDocument.of(reading.view(id));
	}

	@PutMapping("/{id}/solution")
	@Operation(summary = "Record the solution (问题解决方案) with its owner and due date")
	ProblemDocument solution(@PathVariable long id, @RequestBody(required = false) PlanForm form) {
		PlanForm f = form == null ? new PlanForm(null, null, null, null, null) : form;
		work.recordSolution(id, f.text(), f.ownerId(), f.due());
		return ProblemDocument.of(reading.view(id));
	}

	@PutMapping("/{id}/implementation")
	@Operation(summary = "Record the implementation plan (问题实施方案) with its owner, start and end")
	ProblemDocument implementation(@PathVariable long id, @RequestBody(required = false) PlanForm form) {
		PlanForm f = form == null ? new PlanForm(null, null, null, null, null) : form;
		work.recordImplementation(id, f.text(), f.ownerId(), f.start(), f.end());
		return ProblemDocument.of(reading.view(id));
	}

	@PostMapping("/{id}/work")
	@Operation(summary = "Start the work (分析中 → 处理中)", description = "422 while no emergency plan is recorded.")
	ProblemDocument startWork(@PathVariable long id) {
		work.startWork(id);
		return ProblemDocument.of(reading.view(id));
	}

	@PutMapping("/{id}/known-error")
	@Operation(summary = "Record the known error (已知错误) and its workaround",
			description = "Agents see the workaround on the linked incidents.")
	ProblemDocument knownError(@PathVariable long id, @RequestBody(required = false) TextForm form) {
		work.recordKnownError(id, form == null ? null : form.text());
		return ProblemDocument.of(reading.view(id));
	}

	@PostMapping("/{id}/resolve")
	@Operation(summary = "Resolve (处理中 → 已解决)", description = "422 until root cause and solution are recorded.")
	ProblemDocument resolve(@PathVariable long id, @RequestBody(required = false) TextForm form) {
		work.resolve(id, form == null ? null : form.text());
		return ProblemDocument.of(reading.view(id));
	}

	@PostMapping("/{id}/close")
	@Operation(summary = "Close a resolved problem and propose a knowledge article (问题纳入知识库机制)",
			description = "The article is drafted from root cause and solution and submitted for 入库审批. When the "
					+ "proposal is refused (e.g. the closer may not write knowledge) the problem stays closed, "
					+ "`proposalRefused` says why, and POST /{id}/article asks again.")
	Closed close(@PathVariable long id) {
		work.close(id);
		Long articleId = null;
		String refused = null;
		try {
			articleId = proposal.propose(id);
		}
		catch (RejectedRequest notProposed) {
			refused = notProposed.messageKey();
		}
		return new Closed(ProblemDocument.of(reading.view(id)), articleId, refused);
	}

	@PostMapping("/{id}/article")
	@Operation(summary = "Propose the knowledge article of a closed problem again",
			description = "409 when the problem is not closed or has proposed one already.")
	ProblemDocument propose(@PathVariable long id) {
		proposal.propose(id);
		return ProblemDocument.of(reading.view(id));
	}

	@PostMapping("/{id}/cancel")
	@Operation(summary = "Cancel, with the reason", description = "409 once closed or cancelled.")
	ProblemDocument cancel(@PathVariable long id, @RequestBody(required = false) ProblemCancelForm form) {
		work.cancel(id, form == null ? null : form.reason());
		return ProblemDocument.of(reading.view(id));
	}
}
