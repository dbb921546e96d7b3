package org.yunwei.database.internal;

/**
 * An event of {@link EmbeddedModeStopTests} only; {@code holdUntilStop} keeps its listener busy until the application
 * is being stopped.
 */
record StopProbe(String name, boolean holdUntilStop) {
}
