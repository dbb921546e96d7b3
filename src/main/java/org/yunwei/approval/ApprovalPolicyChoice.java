package org.yunwei.approval;

/** A policy as a picker shows it. */
public record ApprovalPolicyChoice(long id, String name) {
}
