package org.yunwei.sla;

/**
 * A holiday schedule file that cannot be read; the message names the line and what is wrong with it.
 */
public class HolidayScheduleFormatException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final int lineNumber;

	HolidayScheduleFormatException(int lineNumber, String problem) {
		super("Line " + lineNumber + ": " + problem);
		this.lineNumber = lineNumber;
	}

	/** The line of the file, counted from 1, that could not be read. */
	public int lineNumber() {
		return this.lineNumber;
	}
}
