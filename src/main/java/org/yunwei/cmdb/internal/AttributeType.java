package org.yunwei.cmdb.internal;

/** The kinds of value an attribute of a CI class holds. */
public enum AttributeType {
	TEXT, NUMBER, DATE, ENUM, REFERENCE, IP_ADDRESS
}
