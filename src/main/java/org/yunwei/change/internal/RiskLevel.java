package org.yunwei.change.internal;

/** 风险等级 of a change, lowest first. */
public enum RiskLevel {
	LOW, MEDIUM, HIGH, CRITICAL
}
