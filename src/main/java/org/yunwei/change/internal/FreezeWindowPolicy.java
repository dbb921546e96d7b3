package org.yunwei.change.internal;

import java.util.List;

/**
 * What a freeze window means for a change planned into it: nothing when it overlaps none; an emergency change needs
 * the override approval beside its own; any other change (standard or normal) is refused until it is planned
 * outside the window.
 */
final class FreezeWindowPolicy {

	enum Verdict {
		CLEAR, OVERRIDE_REQUIRED, BLOCKED
	}

	private FreezeWindowPolicy() {
	}

	static Verdict judge(ChangeCategory category, List<FreezeWindow> overlapping) {
		if (overlapping.isEmpty()) {
			return Verdict.CLEAR;
		}
		return category == ChangeCategory.EMERGENCY ? Verdict.OVERRIDE_REQUIRED : Verdict.BLOCKED;
	}
}
