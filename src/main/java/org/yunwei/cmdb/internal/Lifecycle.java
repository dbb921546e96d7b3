package org.yunwei.cmdb.internal;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a configuration item: planned → in stock → in use ⇄ under repair → retired → disposed. An item
 * may be recorded as planned, in stock or in use (an existing device enters the ledger as it is); disposed is final.
 */
public enum Lifecycle {
	PLANNED, IN_STOCK, IN_USE, UNDER_REPAIR, RETIRED, DISPOSED;

	/** The states an item may move to from this one. */
	public Set<Lifecycle> next() {
		return switch (this) {
			case PLANNED -> EnumSet.of(IN_STOCK, IN_USE, RETIRED);
			case IN_STOCK -> EnumSet.of(IN_USE, RETIRED);
			case IN_USE -> EnumSet.of(IN_STOCK, UNDER_REPAIR, RETIRED);
			case UNDER_REPAIR -> EnumSet.of(IN_USE, IN_STOCK, RETIRED);
			case RETIRED -> EnumSet.of(DISPOSED, IN_STOCK);
			case DISPOSED -> EnumSet.noneOf(Lifecycle.class);
		};
	}

	/** Whether an item may enter the ledger in this state. */
	public boolean initial() {
		return this == PLANNED || this == IN_STOCK || this == IN_USE;
	}
}
