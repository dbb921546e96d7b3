package org.yunwei.cmdb.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.web.RejectedRequest;

/**
 * The asset ledger as an Excel workbook (.xlsx): the ledger's filters and scope, every matching item in the ledger's
 * order, headers and lifecycle names in the reader's language. A ledger longer than {@link #MAX_ROWS} is refused with
 * the limit named rather than cut short silently. The export is audited with its filter and row count.
 */
@Service
class LedgerExport {

	static final int MAX_ROWS = 100_000;
	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	private static final List<String> COLUMNS = List.of("name", "class", "lifecycle", "assetTag", "serialNumber",
			"ipAddress", "customerUnit", "location", "owner", "warrantyUntil");

	private final Ledger ledger;
	private final AuditTrail audit;
	private final MessageSource messages;

	LedgerExport(Ledger ledger, AuditTrail audit, MessageSource messages) {
		this.ledger = ledger;
		this.audit = audit;
		this.messages = messages;
	}

	@Transactional
	public byte[] export(LedgerFilter filter, Locale locale) {
		List<LedgerRow> rows = ledger.all(filter, MAX_ROWS + 1);
		if (rows.size() > MAX_ROWS) {
			throw new RejectedRequest(HttpStatus.UNPROCESSABLE_CONTENT, "export-too-large", "cmdb.export.too-large",
					new Object[] { MAX_ROWS }, Map.of());
		}
		SXSSFWorkbook workbook = new SXSSFWorkbook(200);
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(text("cmdb.ledger.title", locale));
			Row header = sheet.createRow(0);
			for (int i = 0; i < COLUMNS.size(); i++) {
				header.createCell(i).setCellValue(text("cmdb.ledger.column." + COLUMNS.get(i), locale));
			}
			int n = 0;
			for (LedgerRow r : rows) {
				Row row = sheet.createRow(++n);
				row.createCell(0).setCellValue(r.name());
				row.createCell(1).setCellValue(r.className());
				row.createCell(2).setCellValue(text("cmdb.lifecycle." + r.lifecycle(), locale));
				row.createCell(3).setCellValue(nonNull(r.assetTag()));
				row.createCell(4).setCellValue(nonNull(r.serialNumber()));
				row.createCell(5).setCellValue(nonNull(r.ipAddress()));
				row.createCell(6).setCellValue(nonNull(r.customerUnitName()));
				row.createCell(7).setCellValue(nonNull(r.location()));
				row.createCell(8).setCellValue(nonNull(r.ownerName()));
				row.createCell(9).setCellValue(r.warrantyUntil() == null ? "" : r.warrantyUntil().toString());
			}
			Map<String, Object> exported = new LinkedHashMap<>();
			exported.put("filter", filter);
			exported.put("rows", rows.size());
			audit.record(AuditEntry.of("CI_LEDGER_EXPORTED", "configuration_item", null).after(exported));
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			workbook.dispose();
		}
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	private static String nonNull(String value) {
		return value == null ? "" : value;
	}
}
