package org.yunwei.emergency.internal;

/** The kinds of roster: 日常值守, 节假日值守, 重要保障期值守. */
public enum DutyKind {
	NORMAL, HOLIDAY, KEY_PERIOD
}
