package org.yunwei.personnel.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Party;
import org.yunwei.identity.People;
import org.yunwei.identity.Person;
import org.yunwei.identity.Staffing;
import org.yunwei.web.ControlCharacters;
import org.yunwei.web.RejectedRequest;
import org.yunwei.web.TemplateSheet;

/**
 * Imports staff records and their certificates from an Excel workbook made from the template: the first sheet one
 * record per row, the second one certificate per row; a hidden first row names each column's field, the second says
 * it in words, data starts on the third. People are named by their login name and posts by name (or 部门/岗位 when
 * two units have a post of that name), never by ids.
 * <p>
 * Every row goes through the same {@link StaffRegister} as a form, in one transaction: all of them are recorded, each
 * audited, or, when any row is refused, none (the transaction is rolled back) and the report names each refused row,
 * column and reason. A preview runs the same way and always rolls back, so it finds exactly what the import would,
 * the duplicates within the file and against the stored records included.
 */
@Service
class StaffImport {

	static final int MAX_ROWS = 2_000;
	static final int CHOICES = 5_000;
	static final List<String> STAFF_COLUMNS = List.of("username", "post", "joinedOn", "skills", "xinchuangProducts",
			"clearance", "clearanceUntil", "phone", "idNumber");
	static final List<String> CERTIFICATE_COLUMNS = List.of("username", "name", "issuer", "number", "issuedOn",
			"expiresOn");
	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-M-d")
		.withResolverStyle(java.time.format.ResolverStyle.STRICT);

	private final StaffRegister register;
	private final StaffRecords records;
	private final StaffAccess access;
	private final StaffReading reading;
	private final People people;
	private final Staffing staffing;
	private final AuditTrail audit;
	private final MessageSource messages;

	StaffImport(StaffRegister register, StaffRecords records, StaffAccess access, StaffReading reading, People people,
			Staffing staffing, AuditTrail audit, MessageSource messages) {
		this.register = register;
		this.records = records;
		this.access = access;
		this.reading = reading;
		this.people = people;
		this.staffing = staffing;
		this.audit = audit;
		this.messages = messages;
	}

	/**
	 * What an import found and did.
	 *
	 * @param rows the staff rows the file held
	 * @param certificates the certificate rows
	 * @param refusedRows the rows (of both sheets) refused
	 * @param imported whether the records were stored: never in a preview, never when any row is refused
	 * @param refusals each refused value: sheet, row number as Excel shows it, column heading, reason
	 * @param lines the staff rows that passed, as they would be (or were) recorded
	 */
	public record StaffImportReport(int rows, int certificates, int refusedRows, boolean imported,
			List<StaffImportRefusal> refusals, List<StaffImportLine> lines) {

		public StaffImportReport {
			refusals = List.copyOf(refusals);
			lines = List.copyOf(lines);
		}
	}

	public record StaffImportRefusal(String sheet, int row, String column, String reason) {
	}

	public record StaffImportLine(int row, String person, String post, int certificates) {
	}

	/** The template: both sheets with their headings, and a sheet of the people and posts the keeper may name. */
	@Transactional(readOnly = true)
	public byte[] template(Locale locale) {
		Actor keeper = access.requireKeeper();
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			heading(workbook.createSheet(text("personnel.import.sheet.staff", locale)), STAFF_COLUMNS, locale);
			heading(workbook.createSheet(text("personnel.import.sheet.certificates", locale)), CERTIFICATE_COLUMNS,
					locale);
			Sheet choices = workbook.createSheet(text("personnel.import.sheet.choices", locale));
			Row head = choices.createRow(0);
			head.createCell(0).setCellValue(text("personnel.import.column.username", locale));
			head.createCell(1).setCellValue(text("personnel.person", locale));
			head.createCell(3).setCellValue(text("personnel.import.column.post", locale));
			int n = 1;
			for (Person person : reading.unrecordedPeople()) {
				Row row = choices.createRow(n++);
				row.createCell(0).setCellValue(person.username());
				row.createCell(1).setCellValue(person.displayName());
			}
			int p = 1;
			for (Party party : parties(keeper)) {
				for (Staffing.StaffedPost post : staffing.posts(party.id(), CHOICES)) {
					Row row = choices.getRow(p) == null ? choices.createRow(p) : choices.getRow(p);
					row.createCell(3).setCellValue(post.orgUnitName() + "/" + post.name());
					row.createCell(4).setCellValue(party.name());
					p++;
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Checks every row as the forms would and records them all, or none when any is refused.
	 *
	 * @param store {@code false}: a preview, which checks everything and stores nothing
	 */
	@Transactional
	public StaffImportReport run(byte[] file, boolean store, Locale locale) {
		Actor keeper = access.requireKeeper();
		Parsed parsed = read(file, locale);
		Map<String, Person> byUsername = new HashMap<>();
		Map<Long, List<Staffing.StaffedPost>> postsByParty = new HashMap<>();
		for (Party party : parties(keeper)) {
			people.ofParty(party.id(), CHOICES).forEach(p -> byUsername.put(p.username().toLowerCase(Locale.ROOT), p));
			postsByParty.put(party.id(), staffing.posts(party.id(), CHOICES));
		}
		String staffSheet = text("personnel.import.sheet.staff", locale);
		String certificateSheet = text("personnel.import.sheet.certificates", locale);
		List<StaffImportRefusal> refusals = new ArrayList<>();
		List<StaffImportLine> lines = new ArrayList<>();
		Map<Long, Long> recorded = new HashMap<>();
		Map<Long, Integer> lineOf = new HashMap<>();
		for (ParsedRow row : parsed.staff()) {
			Map<String, String> errors = new LinkedHashMap<>(row.control());
			Person person = person(row, byUsername, errors);
			Long postId = null;
			String postName = null;
			if (person != null && row.values().get("post") != null) {
				Staffing.StaffedPost post = post(row.values().get("post"),
						postsByParty.getOrDefault(person.partyId(), List.of()), errors);
				if (post != null) {
					postId = post.id();
					postName = post.orgUnitName() + "/" + post.name();
				}
			}
			StaffDraft draft = new StaffDraft(person == null ? null : person.id(), postId,
					date(row, "joinedOn", errors), StaffDraft.split(row.values().get("skills")),
					StaffDraft.split(row.values().get("xinchuangProducts")), clearance(row, errors),
					date(row, "clearanceUntil", errors), row.values().get("phone"), row.values().get("idNumber"));
			checkContent(draft::content, errors);
			if (errors.isEmpty()) {
				try {
					long id = register.record(draft);
					recorded.put(person.id(), id);
					lineOf.put(id, lines.size());
					lines.add(new StaffImportLine(row.number(), person.displayName(), postName, 0));
				}
				catch (RejectedRequest refused) {
					refusedFields(refused).forEach(errors::putIfAbsent);
				}
			}
			refuse(staffSheet, row.number(), errors, locale, refusals);
		}
		for (ParsedRow row : parsed.certificates()) {
			Map<String, String> errors = new LinkedHashMap<>(row.control());
			Person person = person(row, byUsername, errors);
			CertificateDraft draft = new CertificateDraft(row.values().get("name"), row.values().get("issuer"),
					row.values().get("number"), date(row, "issuedOn", errors), date(row, "expiresOn", errors));
			checkContent(draft::validated, errors);
			Long staffId = null;
			if (person != null) {
				staffId = recorded.containsKey(person.id()) ? recorded.get(person.id())
						: records.findByUser(person.id()).map(StaffMember::id).orElse(null);
				if (staffId == null) {
					errors.put("username", "personnel.import.person.no-record");
				}
			}
			if (errors.isEmpty()) {
				try {
					register.addCertificate(staffId, draft);
					Integer line = lineOf.get(staffId);
					if (line != null) {
						StaffImportLine l = lines.get(line);
						lines.set(line, new StaffImportLine(l.row(), l.person(), l.post(), l.certificates() + 1));
					}
				}
				catch (RejectedRequest refused) {
					refusedFields(refused).forEach(errors::putIfAbsent);
				}
			}
			refuse(certificateSheet, row.number(), errors, locale, refusals);
		}
		int refusedRows = (int) refusals.stream().map(r -> r.sheet() + "\n" + r.row()).distinct().count();
		boolean imported = store && refusedRows == 0 && !(parsed.staff().isEmpty() && parsed.certificates().isEmpty());
		if (imported) {
			audit.record(AuditEntry.of("STAFF_IMPORTED", "staff_member", "import")
				.after(Map.of("records", recorded.size(), "certificates", parsed.certificates().size()))
				.detail(keeper.username()));
		}
		else {
			// a preview, or a file with a refused row: nothing of it stays
			TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
		}
		return new StaffImportReport(parsed.staff().size(), parsed.certificates().size(), refusedRows, imported,
				refusals, lines);
	}

	/** The provider parties in the keeper's scope (a provider's desk manager: their own). */
	private List<Party> parties(Actor keeper) {
		return reading.providerParties();
	}

	private static Person person(ParsedRow row, Map<String, Person> byUsername, Map<String, String> errors) {
		String username = row.values().get("username");
		if (username == null) {
			errors.put("username", "field.required");
			return null;
		}
		Person person = byUsername.get(username.toLowerCase(Locale.ROOT));
		if (person == null) {
			errors.put("username", "personnel.import.person.unknown");
		}
		return person;
	}

	/** A post by name, or by 部门/岗位 when its name alone is not unique in the person's party. */
	private static Staffing.StaffedPost post(String named, List<Staffing.StaffedPost> posts,
			Map<String, String> errors) {
		String wanted = named.replace('／', '/').strip();
		List<Staffing.StaffedPost> found = posts.stream()
			.filter(p -> wanted.contains("/") ? (p.orgUnitName() + "/" + p.name()).equals(wanted)
					: p.name().equals(wanted))
			.toList();
		if (found.size() == 1) {
			return found.getFirst();
		}
		errors.put("post", found.isEmpty() ? "personnel.import.post.unknown" : "personnel.import.post.ambiguous");
		return null;
	}

	private static LocalDate date(ParsedRow row, String column, Map<String, String> errors) {
		String value = row.values().get(column);
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value.replace('/', '-').replace('.', '-'), DATE);
		}
		catch (DateTimeParseException e) {
			errors.put(column, "personnel.import.date");
			return null;
		}
	}

	/** The clearance by its words (无, 核心机房, 涉密场所, in either language) or its code. */
	private String clearance(ParsedRow row, Map<String, String> errors) {
		String value = row.values().get("clearance");
		if (value == null) {
			return null;
		}
		for (Clearance level : Clearance.values()) {
			for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
				if (text("personnel.clearance." + level.name(), locale).equalsIgnoreCase(value)) {
					return level.name();
				}
			}
			if (level.name().equalsIgnoreCase(value)) {
				return level.name();
			}
		}
		errors.put("clearance", "personnel.import.clearance");
		return null;
	}

	/** The form's own checks of a row, so that every wrong column is named at once, not only the first found. */
	private static void checkContent(Runnable check, Map<String, String> errors) {
		try {
			check.run();
		}
		catch (RejectedRequest refused) {
			refusedFields(refused).forEach(errors::putIfAbsent);
		}
	}

	/** The fields a refusal names, in the file's column names (the person and post are named, not given by id). */
	private static Map<String, String> refusedFields(RejectedRequest refused) {
		Map<String, String> fields = new LinkedHashMap<>();
		if (refused.fieldErrors().isEmpty()) {
			fields.put("username", refused.messageKey());
			return fields;
		}
		refused.fieldErrors().forEach((field, key) -> fields.put(switch (field) {
			case "userId" -> "username";
			case "postId" -> "post";
			default -> field;
		}, key));
		return fields;
	}

	private void refuse(String sheet, int row, Map<String, String> errors, Locale locale,
			List<StaffImportRefusal> refusals) {
		errors.forEach((column, key) -> refusals.add(new StaffImportRefusal(sheet, row,
				text("personnel.import.column." + column, locale), text(key, locale))));
	}

	private void heading(Sheet sheet, List<String> columns, Locale locale) {
		Row codes = sheet.createRow(0);
		Row labels = sheet.createRow(1);
		for (int i = 0; i < columns.size(); i++) {
			codes.createCell(i).setCellValue(columns.get(i));
			String required = columns.get(i).equals("username") || (columns == CERTIFICATE_COLUMNS
					&& columns.get(i).equals("name")) ? " *" : "";
			labels.createCell(i).setCellValue(text("personnel.import.column." + columns.get(i), locale) + required);
			sheet.setColumnWidth(i, 20 * 256);
		}
		codes.setZeroHeight(true);
	}

	private Parsed read(byte[] file, Locale locale) {
		if (file == null || file.length == 0) {
			throw RejectedRequest.invalidField("file", "field.required");
		}
		if (!TemplateSheet.isWorkbook(file)) {
			throw notAWorkbook();
		}
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			List<ParsedRow> staff = rows(workbook.getSheetAt(0), STAFF_COLUMNS);
			List<ParsedRow> certificates = workbook.getNumberOfSheets() > 1
					? rows(workbook.getSheetAt(1), CERTIFICATE_COLUMNS) : List.of();
			if (staff.size() + certificates.size() > MAX_ROWS) {
				throw new RejectedRequest(HttpStatus.BAD_REQUEST, "import-too-large", "personnel.import.too-large",
						new Object[] { MAX_ROWS }, Map.of("file", "personnel.import.too-large"));
			}
			return new Parsed(staff, certificates);
		}
		catch (IOException | RuntimeException unreadable) {
			if (unreadable instanceof RejectedRequest refused) {
				throw refused;
			}
			throw notAWorkbook();
		}
	}

	private static List<ParsedRow> rows(Sheet sheet, List<String> expected) {
		TemplateSheet template = TemplateSheet.read(sheet);
		if (!template.columns().containsAll(expected.subList(0, 2))) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "not-a-template", "personnel.import.not-a-template",
					null, Map.of("file", "personnel.import.not-a-template"));
		}
		List<ParsedRow> rows = new ArrayList<>();
		for (TemplateSheet.TemplateRow row : template.rows()) {
			Map<String, String> values = new LinkedHashMap<>();
			Map<String, String> control = new LinkedHashMap<>();
			row.values().forEach((column, value) -> {
				if (expected.contains(column)) {
					values.put(column, value);
					if (ControlCharacters.in(value)) {
						control.put(column, ControlCharacters.MESSAGE_KEY);
					}
				}
			});
			if (!values.isEmpty()) {
				rows.add(new ParsedRow(row.number(), values, control));
			}
		}
		return rows;
	}

	private static RejectedRequest notAWorkbook() {
		return new RejectedRequest(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not-a-spreadsheet",
				"personnel.import.not-a-workbook", null, Map.of("file", "personnel.import.not-a-workbook"));
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	private record Parsed(List<ParsedRow> staff, List<ParsedRow> certificates) {
	}

	private record ParsedRow(int number, Map<String, String> values, Map<String, String> control) {
	}
}
