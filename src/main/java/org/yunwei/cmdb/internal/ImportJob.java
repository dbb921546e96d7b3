package org.yunwei.cmdb.internal;

import java.time.Instant;

/**
 * An import running in the background, or done.
 *
 * @param state {@code RUNNING}, {@code DONE} or {@code FAILED}
 * @param rowsTotal the item rows the file holds; {@code null} until the file has been read
 * @param rowsChecked how many of them have been checked so far
 * @param report what the import found and did, once done; {@code null} before
 * @param problem why it failed (a message key), once failed; {@code null} otherwise
 */
public record ImportJob(long id, long classId, Long requestedById, String requestedByName, boolean validRowsOnly,
		String state, Integer rowsTotal, int rowsChecked, ImportReport report, String problem, Instant startedAt,
		Instant finishedAt) {

	public boolean running() {
		return "RUNNING".equals(state);
	}

	/** How far it got, 0 to 100. */
	public int percent() {
		if (!running()) {
			return 100;
		}
		return rowsTotal == null || rowsTotal == 0 ? 0 : Math.min(99, rowsChecked * 100 / rowsTotal);
	}
}
