package org.yunwei.database.internal;

/** An event of {@link BatchedEventPublicationsIntegrationTests} only; {@code fail} makes its listener refuse it. */
record Probed(String batch, int number, boolean fail) {
}
