package org.yunwei.ticket.internal.web;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.ThrowingSupplier;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.DataScope;
import org.yunwei.ticket.internal.list.TicketQuery;
import org.yunwei.ticket.internal.list.TicketSearch;
import org.yunwei.ticket.internal.list.TicketSummary;
import org.yunwei.ticket.internal.record.TicketAccess;
import org.yunwei.ticket.internal.record.TicketRow;
import org.yunwei.ticket.internal.record.TicketSettings;
import org.yunwei.ticket.internal.statistics.TicketStatisticsWorkbook;
import org.yunwei.web.RejectedRequest;

/**
 * A ticket list as an Excel workbook (.xlsx): the same filters and the same scope as the list, every matching ticket
 * in the list's order, headers in the reader's language. Rows go through POI's streaming workbook (a window of rows
 * in memory, the rest on disk), read from the database a keyset page at a time. A list longer than
 * {@link #MAX_ROWS} is refused with the limit named rather than cut short silently: the reader narrows the filter.
 * The export is put on the audit trail (TICKET_LIST_EXPORT, the filter and the number of rows) before the file leaves.
 */
@Service
class TicketListExport {

	static final int MAX_ROWS = 100_000;
	private static final int BATCH = 1000;
	/** Excel's limit for one cell; a longer subject is cut with an ellipsis. */
	private static final int MAX_CELL = 32_767;

	private static final List<String> COLUMNS = List.of("number", "type", "status", "priority", "subject", "channel",
			"customerOrgUnitId", "serviceId", "category", "groupId", "assigneeUserId", "major", "createdAt", "due",
			"resolvedAt", "closedAt");

	private final TicketSearch search;
	private final TicketAccess access;
	private final TicketPageDirectory directory;
	private final AuditTrail audit;
	private final MessageSource messages;
	private final ZoneId zone;
	private volatile int maxRows = MAX_ROWS;

	TicketListExport(TicketSearch search, TicketAccess access, TicketPageDirectory directory,
			AuditTrail audit, MessageSource messages, TicketSettings settings) {
		this.search = search;
		this.access = access;
		this.directory = directory;
		this.audit = audit;
		this.messages = messages;
		this.zone = settings.zone();
	}

	/** Makes the response a download of the list and opens its body. */
	static OutputStream open(HttpServletResponse response, ZoneId zone) throws IOException {
		response.setContentType(TicketStatisticsWorkbook.XLSX.toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename("tickets-" + LocalDate.now(zone) + ".xlsx")
			.build()
			.toString());
		return response.getOutputStream();
	}

	/**
	 * Writes the list to {@code out}, which is opened only once the reader is known to be allowed and the list not
	 * too long, so that a refusal is a problem, not half a download.
	 *
	 * @param filter the filter as the request gave it, for the audit trail
	 */
	@Transactional
	public void export(TicketQuery query, String filter, Locale locale, ThrowingSupplier<OutputStream> out)
			throws IOException {
		DataScope scope = scope();
		int maxRows = this.maxRows;
		if (search.count(query, scope, maxRows + 1L) > maxRows) {
			throw new RejectedRequest(HttpStatus.UNPROCESSABLE_CONTENT, "export-too-large", "ticket.export.too-large",
					new Object[] { maxRows }, Map.of());
		}
		SXSSFWorkbook workbook = new SXSSFWorkbook(200);
		try {
			Sheet sheet = workbook.createSheet(text("ticketui.export.sheet", locale));
			Row header = sheet.createRow(0);
			for (int i = 0; i < COLUMNS.size(); i++) {
				header.createCell(i).setCellValue(text("ticketui.export." + COLUMNS.get(i), locale));
			}
			int written = 0;
			TicketQuery page = query.page(BATCH, null);
			while (true) {
				List<TicketRow> rows = search.rows(page, scope);
				List<TicketRow> shown = rows.size() > BATCH ? rows.subList(0, BATCH) : rows;
				TicketPageDirectory.Names names = directory.names(shown.stream().map(TicketSummary::of).toList());
				for (TicketRow ticket : shown) {
					write(sheet.createRow(++written), ticket, names, locale);
				}
				if (rows.size() <= BATCH) {
					break;
				}
				page = query.page(BATCH, TicketQuery.Cursor.after(query.sort(), TicketSummary.of(shown.getLast())));
			}
			Map<String, Object> exported = new LinkedHashMap<>();
			exported.put("filter", filter == null ? "" : filter);
			exported.put("sort", query.sort().name());
			exported.put("rows", written);
			exported.put("scope", scope.partyKind() + " " + scope.partyId());
			audit.record(AuditEntry.of("TICKET_LIST_EXPORT", "ticket", null).after(exported)
				.detail(String.valueOf(written)));
			workbook.write(out.get());
		}
		finally {
			workbook.close();
		}
	}

	/** Sets the longest list exported and returns the one before: a test's way to reach the limit in a few rows. */
	int capAt(int rows) {
		int before = maxRows;
		maxRows = rows;
		return before;
	}

	private void write(Row row, TicketRow t, TicketPageDirectory.Names names, Locale locale) {
		String[] values = { t.number(), text("ticket.type." + t.type(), locale),
				text("ticket.status." + t.status(), locale), t.priority(), cell(t.subject()),
				text("ticket.channel." + t.channel(), locale), names.unit(t.customerOrgUnitId()),
				names.service(t.serviceId()), t.category(), names.group(t.groupId()), names.person(t.assigneeUserId()),
				t.major() ? text("ticketui.export.yes", locale) : "", time(t.createdAt()), time(t.resolutionDueAt()),
				time(t.resolvedAt()), time(t.closedAt()) };
		for (int i = 0; i < values.length; i++) {
			if (values[i] != null) {
				row.createCell(i).setCellValue(values[i]);
			}
		}
	}

	/** Whoever may read tickets exports those of their scope; others are refused (403). */
	private DataScope scope() {
		return access.readableScope();
	}

	private String time(java.time.Instant instant) {
		return instant == null ? null : new TicketPageFormat(zone).time(instant);
	}

	private static String cell(String text) {
		return text != null && text.length() > MAX_CELL ? text.substring(0, MAX_CELL - 1) + "…" : text;
	}

	private String text(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, key, locale);
	}
}
