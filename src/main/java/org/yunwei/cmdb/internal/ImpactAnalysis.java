package org.yunwei.cmdb.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.support.SqlArrayValue;
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
 * placement; only the listed items and the application systems and services get a path built.
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

		RelationGraph.Walk reached = graph.current().walk(rootId, depth, downstream);
		Map<Long, Row> rows = rows(reached);
		// the classes once per analysis, and whether each lies under the application or service class, rather
		// than parsing each reached item's class path twice
		Map<Long, CiClass> classById = new HashMap<>();
		Long applicationClass = null;
		Long serviceClass = null;
		List<CiClass> all = classes.all();
		for (CiClass c : all) {
			classById.put(c.id(), c);
			if (c.code().equalsIgnoreCase("APPLICATION_SYSTEM") && applicationClass == null) {
				applicationClass = c.id();
			}
			if (c.code().equalsIgnoreCase("BUSINESS_SERVICE") && serviceClass == null) {
				serviceClass = c.id();
			}
		}
		Set<Long> applicationClasses = new HashSet<>();
		Set<Long> serviceClasses = new HashSet<>();
		for (CiClass c : all) {
			if (applicationClass != null && c.within(applicationClass)) {
				applicationClasses.add(c.id());
			}
			if (serviceClass != null && c.within(serviceClass)) {
				serviceClasses.add(c.id());
			}
		}

		List<Impact.Affected> shown = new ArrayList<>();
		List<Impact.Affected> applications = new ArrayList<>();
		List<Impact.Affected> services = new ArrayList<>();
		Set<Long> units = new TreeSet<>();
		int hidden = 0;
		// the walk lists the reached items nearest first, then by id, the root first
		for (int n = 1; n < reached.size(); n++) {
			long id = reached.id(n);
			Row row = rows.get(id);
			if (row == null) {
				continue;
			}
			if (!reader.includes(row.customerUnitId(), row.providerPartyId())) {
				hidden++;
				continue;
			}
			boolean application = applicationClasses.contains(row.classId());
			boolean service = serviceClasses.contains(row.classId());
			boolean listed = shown.size() < limit;
			if (listed || application || service) {
				CiClass itemClass = classById.get(row.classId());
				Impact.Affected affected = new Impact.Affected(id, row.name(), itemClass.code(), itemClass.name(),
						row.lifecycle(), row.customerUnitId(), reached.hops(n), path(n, reached, rows, reader));
				if (listed) {
					shown.add(affected);
				}
				if (application) {
					applications.add(affected);
				}
				if (service) {
					services.add(affected);
				}
			}
			if (row.customerUnitId() != null) {
				units.add(row.customerUnitId());
			}
		}
		List<Impact.Unit> unitNames = organisations.findAll(units).stream()
			.sorted(Comparator.comparing(OrganisationUnit::partyName).thenComparing(OrganisationUnit::name))
			.map(u -> new Impact.Unit(u.id(), u.partyName() + " / " + u.name())).toList();
		int total = reached.size() - 1;
		return new Impact(rootId, root.fields().name(), downstream ? "DOWNSTREAM" : "UPSTREAM", depth, total, hidden,
				total - hidden > shown.size(), shown, applications, services, unitNames);
	}

	/** The steps from the root to the {@code n}-th reached item, each named when the reader may see it. */
	private static List<Impact.Step> path(int n, RelationGraph.Walk reached, Map<Long, Row> rows,
			CmdbScope.View reader) {
		List<Impact.Step> steps = new ArrayList<>();
		int current = n;
		RelationType via = null;
		while (current >= 0) {
			long id = reached.id(current);
			Row row = rows.get(id);
			String name = row != null && reader.includes(row.customerUnitId(), row.providerPartyId()) ? row.name()
					: null;
			steps.addFirst(new Impact.Step(id, name, via));
			via = reached.via(current);
			current = reached.from(current);
		}
		return steps;
	}

	private Map<Long, Row> rows(RelationGraph.Walk reached) {
		Long[] ids = new Long[reached.size()];
		for (int n = 0; n < ids.length; n++) {
			ids[n] = reached.id(n);
		}
		Map<Long, Row> rows = HashMap.newHashMap(ids.length);
		jdbc.sql("""
				select id, name, class_id, lifecycle, customer_unit_id, provider_party_id from configuration_item
				where id = any(?)""")
			.param(new SqlArrayValue("bigint", (Object[]) ids))
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3),
					Lifecycle.valueOf(rs.getString(4)), rs.getObject(5, Long.class), rs.getObject(6, Long.class)))
			.list()
			.forEach(r -> rows.put(r.id(), r));
		return rows;
	}

	private record Row(long id, String name, long classId, Lifecycle lifecycle, Long customerUnitId,
			Long providerPartyId) {
	}
}
