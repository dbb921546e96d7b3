package org.yunwei.cmdb.internal;

import java.util.List;

/**
 * What the failure of one item reaches (downstream), or what the item relies on (upstream), up to a number of hops.
 * The reached items, application systems and services are each listed up to the asked limit, nearest first, with
 * their totals; only the listed ones carry a path.
 *
 * @param total how many items the walk reached, the root not counted, those outside the reader's scope included
 * @param hidden how many of them lie outside the reader's scope: counted, not shown
 * @param items the reached items the reader may see, nearest first, at most the asked limit; each once, with the
 *        shortest path that reaches it
 * @param truncated whether the reader sees more reached items than {@code items} lists
 * @param applicationSystems the reached application systems (应用系统) the reader may see, nearest first, at most the
 *        asked limit
 * @param applicationSystemsTotal how many reached application systems the reader may see, listed or not
 * @param services the reached business services (业务服务) the reader may see, nearest first, at most the asked limit
 * @param servicesTotal how many reached business services the reader may see, listed or not
 * @param customerUnits the customer units whose items are reached
 */
public record Impact(long rootId, String rootName, String direction, int depth, int total, int hidden,
		boolean truncated, List<Affected> items, List<Affected> applicationSystems, int applicationSystemsTotal,
		List<Affected> services, int servicesTotal, List<Unit> customerUnits) {

	/**
	 * One reached item.
	 *
	 * @param hops how many relations away from the root
	 * @param path the steps from the root to this item, the root first: each step's item and the relation that
	 *        leads to the next
	 */
	public record Affected(long id, String name, String classCode, String className, Lifecycle lifecycle,
			Long customerUnitId, int hops, List<Step> path) {
	}

	/**
	 * A step of a path.
	 *
	 * @param name {@code null} for an item outside the reader's scope
	 * @param via the relation from this item to the next, {@code null} for the last
	 */
	public record Step(long id, String name, RelationType via) {
	}

	public record Unit(long id, String name) {
	}
}
