package org.yunwei.cmdb.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.cmdb.ConfigurationItemImpact;
import org.yunwei.identity.OrganisationUnit;
import org.yunwei.identity.Organisations;
import org.yunwei.web.RejectedRequest;

/**
 * The downstream impact within three hops that a change's risk assessment (变更评估) attaches, for several items at
 * once: the items read in one query, the reader's scope, the classes and the relation graph once, every item's walk
 * in memory, one query for the union of the reached items and one read of their customer units. A change on twenty
 * items thus costs a handful of queries rather than seven per item. Each answer is what the impact analysis of that
 * item alone answers ({@link ImpactAnalysis}, 3 hops downstream), without paths: counts, the names of the application
 * systems and services the reader may see, and the customer units.
 */
@Service
class ImpactSummaries {

	/** How far a change's risk assessment looks. */
	static final int DEPTH = 3;

	private final ConfigurationItemRecords records;
	private final RelationGraph graph;
	private final CiClasses classes;
	private final CmdbScope scope;
	private final Organisations organisations;
	private final JdbcClient jdbc;

	ImpactSummaries(ConfigurationItemRecords records, RelationGraph graph, CiClasses classes, CmdbScope scope,
			Organisations organisations, JdbcClient jdbc) {
		this.records = records;
		this.graph = graph;
		this.classes = classes;
		this.scope = scope;
		this.organisations = organisations;
		this.jdbc = jdbc;
	}

	/**
	 * The impacts of the items that exist and that the signed-in person may see, by item id; an item that does not
	 * exist or is not visible is absent, as is every item for someone who may not read the CMDB.
	 */
	@Transactional(readOnly = true)
	public Map<Long, ConfigurationItemImpact> of(Collection<Long> itemIds) {
		CmdbScope.View reader;
		try {
			reader = scope.reader();
		}
		catch (RejectedRequest mayNotRead) {
			return Map.of();
		}
		Map<Long, ConfigurationItem> roots = new LinkedHashMap<>();
		records.findAll(new LinkedHashSet<>(itemIds)).stream()
			.filter(i -> reader.includes(i.fields().customerUnitId(), i.fields().providerPartyId()))
			.forEach(i -> roots.put(i.id(), i));
		if (roots.isEmpty()) {
			return Map.of();
		}
		RelationGraph.Snapshot snapshot = graph.current();
		Map<Long, RelationGraph.Walk> walks = new LinkedHashMap<>();
		roots.keySet().forEach(id -> walks.put(id, snapshot.walk(id, DEPTH, true)));
		long[] union = union(walks.values());
		ReachedItems rows = ReachedItems.read(jdbc, union, id -> Arrays.binarySearch(union, id), union.length);
		ServiceLevelClasses kinds = ServiceLevelClasses.of(classes.all());
		Map<Long, Integer> unitOrder = unitOrder(walks.values(), union, rows, reader);

		Map<Long, ConfigurationItemImpact> impacts = new HashMap<>();
		for (Map.Entry<Long, RelationGraph.Walk> entry : walks.entrySet()) {
			ConfigurationItem root = roots.get(entry.getKey());
			CiClass rootClass = kinds.get(root.classId());
			impacts.put(root.id(), impact(root, rootClass, entry.getValue(), union, rows, kinds, unitOrder, reader));
		}
		return impacts;
	}

	private static ConfigurationItemImpact impact(ConfigurationItem root, CiClass rootClass, RelationGraph.Walk walk,
			long[] union, ReachedItems rows, ServiceLevelClasses kinds, Map<Long, Integer> unitOrder,
			CmdbScope.View reader) {
		int hidden = 0;
		List<String> applications = new ArrayList<>();
		List<String> services = new ArrayList<>();
		List<Long> applicationIds = new ArrayList<>();
		List<Long> serviceIds = new ArrayList<>();
		Set<Long> units = new HashSet<>();
		for (int n = 1; n < walk.size(); n++) {
			long id = walk.id(n);
			int slot = Arrays.binarySearch(union, id);
			if (!rows.known(slot)) {
				continue;
			}
			if (!rows.visibleTo(slot, reader)) {
				hidden++;
				continue;
			}
			long classId = rows.classId(slot);
			if (kinds.application(classId)) {
				applications.add(rows.name(slot));
				applicationIds.add(id);
			}
			if (kinds.service(classId)) {
				services.add(rows.name(slot));
				serviceIds.add(id);
			}
			Long unit = rows.customerUnitId(slot);
			if (unit != null && unitOrder.containsKey(unit)) {
				units.add(unit);
			}
		}
		Long ownUnit = root.fields().customerUnitId();
		Set<Long> unitIds = new LinkedHashSet<>();
		if (ownUnit != null) {
			unitIds.add(ownUnit);
		}
		units.stream().sorted(Comparator.comparing(unitOrder::get)).forEach(unitIds::add);
		String classCode = rootClass == null ? null : rootClass.code();
		boolean serviceLevel = "APPLICATION_SYSTEM".equals(classCode) || "BUSINESS_SERVICE".equals(classCode);
		Set<Long> serviceItems = new LinkedHashSet<>();
		if (serviceLevel) {
			serviceItems.add(root.id());
		}
		serviceItems.addAll(applicationIds);
		serviceItems.addAll(serviceIds);
		Object level = root.fields().attributes() == null ? null : root.fields().attributes().get("dengbao_level");
		return new ConfigurationItemImpact(root.id(), walk.size() - 1, hidden, List.copyOf(applications),
				List.copyOf(services), List.copyOf(unitIds), level == null ? null : level.toString(), serviceLevel,
				List.copyOf(serviceItems));
	}

	/** The ids every walk reached, the roots included, sorted and each once. */
	private static long[] union(Collection<RelationGraph.Walk> walks) {
		int size = 0;
		for (RelationGraph.Walk walk : walks) {
			size += walk.size();
		}
		long[] ids = new long[size];
		int at = 0;
		for (RelationGraph.Walk walk : walks) {
			for (int n = 0; n < walk.size(); n++) {
				ids[at++] = walk.id(n);
			}
		}
		Arrays.sort(ids);
		int distinct = 0;
		for (int i = 0; i < ids.length; i++) {
			if (i == 0 || ids[i] != ids[i - 1]) {
				ids[distinct++] = ids[i];
			}
		}
		return Arrays.copyOf(ids, distinct);
	}

	/**
	 * The customer units of the reached items the reader sees, in the order an impact names them (by party, then
	 * unit name), read once for all the walks; units unknown to the directory are left out, as a single analysis
	 * leaves them out.
	 */
	private Map<Long, Integer> unitOrder(Collection<RelationGraph.Walk> walks, long[] union, ReachedItems rows,
			CmdbScope.View reader) {
		Set<Long> units = new HashSet<>();
		for (RelationGraph.Walk walk : walks) {
			for (int n = 1; n < walk.size(); n++) {
				int slot = Arrays.binarySearch(union, walk.id(n));
				if (rows.known(slot) && rows.customerUnitId(slot) != null && rows.visibleTo(slot, reader)) {
					units.add(rows.customerUnitId(slot));
				}
			}
		}
		List<OrganisationUnit> sorted = organisations.findAll(units).stream()
			.sorted(Comparator.comparing(OrganisationUnit::partyName).thenComparing(OrganisationUnit::name))
			.toList();
		Map<Long, Integer> order = HashMap.newHashMap(sorted.size());
		for (int i = 0; i < sorted.size(); i++) {
			order.put(sorted.get(i).id(), i);
		}
		return order;
	}
}
