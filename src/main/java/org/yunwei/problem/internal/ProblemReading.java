package org.yunwei.problem.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.catalog.CatalogService;
import org.yunwei.catalog.ServiceCatalog;
import org.yunwei.cmdb.ConfigurationItemSummary;
import org.yunwei.cmdb.ConfigurationItems;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.People;
import org.yunwei.identity.Person;
import org.yunwei.sla.ClockState;
import org.yunwei.sla.Priority;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.KeysetCursor;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

/**
 * Reading problems in the reader's scope: the list (filters, search by number or subject, two orders, keyset pages
 * on the indexes of {@code problem}), one problem with its incidents, timeline and clock, and the problems of an
 * incident. The right is checked before anything is read.
 */
@Service
public class ProblemReading {

	private final JdbcClient jdbc;
	private final ProblemRecords problems;
	private final ProblemIncidents incidents;
	private final ProblemTimeline timeline;
	private final ProblemClocks clocks;
	private final ProblemAccess access;
	private final People people;
	private final ServiceCatalog catalog;
	private final ConfigurationItems items;

	ProblemReading(JdbcClient jdbc, ProblemRecords problems, ProblemIncidents incidents, ProblemTimeline timeline,
			ProblemClocks clocks, ProblemAccess access, People people, ServiceCatalog catalog,
			ConfigurationItems items) {
		this.jdbc = jdbc;
		this.problems = problems;
		this.incidents = incidents;
		this.timeline = timeline;
		this.clocks = clocks;
		this.access = access;
		this.people = people;
		this.catalog = catalog;
		this.items = items;
	}

	/** A problem with everything its page shows. */
	public record ProblemView(Problem problem, List<ProblemIncidents.LinkedIncident> incidents,
			List<ProblemTimeline.Entry> timeline, String serviceName, List<ConfigurationItemSummary> items,
			String solutionOwner, String implementationOwner, ClockState resolutionClock) {
	}

	/** One page of the list; 400 naming the filter that is refused. */
	@Transactional(readOnly = true)
	public KeysetPage<Problem> page(ProblemFilter filter, String cursor, Integer limit) {
		DataScope scope = access.requireReader();
		FieldErrors errors = new FieldErrors();
		int size = KeysetPage.limit(limit, errors, "problems.limit.invalid");
		StringBuilder sql = new StringBuilder("select " + ProblemRecords.COLUMNS + " from problem where ");
		DataScope.Condition where = scope.where("party_id", "org_unit_id");
		sql.append(where.sql());
		List<Object> params = new ArrayList<>(where.parameters());
		String status = FieldErrors.clean(filter.status());
		if ("open".equals(status)) {
			sql.append(" and status not in ('CLOSED', 'CANCELLED')");
		}
		else if (status != null) {
			params.add(constant(ProblemStatus.class, status, "status", errors));
			sql.append(" and status = ?");
		}
		if (FieldErrors.clean(filter.priority()) != null) {
			params.add(constant(Priority.class, filter.priority(), "priority", errors));
			sql.append(" and priority = ?");
		}
		if (FieldErrors.clean(filter.source()) != null) {
			params.add(constant(ProblemSource.class, filter.source(), "source", errors));
			sql.append(" and source = ?");
		}
		if (filter.knownError() != null) {
			sql.append(" and known_error = ?");
			params.add(filter.knownError());
		}
		String q = FieldErrors.clean(filter.q());
		if (q != null && q.length() > ProblemFilter.Q_MAX) {
			errors.add("q", "problems.q.too-long");
		}
		else if (q != null) {
			sql.append(" and (number = upper(?) or subject ilike ?)");
			params.add(q);
			params.add("%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		boolean byPriority = filter.byPriority();
		if (cursor != null) {
			String[] parts = KeysetCursor.decode(cursor, 2).orElse(null);
			Long after = parts == null ? null : parseLong(parts[1]);
			if (after == null) {
				errors.add("cursor", "problems.cursor.invalid");
			}
			else if (byPriority) {
				sql.append(" and (priority > ? or (priority = ? and id < ?))");
				params.add(parts[0]);
				params.add(parts[0]);
				params.add(after);
			}
			else {
				sql.append(" and id < ?");
				params.add(after);
			}
		}
		errors.throwIfAny();
		sql.append(byPriority ? " order by priority, id desc" : " order by id desc").append(" limit ?");
		params.add(size + 1);
		List<Problem> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> ProblemRecords.problem(rs))
			.list();
		return KeysetPage.of(rows, size, p -> KeysetCursor.encode(p.collection().priority().name(), p.id()));
	}

	/** The problem, if the reader may read problems (403 otherwise) and it lies in their scope (404 otherwise). */
	@Transactional(readOnly = true)
	public Problem get(long id) {
		DataScope scope = access.requireReader();
		Problem problem = problems.find(id).orElseThrow(() -> RejectedRequest.notFound("problem"));
		access.requireVisible(scope, problem);
		return problem;
	}

	/** The problem when the signed-in person may read it; empty otherwise (no right, no such problem, not in scope). */
	@Transactional(readOnly = true)
	public Optional<Problem> visible(long id) {
		if (!mayRead()) {
			return Optional.empty();
		}
		DataScope scope = access.requireReader();
		return problems.find(id).filter(p -> scope.includes(p.partyId(), p.orgUnitId()));
	}

	/**
	 * Not one transaction: the configuration items are asked one by one of the CMDB, whose refusal of an item this
	 * reader may not see would otherwise mark a shared transaction for rollback.
	 */
	public ProblemView view(long id) {
		Problem problem = get(id);
		ProblemCollection c = problem.collection();
		String service = c.serviceId() == null ? null
				: catalog.find(c.serviceId()).map(CatalogService::name).orElse(null);
		List<ConfigurationItemSummary> found = c.configurationItemIds().stream().map(items::find)
			.flatMap(Optional::stream).toList();
		return new ProblemView(problem, incidents.of(id), timeline.of(id), service, found,
				problem.solution() == null ? null : name(problem.solution().ownerId()),
				problem.implementation() == null ? null : name(problem.implementation().ownerId()),
				clocks.resolution(problem).orElse(null));
	}

	public List<ProblemIncidents.LinkedIncident> incidents(long id) {
		get(id);
		return incidents.of(id);
	}

	/** The problems of an incident that the reader may see, newest first; 403 without the right to read problems. */
	@Transactional(readOnly = true)
	public List<Problem> ofIncident(long ticketId) {
		DataScope scope = access.requireReader();
		DataScope.Condition where = scope.where("p.party_id", "p.org_unit_id");
		return problems.ofIncident(ticketId, where.sql(), where.parameters());
	}

	/** Whether someone is signed in who may read problems. */
	public boolean mayRead() {
		return access.actors().find().map(ProblemAccess::reads).orElse(false);
	}

	/** The people of the problem's party who may own a plan, by name. */
	public List<Person> owners(Problem problem) {
		return people.ofParty(problem.partyId(), 500).stream().filter(Person::enabled).toList();
	}

	private String name(long userId) {
		return people.find(userId).map(Person::displayName).orElse(null);
	}

	private static <E extends Enum<E>> String constant(Class<E> type, String value, String field,
			FieldErrors errors) {
		E found = errors.constant(type, value, field);
		return found == null ? "" : found.name();
	}

	private static Long parseLong(String text) {
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
