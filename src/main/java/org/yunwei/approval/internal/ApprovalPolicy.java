package org.yunwei.approval.internal;

import java.time.Instant;

/** A policy as its list shows it: the current version's number, whether it is built in or retired. */
public record ApprovalPolicy(long id, String name, String description, boolean builtIn, boolean retired,
		int version, Instant updatedAt) {
}
