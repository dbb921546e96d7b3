package org.yunwei.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * One sheet of a filled-in Excel import template, read the way every import reads it (the CMDB's items, the staff
 * records and certificates, training attendance): a hidden first row names each column's field, the second says it
 * in words, data starts on the third. Each cell is read as text — an Excel date as 2026-01-31, a number without
 * Excel's float noise (12.0 as 12, 1.1 as 1.1), anything else as Excel shows it — stripped, empty as absent.
 *
 * @param columns the field codes of the first row, in order ("" where a column has none)
 * @param rows the rows that hold any value in a named column
 */
public record TemplateSheet(List<String> columns, List<TemplateRow> rows) {

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	public TemplateSheet {
		columns = List.copyOf(columns);
		rows = List.copyOf(rows);
	}

	/**
	 * A data row.
	 *
	 * @param number the row number as Excel shows it (the first data row is 3)
	 * @param values the text of each named column that holds one, by field code
	 */
	public record TemplateRow(int number, Map<String, String> values) {

		public TemplateRow {
			values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
		}
	}

	/** Whether the bytes are an .xlsx workbook (a ZIP) by their first bytes, whatever the file's name. */
	public static boolean isWorkbook(byte[] file) {
		return file != null && file.length >= ZIP.length && Arrays.equals(file, 0, ZIP.length, ZIP, 0, ZIP.length);
	}

	/** Reads a sheet made from a template; a sheet without the code row reads as no columns and no rows. */
	public static TemplateSheet read(Sheet sheet) {
		DataFormatter format = new DataFormatter();
		Row codes = sheet.getRow(0);
		List<String> columns = new ArrayList<>();
		if (codes != null) {
			for (int i = 0; i < codes.getLastCellNum(); i++) {
				columns.add(format.formatCellValue(codes.getCell(i)).strip());
			}
		}
		List<TemplateRow> rows = new ArrayList<>();
		for (int r = 2; r <= sheet.getLastRowNum() && !columns.isEmpty(); r++) {
			Row row = sheet.getRow(r);
			if (row == null) {
				continue;
			}
			Map<String, String> values = new LinkedHashMap<>();
			for (int i = 0; i < columns.size(); i++) {
				String value = text(row.getCell(i), format);
				if (value != null && !columns.get(i).isEmpty()) {
					values.put(columns.get(i), value);
				}
			}
			if (!values.isEmpty()) {
				rows.add(new TemplateRow(r + 1, values));
			}
		}
		return new TemplateSheet(columns, rows);
	}

	/** The rows of data the sheet holds below its two heading rows, empty ones included (for a size limit). */
	public static int dataRowsAtMost(Sheet sheet) {
		return Math.max(0, sheet.getLastRowNum() - 1);
	}

	/** A cell as text: see the type's description; {@code null} for an empty cell. */
	public static String text(Cell cell, DataFormatter format) {
		if (cell == null) {
			return null;
		}
		String value;
		if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
			value = cell.getLocalDateTimeCellValue().toLocalDate().toString();
		}
		else if (cell.getCellType() == CellType.NUMERIC) {
			value = new BigDecimal(String.valueOf(cell.getNumericCellValue())).stripTrailingZeros().toPlainString();
		}
		else {
			value = format.formatCellValue(cell);
		}
		value = value.strip();
		return value.isEmpty() ? null : value;
	}
}
