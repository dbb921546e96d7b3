package org.yunwei.emergency.internal;

/** How a drill is run: 桌面推演, 功能演练, 实战演练. */
public enum DrillMethod {
	TABLETOP, FUNCTIONAL, FULL_SCALE
}
