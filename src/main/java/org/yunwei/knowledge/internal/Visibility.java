package org.yunwei.knowledge.internal;

/** Who may read an article once published: staff only (内部) or customers too (对客户公开). */
public enum Visibility {
	INTERNAL, CUSTOMER
}
