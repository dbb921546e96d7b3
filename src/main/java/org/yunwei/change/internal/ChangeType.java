package org.yunwei.change.internal;

/** 变更类型: what kind of thing the change alters. */
public enum ChangeType {
	INFRASTRUCTURE, NETWORK, APPLICATION, DATABASE, SECURITY, CONFIGURATION, DATA
}
