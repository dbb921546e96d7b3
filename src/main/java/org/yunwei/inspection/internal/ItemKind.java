package org.yunwei.inspection.internal;

/** What a checklist item asks for. */
public enum ItemKind {
	/** 正常 / 异常: a fail is an anomaly. */
	PASS_FAIL,
	/** A reading with a unit; outside its thresholds it is an anomaly. */
	NUMBER,
	/** A remark. */
	TEXT,
	/** A photo of what was seen (拍照留证). */
	PHOTO
}
