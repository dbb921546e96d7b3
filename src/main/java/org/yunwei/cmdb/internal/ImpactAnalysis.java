package org.yunwei.cmdb.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.identity.OrganisationUnit;
import org.yunwei.identity.Organisations;
import org.yunwei.web.FieldErrors;

/**
 * Impact analysis (影响分析): a breadth-first walk over the live relations ({@link RelationGraph}, held in memory and
 * checked against the database on every walk), following each relation only the way a failure travels along it
 * ({@link RelationType}). Every item is visited once, so cycles end the walk rather than loop it, and the first visit
 * is by a shortest path, which is the path reported. Then one query reads the reached items' names, classes and
 * placement ({@link ReachedItems}); the items, application systems and services are listed up to the limit each,
 * with their totals, and only the listed ones get a path built.
 */
@Service
class ImpactAnalysis {

	static final int MAX_DEPTH = 10;
	static final int DEFAULT_LIMIT = 1000;
	static final int MAX_LIMIT = 100_000;

	private final RelationGraph graph;
	private final ItemRegister register;
	private final CiClasses classes;
	private final CmdbScope scope;
	private final Organisations organisations;
	private final JdbcClient jdbc;

	ImpactAnalysis(RelationGraph graph, ItemRegister register, CiClasses classes, CmdbScope scope,
			Organisations organisations, JdbcClient jdbc) {
		this.graph = graph;
		this.register = register;
		this.classes = classes;
		this.scope = scope;
		this.organisations = organisations;
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Impact of(long rootId, Integer requestedDepth, String requestedDirection, Integer requestedLimit) {
		CmdbScope.View reader = scope.reader();
		FieldErrors errors = new FieldErrors();
		int depth = requestedDepth == null ? 3 : requestedDepth;
		if (depth < 1 || depth > MAX_DEPTH) {
			errors.add("depth", "cmdb.impact.depth");
		}
		int limit = requestedLimit == null ? DEFAULT_LIMIT : requestedLimit;
		if (limit < 1 || limit > MAX_LIMIT) {
			errors.add("limit", "cmdb.impact.limit");
		}
		boolean downstream = FieldErrors.clean(requestedDirection) == null
				|| "downstream".equalsIgnoreCase(requestedDirection.strip());
		if (!downstream && !"upstream".equalsIgnoreCase(requestedDirection.strip())) {
			errors.add("direction", "field.value.unknown");
		}
		ConfigurationItem root = register.visible(rootId, reader);
		errors.throwIfAny();

		RelationGraph.Walk walk = graph.current().walk(rootId, depth, downstream);
		long[] ids = new long[walk.size()];
		for (int n = 0; n < ids.length; n++) {
			ids[n] = walk.id(n);
		}
		ReachedItems rows = ReachedItems.read(jdbc, ids, walk::position, walk.size());
		ServiceLevelClasses kinds = ServiceLevelClasses.of(classes.all());

		List<Impact.Affected> shown = new ArrayList<>(Math.min(limit, walk.size()));
		List<Impact.Affected> applications = new ArrayList<>();
		List<Impact.Affected> services = new ArrayList<>();
		int applicationsTotal = 0;
		int servicesTotal = 0;
		Set<Long> units = new HashSet<>();
		int hidden = 0;
		// the walk lists the reached items nearest first, then by id, the root first
		for (int n = 1; n < walk.size(); n++) {
			if (!rows.known(n)) {
				continue;
			}
			if (!rows.visibleTo(n, reader)) {
				hidden++;
				continue;
			}
			long classId = rows.classId(n);
			Impact.Affected affected = null;
			if (shown.size() < limit) {
				affected = affected(n, walk, rows, kinds, reader);
				shown.add(affected);
			}
			if (kinds.application(classId) && applicationsTotal++ < limit) {
				affected = affected == null ? affected(n, walk, rows, kinds, reader) : affected;
				applications.add(affected);
			}
			if (kinds.service(classId) && servicesTotal++ < limit) {
				affected = affected == null ? affected(n, walk, rows, kinds, reader) : affected;
				services.add(affected);
			}
			Long unit = rows.customerUnitId(n);
			if (unit != null) {
				units.add(unit);
			}
		}
		List<Impact.Unit> unitNames = organisations.findAll(units).stream()
			.sorted(Comparator.comparing(OrganisationUnit::partyName).thenComparing(OrganisationUnit::name))
			.map(u -> new Impact.Unit(u.id(), u.partyName() + " / " + u.name())).toList();
		int total = walk.size() - 1;
		return new Impact(rootId, root.fields().name(), downstream ? "DOWNSTREAM" : "UPSTREAM", depth, total, hidden,
				total - hidden > shown.size(), shown, applications, applicationsTotal, services, servicesTotal,
				unitNames);
	}

	private static Impact.Affected affected(int n, RelationGraph.Walk walk, ReachedItems rows,
			ServiceLevelClasses kinds, CmdbScope.View reader) {
		CiClass itemClass = kinds.get(rows.classId(n));
		return new Impact.Affected(walk.id(n), rows.name(n), itemClass.code(), itemClass.name(), rows.lifecycle(n),
				rows.customerUnitId(n), walk.hops(n), path(n, walk, rows, reader));
	}

	/** The steps from the root to the {@code n}-th reached item, each named when the reader may see it. */
	private static List<Impact.Step> path(int n, RelationGraph.Walk walk, ReachedItems rows, CmdbScope.View reader) {
		Impact.Step[] steps = new Impact.Step[walk.hops(n) + 1];
		int current = n;
		RelationType via = null;
		for (int s = steps.length - 1; s >= 0; s--) {
			String name = rows.known(current) && rows.visibleTo(current, reader) ? rows.name(current) : null;
			steps[s] = new Impact.Step(walk.id(current), name, via);
			via = walk.via(current);
			current = walk.from(current);
		}
		return List.of(steps);
	}
}
