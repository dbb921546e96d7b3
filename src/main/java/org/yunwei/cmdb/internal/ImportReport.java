package org.yunwei.cmdb.internal;

import java.util.List;

/**
 * What an import found and did.
 *
 * @param rows the item rows the file held
 * @param validRows the rows that passed every check
 * @param invalidRows the rows refused
 * @param imported the items recorded: all rows, the valid ones when asked for, or none
 * @param refusals each refused value: the workbook's row number, the column's heading and the reason, in the
 *        reader's language
 */
public record ImportReport(int rows, int validRows, int invalidRows, int imported, List<Refusal> refusals) {

	public ImportReport {
		refusals = List.copyOf(refusals);
	}

	public record Refusal(int row, String column, String reason) {
	}
}
