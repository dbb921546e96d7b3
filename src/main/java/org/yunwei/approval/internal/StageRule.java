package org.yunwei.approval.internal;

/** How many of a stage's approvers must approve. */
public enum StageRule {
	ANY, ALL, N_OF
}
