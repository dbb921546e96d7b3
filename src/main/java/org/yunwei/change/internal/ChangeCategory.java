package org.yunwei.change.internal;

/**
 * 变更类别: a standard change follows a pre-approved template and needs no approval of its own; a normal change is
 * assessed and approved before it is scheduled; an emergency change is approved urgently and may proceed in a
 * freeze window with an override.
 */
public enum ChangeCategory {
	STANDARD, NORMAL, EMERGENCY
}
