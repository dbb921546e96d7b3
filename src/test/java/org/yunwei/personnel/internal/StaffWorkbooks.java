package org.yunwei.personnel.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Filled-in staff import workbooks as a keeper makes them from the template: codes, headings, then the rows. */
final class StaffWorkbooks {

	private StaffWorkbooks() {
	}

	static byte[] of(List<List<String>> staff, List<List<String>> certificates) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			fill(workbook.createSheet("人员档案"), StaffImport.STAFF_COLUMNS, staff);
			fill(workbook.createSheet("资质证书"), StaffImport.CERTIFICATE_COLUMNS, certificates);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void fill(Sheet sheet, List<String> columns, List<List<String>> rows) {
		Row codes = sheet.createRow(0);
		Row labels = sheet.createRow(1);
		for (int i = 0; i < columns.size(); i++) {
			codes.createCell(i).setCellValue(columns.get(i));
			labels.createCell(i).setCellValue("列 " + columns.get(i));
		}
		for (int r = 0; r < rows.size(); r++) {
			Row row = sheet.createRow(r + 2);
			List<String> values = rows.get(r);
			for (int i = 0; i < values.size(); i++) {
				if (values.get(i) != null) {
					row.createCell(i).setCellValue(values.get(i));
				}
			}
		}
	}
}
