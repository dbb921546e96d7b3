package org.yunwei.cmdb.internal;

import java.util.function.LongToIntFunction;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an impact analysis needs of the items a walk reached — name, class, lifecycle and placement — read in one
 * query and held in plain arrays by slot (a walk's position, or an index into a sorted union of walks), rather than
 * a map of boxed ids to row objects: a 5-hop walk reaches thousands of items, a hub nearly every item.
 */
final class ReachedItems {

	private final String[] names;
	private final long[] classIds;
	private final Lifecycle[] lifecycles;
	private final Long[] customerUnitIds;
	private final Long[] providerPartyIds;

	private ReachedItems(int slots) {
		names = new String[slots];
		classIds = new long[slots];
		lifecycles = new Lifecycle[slots];
		customerUnitIds = new Long[slots];
		providerPartyIds = new Long[slots];
	}

	/**
	 * Reads the items.
	 *
	 * @param ids the items to read
	 * @param slotOf where each item's values go (0 to {@code slots - 1})
	 */
	static ReachedItems read(JdbcClient jdbc, long[] ids, LongToIntFunction slotOf, int slots) {
		ReachedItems items = new ReachedItems(slots);
		jdbc.sql("""
				select id, name, class_id, lifecycle, customer_unit_id, provider_party_id from configuration_item
				where id = any(?)""")
			.param(ids)
			.query(rs -> {
				int slot = slotOf.applyAsInt(rs.getLong(1));
				items.names[slot] = rs.getString(2);
				items.classIds[slot] = rs.getLong(3);
				items.lifecycles[slot] = Lifecycle.valueOf(rs.getString(4));
				items.customerUnitIds[slot] = rs.getObject(5, Long.class);
				items.providerPartyIds[slot] = rs.getObject(6, Long.class);
			});
		return items;
	}

	/** Whether the item of the slot was found (an item is never deleted, so this holds for every reached one). */
	boolean known(int slot) {
		return names[slot] != null;
	}

	boolean visibleTo(int slot, CmdbScope.View reader) {
		return reader.includes(customerUnitIds[slot], providerPartyIds[slot]);
	}

	String name(int slot) {
		return names[slot];
	}

	long classId(int slot) {
		return classIds[slot];
	}

	Lifecycle lifecycle(int slot) {
		return lifecycles[slot];
	}

	Long customerUnitId(int slot) {
		return customerUnitIds[slot];
	}
}
