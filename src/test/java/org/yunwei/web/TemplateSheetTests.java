package org.yunwei.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TemplateSheetTests {

	@Test
	void readsTheRowsBelowTheHeadingsByFieldCodeWithExcelNumbersAndDatesAsText() throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("表");
			Row codes = sheet.createRow(0);
			codes.createCell(0).setCellValue("username");
			codes.createCell(1).setCellValue("hours");
			codes.createCell(2).setCellValue("joinedOn");
			codes.createCell(4).setCellValue("remarks");
			sheet.createRow(1).createCell(0).setCellValue("登录名 *");
			Row first = sheet.createRow(2);
			first.createCell(0).setCellValue("  zhangsan ");
			first.createCell(1).setCellValue(12.0);
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
			first.createCell(2).setCellValue(LocalDate.of(2026, 1, 31));
			first.getCell(2).setCellStyle(date);
			first.createCell(3).setCellValue("no column");
			sheet.createRow(3).createCell(0).setCellValue("   ");
			Row third = sheet.createRow(5);
			third.createCell(1).setCellValue(1.1);
			third.createCell(4).setCellValue("备注");

			TemplateSheet read = TemplateSheet.read(sheet);

			assertThat(read.columns()).containsExactly("username", "hours", "joinedOn", "", "remarks");
			assertThat(read.rows()).hasSize(2);
			assertThat(read.rows().get(0).number()).isEqualTo(3);
			assertThat(read.rows().get(0).values()).containsExactly(java.util.Map.entry("username", "zhangsan"),
					java.util.Map.entry("hours", "12"), java.util.Map.entry("joinedOn", "2026-01-31"));
			assertThat(read.rows().get(1).number()).isEqualTo(6);
			assertThat(read.rows().get(1).values()).containsEntry("hours", "1.1").containsEntry("remarks", "备注");
			assertThat(TemplateSheet.dataRowsAtMost(sheet)).isEqualTo(4);
		}
	}

	@Test
	void takesAWorkbookByItsBytesNotItsName() {
		assertThat(TemplateSheet.isWorkbook(new byte[] { 'P', 'K', 3, 4, 0 })).isTrue();
		assertThat(TemplateSheet.isWorkbook("name,phone".getBytes())).isFalse();
		assertThat(TemplateSheet.isWorkbook(new byte[] { 'P' })).isFalse();
		assertThat(TemplateSheet.isWorkbook(null)).isFalse();
	}

	@Test
	void aSheetWithoutTheCodeRowHasNoColumnsAndNoRows() throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("空");
			sheet.createRow(4).createCell(0).setCellValue("x");
			TemplateSheet read = TemplateSheet.read(sheet);
			assertThat(read.columns()).isEmpty();
			assertThat(read.rows()).isEmpty();
		}
	}
}
