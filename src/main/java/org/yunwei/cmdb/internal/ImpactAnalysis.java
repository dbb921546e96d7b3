package org.yunwei.cmdb.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Impact analysis (影响分析): a breadth-first walk over the live relations, one query per hop for the whole frontier,
 * following each relation only the way a failure travels along it ({@link RelationType}). Every item is visited once,
 * so cycles end the walk rather than loop it, and the first visit is by a shortest path, which is the path reported.
 */
@Service
class ImpactAnalysis {

	static final int MAX_DEPTH = 10;
	static final int DEFAULT_LIMIT = 1000;
	static final int MAX_LIMIT = 100_000;

	private final Relations relations;
	private final ItemRegister register;
	private final CiClasses classes;
	private final CmdbScope scope;
	private final Organisations organisations;
	private final JdbcClient jdbc;

	ImpactAnalysis(Relations relations, ItemRegister register, CiClasses classes, CmdbScope scope,
			Organisations organisations, JdbcClient jdbc) {
		this.relations = relations;
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

		Map<Long, Step> reached = walk(rootId, depth, downstream);
		Map<Long, Row> rows = rows(reached.keySet());
		Map<Long, CiClass> classById = new HashMap<>();
		classes.all().forEach(c -> classById.put(c.id(), c));
		Optional<Long> applicationClass = classes.findByCode("APPLICATION_SYSTEM").map(CiClass::id);
		Optional<Long> serviceClass = classes.findByCode("BUSINESS_SERVICE").map(CiClass::id);

		List<Impact.Affected> shown = new ArrayList<>();
		List<Impact.Affected> applications = new ArrayList<>();
		List<Impact.Affected> services = new ArrayList<>();
		Set<Long> units = new TreeSet<>();
		int hidden = 0;
		List<Long> order = new ArrayList<>(reached.keySet());
		order.remove(rootId);
		order.sort(Comparator.comparingInt((Long id) -> reached.get(id).hops()).thenComparing(id -> id));
		for (long id : order) {
			Row row = rows.get(id);
			if (row == null) {
				continue;
			}
			if (!reader.includes(row.customerUnitId(), row.providerPartyId())) {
				hidden++;
				continue;
			}
			CiClass itemClass = classById.get(row.classId());
			Impact.Affected affected = new Impact.Affected(id, row.name(), itemClass.code(), itemClass.name(),
					row.lifecycle(), row.customerUnitId(), reached.get(id).hops(), path(id, reached, rows, reader));
			if (shown.size() < limit) {
				shown.add(affected);
			}
			if (applicationClass.filter(itemClass::within).isPresent()) {
				applications.add(affected);
			}
			if (serviceClass.filter(itemClass::within).isPresent()) {
				services.add(affected);
			}
			if (row.customerUnitId() != null) {
				units.add(row.customerUnitId());
			}
		}
		List<Impact.Unit> unitNames = organisations.findAll(units).stream()
			.sorted(Comparator.comparing(OrganisationUnit::partyName).thenComparing(OrganisationUnit::name))
			.map(u -> new Impact.Unit(u.id(), u.partyName() + " / " + u.name())).toList();
		int total = order.size();
		return new Impact(rootId, root.fields().name(), downstream ? "DOWNSTREAM" : "UPSTREAM", depth, total, hidden,
				total - hidden > shown.size(), shown, applications, services, unitNames);
	}

	/** Every item within {@code depth} hops, each with the item and relation it was first reached from. */
	Map<Long, Step> walk(long rootId, int depth, boolean downstream) {
		Map<Long, Step> reached = new LinkedHashMap<>();
		reached.put(rootId, new Step(0, null, null));
		Set<Long> frontier = new LinkedHashSet<>(Set.of(rootId));
		for (int hop = 1; hop <= depth && !frontier.isEmpty(); hop++) {
			Set<Long> next = new LinkedHashSet<>();
			for (Relations.Edge edge : relations.touching(frontier)) {
				boolean fromSource = frontier.contains(edge.sourceId())
						&& (downstream ? edge.type().sourceAffectsTarget() : edge.type().targetAffectsSource());
				boolean fromTarget = frontier.contains(edge.targetId())
						&& (downstream ? edge.type().targetAffectsSource() : edge.type().sourceAffectsTarget());
				if (fromSource && !reached.containsKey(edge.targetId())) {
					reached.put(edge.targetId(), new Step(hop, edge.sourceId(), edge.type()));
					next.add(edge.targetId());
				}
				if (fromTarget && !reached.containsKey(edge.sourceId())) {
					reached.put(edge.sourceId(), new Step(hop, edge.targetId(), edge.type()));
					next.add(edge.sourceId());
				}
			}
			frontier = next;
		}
		return reached;
	}

	private static List<Impact.Step> path(long id, Map<Long, Step> reached, Map<Long, Row> rows,
			CmdbScope.View reader) {
		List<Impact.Step> steps = new ArrayList<>();
		Long current = id;
		RelationType via = null;
		while (current != null) {
			Row row = rows.get(current);
			String name = row != null && reader.includes(row.customerUnitId(), row.providerPartyId()) ? row.name()
					: null;
			steps.addFirst(new Impact.Step(current, name, via));
			Step step = reached.get(current);
			via = step.via();
			current = step.from();
		}
		return steps;
	}

	private Map<Long, Row> rows(Set<Long> ids) {
		Map<Long, Row> rows = new HashMap<>();
		jdbc.sql("""
				select id, name, class_id, lifecycle, customer_unit_id, provider_party_id from configuration_item
				where id = any(?)""")
			.param(new SqlArrayValue("bigint", ids.toArray()))
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3),
					Lifecycle.valueOf(rs.getString(4)), rs.getObject(5, Long.class), rs.getObject(6, Long.class)))
			.list()
			.forEach(r -> rows.put(r.id(), r));
		return rows;
	}

	/** How an item was first reached: after how many hops, from which item, by which relation. */
	record Step(int hops, Long from, RelationType via) {
	}

	private record Row(long id, String name, long classId, Lifecycle lifecycle, Long customerUnitId,
			Long providerPartyId) {
	}
}
