package org.yunwei.personnel.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.People;
import org.yunwei.identity.Person;
import org.yunwei.personnel.internal.TrainingRecords.PlanRow;
import org.yunwei.personnel.internal.TrainingRecords.SessionRow;
import org.yunwei.web.ControlCharacters;
import org.yunwei.web.RejectedRequest;
import org.yunwei.web.TemplateSheet;

/**
 * Imports a training session's attendance (培训签到) from an Excel workbook made from the session's template: one
 * attendee per row, named by login name (never an id), with the hours attended, the exam score when the session
 * ends with an exam, and remarks. Every row is checked — a staff record of the plan's provider, named once in the
 * file, hours and score as the forms take them — and the report names each refused row, column and reason. When any
 * row is refused nothing is imported, unless the keeper asks for the valid rows. Listed people are added to the
 * session (or their hours, score and remarks replaced); people already recorded and not in the file stay.
 */
@Service
class TrainingAttendanceImport {

	static final int MAX_ROWS = 2_000;
	static final List<String> COLUMNS = List.of("username", "hours", "score", "remarks");
	/** The code-row cell after the columns that ties a template to its session, so a file is not read into another. */
	static final String SESSION_MARK = "session:";
	private static final int CHOICES = 5_000;

	private final Training training;
	private final TrainingRecords records;
	private final StaffRecords staff;
	private final People people;
	private final AuditTrail audit;
	private final MessageSource messages;

	TrainingAttendanceImport(Training training, TrainingRecords records, StaffRecords staff, People people,
			AuditTrail audit, MessageSource messages) {
		this.training = training;
		this.records = records;
		this.staff = staff;
		this.people = people;
		this.audit = audit;
		this.messages = messages;
	}

	/**
	 * What an attendance import found and did.
	 *
	 * @param rows the rows the file held
	 * @param validRows the rows that passed every check
	 * @param refusedRows the rows refused
	 * @param imported the rows recorded: 0 in a preview and when a row was refused and the valid rows not asked for
	 * @param refusals each refused value: sheet, row number as Excel shows it, column heading, reason
	 * @param lines the rows that passed, as they would be (or were) recorded
	 */
	public record AttendanceImportReport(int rows, int validRows, int refusedRows, int imported,
			List<AttendanceImportRefusal> refusals, List<AttendanceImportLine> lines) {

		public AttendanceImportReport {
			refusals = List.copyOf(refusals);
			lines = List.copyOf(lines);
		}
	}

	public record AttendanceImportRefusal(String sheet, int row, String column, String reason) {
	}

	/** A row that passed: who, the hours, the score and whether it passes the exam ({@code null}: no score). */
	public record AttendanceImportLine(int row, String username, String person, BigDecimal hours, BigDecimal score,
			Boolean passed, String remarks) {
	}

	/**
	 * The session's template: its columns, and a sheet of the people of the plan's provider who may be named. Not
	 * read-only: the keeper's plan is read as every keeper's write reads it (locked), which a read-only transaction
	 * refuses.
	 */
	@Transactional
	public byte[] template(long planId, long sessionId, Locale locale) {
		PlanRow plan = training.kept(planId);
		SessionRow session = session(plan, sessionId);
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(text("personnel.attendance.import.sheet", locale));
			Row codes = sheet.createRow(0);
			Row labels = sheet.createRow(1);
			for (int i = 0; i < COLUMNS.size(); i++) {
				String column = COLUMNS.get(i);
				codes.createCell(i).setCellValue(column);
				String label = text("personnel.attendance.import.column." + column, locale);
				if (column.equals("username")) {
					label += " *";
				}
				else if (column.equals("score") && session.hasExam()) {
					label += " (0–" + session.maxScore().toPlainString() + ")";
				}
				labels.createCell(i).setCellValue(label);
				sheet.setColumnWidth(i, 20 * 256);
			}
			codes.createCell(COLUMNS.size()).setCellValue(SESSION_MARK + session.id());
			codes.setZeroHeight(true);
			Sheet choices = workbook.createSheet(text("personnel.attendance.import.sheet.choices", locale));
			Row head = choices.createRow(0);
			head.createCell(0).setCellValue(text("personnel.attendance.import.column.username", locale));
			head.createCell(1).setCellValue(text("personnel.person", locale));
			int n = 1;
			for (Map.Entry<String, Attendee> choice : attendees(plan).entrySet()) {
				Row row = choices.createRow(n++);
				row.createCell(0).setCellValue(choice.getValue().username());
				row.createCell(1).setCellValue(choice.getValue().name());
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Checks every row and records them all; with {@code validRowsOnly} the valid ones; when any row is refused and
	 * the valid rows were not asked for, nothing.
	 *
	 * @param store {@code false}: a preview, which checks everything and stores nothing
	 */
	@Transactional
	public AttendanceImportReport run(long planId, long sessionId, byte[] file, boolean store, boolean validRowsOnly,
			Locale locale) {
		PlanRow plan = training.kept(planId);
		SessionRow session = session(plan, sessionId);
		List<TemplateSheet.TemplateRow> rows = read(file, session.id());
		Map<String, Attendee> attendees = attendees(plan);
		String sheet = text("personnel.attendance.import.sheet", locale);
		List<AttendanceImportRefusal> refusals = new ArrayList<>();
		List<AttendanceImportLine> lines = new ArrayList<>();
		List<TrainingRecords.ImportedAttendance> valid = new ArrayList<>();
		Map<Long, Integer> seen = new HashMap<>();
		int refusedRows = 0;
		for (TemplateSheet.TemplateRow row : rows) {
			Map<String, String> errors = new LinkedHashMap<>();
			row.values().forEach((column, value) -> {
				if (ControlCharacters.in(value)) {
					errors.put(column, ControlCharacters.MESSAGE_KEY);
				}
			});
			String username = row.values().get("username");
			Attendee attendee = null;
			if (username == null) {
				errors.putIfAbsent("username", "field.required");
			}
			else {
				attendee = attendees.get(username.toLowerCase(Locale.ROOT));
				if (attendee == null) {
					errors.putIfAbsent("username", "personnel.attendance.import.person.unknown");
				}
				else if (seen.putIfAbsent(attendee.staffId(), row.number()) != null) {
					errors.putIfAbsent("username", "personnel.attendance.import.repeated");
				}
			}
			BigDecimal hours = number(row, "hours", errors);
			if (hours != null && (hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(1000)) > 0
					|| hours.stripTrailingZeros().scale() > 1)) {
				errors.putIfAbsent("hours", "personnel.training.hours.invalid");
			}
			BigDecimal score = number(row, "score", errors);
			if (score != null && !session.hasExam()) {
				errors.putIfAbsent("score", "personnel.attendance.import.no-exam");
			}
			else if (score != null && !ExamScoring.valid(score, session.maxScore())) {
				errors.putIfAbsent("score", "personnel.exam.score.invalid");
			}
			String remarks = row.values().get("remarks");
			if (remarks != null && remarks.length() > 500) {
				errors.putIfAbsent("remarks", "personnel.attendance.import.remarks.long");
			}
			if (errors.isEmpty()) {
				valid.add(new TrainingRecords.ImportedAttendance(attendee.staffId(), hours, score, remarks));
				lines.add(new AttendanceImportLine(row.number(), attendee.username(), attendee.name(), hours, score,
						session.hasExam() && score != null ? ExamScoring.passed(score, session.passScore()) : null,
						remarks));
			}
			else {
				refusedRows++;
				errors.forEach((column, key) -> refusals.add(new AttendanceImportRefusal(sheet, row.number(),
						text("personnel.attendance.import.column." + column, locale), text(key, locale))));
			}
		}
		int imported = 0;
		if (store && (refusedRows == 0 || validRowsOnly) && !valid.isEmpty()) {
			records.importAttendance(session.id(), valid);
			imported = valid.size();
			List<Map<String, String>> audited = valid.stream().map(TrainingAttendanceImport::audited).toList();
			audit.record(AuditEntry.of("TRAINING_ATTENDANCE_IMPORTED", "training_plan", plan.id())
				.after(Map.of("sessionId", session.id(), "rows", audited, "refusedRows", refusedRows))
				.detail(imported + "/" + rows.size()));
		}
		return new AttendanceImportReport(rows.size(), valid.size(), refusedRows, imported, refusals, lines);
	}

	private static Map<String, String> audited(TrainingRecords.ImportedAttendance row) {
		Map<String, String> entry = new LinkedHashMap<>();
		entry.put("staffId", String.valueOf(row.staffId()));
		entry.put("hours", row.hours() == null ? "" : row.hours().toPlainString());
		entry.put("score", row.score() == null ? "" : row.score().toPlainString());
		entry.put("remarks", row.remarks() == null ? "" : row.remarks());
		return entry;
	}

	private SessionRow session(PlanRow plan, long sessionId) {
		return records.session(plan.id(), sessionId).orElseThrow(() -> RejectedRequest.notFound("training-session"));
	}

	private record Attendee(long staffId, String username, String name) {
	}

	/** The staff records of the plan's provider, by login name in lower case: who a row may name. */
	private Map<String, Attendee> attendees(PlanRow plan) {
		List<StaffMember> members = staff.ofParty(plan.partyId(), CHOICES);
		Map<Long, Person> persons = new HashMap<>();
		people.findAll(members.stream().map(StaffMember::userId).toList()).forEach(p -> persons.put(p.id(), p));
		Map<String, Attendee> byUsername = new LinkedHashMap<>();
		for (StaffMember member : members) {
			Person person = persons.get(member.userId());
			if (person != null) {
				byUsername.put(person.username().toLowerCase(Locale.ROOT),
						new Attendee(member.id(), person.username(), person.displayName()));
			}
		}
		return byUsername;
	}

	private static BigDecimal number(TemplateSheet.TemplateRow row, String column, Map<String, String> errors) {
		String value = row.values().get(column);
		if (value == null) {
			return null;
		}
		try {
			return new BigDecimal(value);
		}
		catch (NumberFormatException e) {
			errors.putIfAbsent(column, "field.number");
			return null;
		}
	}

	private static List<TemplateSheet.TemplateRow> read(byte[] file, long sessionId) {
		if (file == null || file.length == 0) {
			throw RejectedRequest.invalidField("file", "field.required");
		}
		if (!TemplateSheet.isWorkbook(file)) {
			throw notAWorkbook();
		}
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			Sheet sheet = workbook.getSheetAt(0);
			if (TemplateSheet.dataRowsAtMost(sheet) > MAX_ROWS) {
				throw new RejectedRequest(HttpStatus.BAD_REQUEST, "import-too-large", "personnel.import.too-large",
						new Object[] { MAX_ROWS }, Map.of("file", "personnel.import.too-large"));
			}
			TemplateSheet template = TemplateSheet.read(sheet);
			// the login name and one of the values: a workbook of another import (which names people too) is no template
			if (!template.columns().contains("username")
					|| template.columns().stream().noneMatch(List.of("hours", "score", "remarks")::contains)) {
				throw notTheTemplate("personnel.attendance.import.not-a-template");
			}
			String mark = template.columns().stream().filter(c -> c.startsWith(SESSION_MARK)).findFirst().orElse(null);
			if (mark != null && !mark.equals(SESSION_MARK + sessionId)) {
				throw notTheTemplate("personnel.attendance.import.other-session");
			}
			return template.rows();
		}
		catch (IOException | RuntimeException unreadable) {
			if (unreadable instanceof RejectedRequest refused) {
				throw refused;
			}
			throw notAWorkbook();
		}
	}

	private static RejectedRequest notTheTemplate(String key) {
		return new RejectedRequest(HttpStatus.BAD_REQUEST, "not-a-template", key, null, Map.of("file", key));
	}

	private static RejectedRequest notAWorkbook() {
		return new RejectedRequest(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not-a-spreadsheet",
				"personnel.import.not-a-workbook", null, Map.of("file", "personnel.import.not-a-workbook"));
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
