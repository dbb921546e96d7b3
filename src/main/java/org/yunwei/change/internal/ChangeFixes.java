package org.yunwei.change.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.ScopedActor;
import org.yunwei.problem.ChangesOfProblem;
import org.yunwei.problem.Problems;
import org.yunwei.problem.Problems.ProblemSummary;
import org.yunwei.ticket.ChangesOfTicket;
import org.yunwei.ticket.TicketReference;
import org.yunwei.ticket.TicketType;
import org.yunwei.ticket.Tickets;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * The incidents and problems a change fixes (Hunan 7.5 with 7.3/7.4: a change raised to remove a problem's cause or
 * an incident's). Linked by the change's keepers through the service desk's and problem management's facades, only
 * to incidents and problems they may see; shown on the change's page and, through {@link ChangesOfTicket} and
 * {@link ChangesOfProblem} (interfaces of those modules that this one implements), on the ticket's and the problem's
 * pages, where only the changes the reader may read appear. Every change of the links is audited.
 */
@Service
class ChangeFixes implements ChangesOfTicket, ChangesOfProblem {

	static final int MAX = 50;

	private final JdbcClient jdbc;
	private final ChangeRecords records;
	private final ChangeScope scope;
	private final Tickets tickets;
	private final Problems problems;
	private final AuditTrail audit;

	ChangeFixes(JdbcClient jdbc, ChangeRecords records, ChangeScope scope, Tickets tickets, Problems problems,
			AuditTrail audit) {
		this.jdbc = jdbc;
		this.records = records;
		this.scope = scope;
		this.tickets = tickets;
		this.problems = problems;
		this.audit = audit;
	}

	/** What a change fixes, as its reader may see it. */
	record ChangeFixesView(List<FixedIncident> incidents, List<FixedProblem> problems) {
	}

	/** An incident a change fixes; {@code status} as the service desk names its states. */
	record FixedIncident(long id, String number, String subject, String status) {

		static FixedIncident of(TicketReference t) {
			return new FixedIncident(t.id(), t.number(), t.subject(), t.status());
		}
	}

	/** A problem a change fixes; {@code status} as problem management names its states. */
	record FixedProblem(long id, String number, String subject, String status) {

		static FixedProblem of(ProblemSummary p) {
			return new FixedProblem(p.id(), p.number(), p.subject(), p.status());
		}
	}

	/** The incidents and problems the change fixes that the signed-in person may see. */
	@Transactional(readOnly = true)
	public ChangeFixesView of(long changeId) {
		List<List<Long>> ids = ids(changeId);
		return new ChangeFixesView(
				ids.get(0).stream().map(tickets::find).flatMap(Optional::stream).map(FixedIncident::of).toList(),
				ids.get(1).stream().map(problems::find).flatMap(Optional::stream).map(FixedProblem::of).toList());
	}

	/**
	 * Sets the incidents and problems the change fixes (the lists replace the former ones). 400 naming
	 * {@code ticketIds} for a ticket unknown, invisible or not an incident, {@code problemIds} for a problem unknown
	 * or invisible, either for more than {@value #MAX}; 409 for a cancelled change. Nothing changes on a refusal.
	 */
	@Transactional
	public ChangeFixesView set(long changeId, List<Long> ticketIds, List<Long> problemIds) {
		ScopedActor writer = scope.writer();
		ChangeRequest change = records.findForUpdate(changeId).filter(ChangeScope.visibleTo(writer))
			.orElseThrow(() -> RejectedRequest.notFound("change"));
		if (change.status() == ChangeStatus.CANCELLED) {
			throw RejectedRequest.conflict("change-cancelled", "change.fixes.cancelled");
		}
		FieldErrors errors = new FieldErrors();
		List<Long> incidents = new ArrayList<>(new LinkedHashSet<>(ticketIds == null ? List.of() : ticketIds));
		List<Long> fixedProblems = new ArrayList<>(new LinkedHashSet<>(problemIds == null ? List.of() : problemIds));
		if (incidents.size() > MAX || incidents.contains(null)) {
			errors.add("ticketIds", "change.fixes.tickets.invalid");
		}
		else if (incidents.stream().anyMatch(id -> tickets.find(id).filter(t -> t.type() == TicketType.INCIDENT)
			.isEmpty())) {
			errors.add("ticketIds", "change.fixes.tickets.unknown");
		}
		if (fixedProblems.size() > MAX || fixedProblems.contains(null)) {
			errors.add("problemIds", "change.fixes.problems.invalid");
		}
		else if (fixedProblems.stream().anyMatch(id -> problems.find(id).isEmpty())) {
			errors.add("problemIds", "change.fixes.problems.unknown");
		}
		errors.throwIfAny();
		List<List<Long>> before = ids(changeId);
		jdbc.sql("""
				update change_request set ticket_ids = cast(? as bigint[]), problem_ids = cast(? as bigint[]),
				  updated_at = now() where id = ?""")
			.params(ChangeRecords.array(incidents), ChangeRecords.array(fixedProblems), changeId).update();
		Map<String, Object> was = new LinkedHashMap<>();
		was.put("ticketIds", before.get(0));
		was.put("problemIds", before.get(1));
		Map<String, Object> now = new LinkedHashMap<>();
		now.put("ticketIds", incidents);
		now.put("problemIds", fixedProblems);
		audit.record(AuditEntry.of("CHANGE_FIXES_SET", "change", changeId).before(was).after(now)
			.detail(change.number()));
		return of(changeId);
	}

	@Override
	@Transactional(readOnly = true)
	public List<FixingChange> fixing(long ticketId) {
		return fixingRows("ticket_ids", ticketId).stream()
			.map(r -> new FixingChange(r.id(), r.number(), r.title(), r.statusKey())).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public List<ProblemFixingChange> fixingProblem(long problemId) {
		return fixingRows("problem_ids", problemId).stream()
			.map(r -> new ProblemFixingChange(r.id(), r.number(), r.title(), r.statusKey())).toList();
	}

	private record Row(long id, String number, String title, String statusKey) {
	}

	/** The changes in the reader's scope whose column names the record; none for someone who may not read changes. */
	private List<Row> fixingRows(String column, long recordId) {
		if (!scope.mayRead()) {
			return List.of();
		}
		DataScope.Condition where = ChangeScope.where(scope.reader(), "c");
		List<Object> params = new ArrayList<>();
		params.add(recordId);
		params.addAll(where.parameters());
		return jdbc.sql("select c.id, c.number, c.title, c.status from change_request c where c." + column
				+ " @> array[cast(? as bigint)] and " + where.sql() + " order by c.created_at desc, c.id desc limit 50")
			.params(params)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
					"change.status." + rs.getString(4)))
			.list();
	}

	private List<List<Long>> ids(long changeId) {
		return jdbc.sql("select ticket_ids, problem_ids from change_request where id = ?").param(changeId)
			.query((rs, n) -> List.of(ChangeRecords.longs(rs.getArray(1)), ChangeRecords.longs(rs.getArray(2))))
			.optional().orElse(List.of(List.of(), List.of()));
	}
}
