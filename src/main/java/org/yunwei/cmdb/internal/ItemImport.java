package org.yunwei.cmdb.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.yunwei.identity.OrganisationUnit;
import org.yunwei.web.ControlCharacters;
import org.yunwei.web.RejectedRequest;
import org.yunwei.web.TemplateSheet;

/**
 * Imports configuration items of one class from an Excel workbook made from the class's template: a hidden first
 * row names each column's field ({@code name}, {@code attributes.cpu_vendor}…), the second row says it in words,
 * items start on the third. Every row is checked as a form would be — the class's attributes, the writer's scope,
 * the uniqueness rules against the stored items and against the other rows — and the report names each refused
 * row, column and reason. When any row is refused nothing is imported, unless the person asks for the valid rows.
 * A file is taken for a workbook by its bytes (an .xlsx is a ZIP that POI opens), never by its name.
 */
@Service
class ItemImport {

	static final int MAX_ROWS = 10_000;
	private static final List<String> FIELDS = List.of("name", "lifecycle", "assetTag", "serialNumber", "ipAddress",
			"customerUnit", "building", "floor", "room", "rack", "supplier", "purchasedOn", "purchasePrice",
			"warrantyUntil");

	private final ItemRegister register;
	private final CiClasses classes;
	private final CmdbScope scope;
	private final ItemChoices choices;
	private final MessageSource messages;
	private final ConfigurationItemRecords records;
	private final ItemBatch batch;

	ItemImport(ItemRegister register, CiClasses classes, CmdbScope scope, ItemChoices choices,
			MessageSource messages, ConfigurationItemRecords records, ItemBatch batch) {
		this.records = records;
		this.batch = batch;
		this.register = register;
		this.classes = classes;
		this.scope = scope;
		this.choices = choices;
		this.messages = messages;
	}

	/** The template of a class: its columns, a sheet of the customer units the writer may name, no items. */
	@Transactional(readOnly = true)
	public byte[] template(long classId, Locale locale) {
		CmdbScope.View writer = scope.writer();
		CiClass itemClass = classes.find(classId).orElseThrow(() -> RejectedRequest.notFound("ci-class"));
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(itemClass.label(locale));
			Row codes = sheet.createRow(0);
			Row labels = sheet.createRow(1);
			int column = 0;
			for (String field : FIELDS) {
				codes.createCell(column).setCellValue(field);
				labels.createCell(column++).setCellValue(label(field, itemClass, locale)
						+ (field.equals("name") ? " *" : ""));
			}
			for (CiAttribute attribute : itemClass.attributes()) {
				codes.createCell(column).setCellValue("attributes." + attribute.code());
				String choicesText = attribute.options().isEmpty() ? ""
						: " (" + String.join("/", attribute.options().stream().map(EnumOption::code).toList()) + ")";
				labels.createCell(column++).setCellValue(attribute.label(locale) + (attribute.required() ? " *" : "")
						+ choicesText);
			}
			codes.setZeroHeight(true);
			Sheet units = workbook.createSheet(text("cmdb.import.units-sheet", locale));
			int n = 0;
			for (OrganisationUnit unit : choices.units(writer)) {
				Row row = units.createRow(n++);
				row.createCell(0).setCellValue(unit.code());
				row.createCell(1).setCellValue(unit.partyName() + " / " + unit.name());
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Checks every row and imports them all, or, with {@code validRowsOnly}, the valid ones; when any row is refused
	 * and the valid rows were not asked for, nothing is imported.
	 */
	@Transactional
	public ImportReport importItems(Long classId, byte[] file, boolean validRowsOnly, Locale locale) {
		return importItems(scope.writer(), classId, file, validRowsOnly, locale, ImportProgress.NONE);
	}

	/**
	 * As {@link #importItems(Long, byte[], boolean, Locale)} for a writer checked before (a background import runs
	 * where nobody is signed in), telling the progress as it goes.
	 */
	@Transactional
	public ImportReport importItems(CmdbScope.View writer, Long classId, byte[] file, boolean validRowsOnly,
			Locale locale, ImportProgress progress) {
		if (classId == null) {
			throw RejectedRequest.invalidField("classId", "field.required");
		}
		CiClass itemClass = classes.find(classId).filter(CiClass::enabled)
			.orElseThrow(() -> RejectedRequest.invalidField("classId", "field.value.unknown"));
		List<ParsedRow> rows = read(file);
		Map<String, Long> unitCodes = new HashMap<>();
		choices.units(writer).forEach(u -> unitCodes.put(u.code().toLowerCase(Locale.ROOT), u.id()));
		java.util.Set<Long> knownUnits = new java.util.HashSet<>(unitCodes.values());
		progress.started(rows.size());
		List<Map<String, String>> rowErrors = new ArrayList<>(rows.size());
		List<ItemRegister.Checked> checkedRows = new ArrayList<>(rows.size());
		for (ParsedRow row : rows) {
			Map<String, String> errors = new LinkedHashMap<>();
			ItemDraft draft = draft(classId, row.values(), unitCodes, errors);
			ItemRegister.Checked checked = register.check(draft, itemClass, writer, knownUnits, false);
			checked.errors().forEach(errors::putIfAbsent);
			rowErrors.add(errors);
			checkedRows.add(checked);
			progress.checked(rowErrors.size());
		}
		// uniqueness against the stored items, asked once for all rows rather than once per row
		Taken taken = taken(itemClass, checkedRows, rowErrors);
		List<ImportReport.Refusal> refusals = new ArrayList<>();
		List<ItemRegister.Checked> valid = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			ParsedRow row = rows.get(i);
			Map<String, String> errors = rowErrors.get(i);
			ItemRegister.Checked checked = checkedRows.get(i);
			if (errors.isEmpty()) {
				taken.check(checked.fields(), itemClass, errors);
			}
			if (errors.isEmpty()) {
				duplicatesWithinFile(row.number(), checked.fields(), itemClass, seen, errors);
			}
			if (errors.isEmpty()) {
				valid.add(checked);
			}
			errors.forEach((field, key) -> refusals.add(new ImportReport.Refusal(row.number(),
					label(field.equals("customerUnitId") ? "customerUnit" : field, itemClass, locale),
					text(key, locale))));
		}
		int invalidRows = (int) refusals.stream().map(ImportReport.Refusal::row).distinct().count();
		boolean imports = invalidRows == 0 || validRowsOnly;
		int imported = 0;
		if (imports && !valid.isEmpty()) {
			imported = batch.record(itemClass, valid, writer.actor(), itemClass.name()).size();
		}
		ImportReport report = new ImportReport(rows.size(), rows.size() - invalidRows, invalidRows, imported,
				refusals);
		progress.finished(report);
		return report;
	}

	/** Refuses (415) a file that is not an .xlsx workbook by its first bytes, whatever its name. */
	static void requireWorkbook(byte[] file) {
		if (!TemplateSheet.isWorkbook(file)) {
			throw notASpreadsheet();
		}
	}

	private List<ParsedRow> read(byte[] file) {
		requireWorkbook(file);
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			Sheet sheet = workbook.getSheetAt(0);
			if (sheet.getRow(0) == null) {
				throw RejectedRequest.unprocessable("not-a-template", "cmdb.import.not-a-template");
			}
			if (TemplateSheet.dataRowsAtMost(sheet) > MAX_ROWS) {
				throw RejectedRequest.unprocessable("import-too-large", "cmdb.import.too-large", MAX_ROWS);
			}
			TemplateSheet template = TemplateSheet.read(sheet);
			if (!template.columns().contains("name")) {
				throw RejectedRequest.unprocessable("not-a-template", "cmdb.import.not-a-template");
			}
			return template.rows().stream().map(row -> new ParsedRow(row.number(), row.values())).toList();
		}
		catch (IOException | RuntimeException unreadable) {
			if (unreadable instanceof RejectedRequest refused) {
				throw refused;
			}
			throw notASpreadsheet();
		}
	}

	private static RejectedRequest notASpreadsheet() {
		return new RejectedRequest(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not-a-spreadsheet",
				"cmdb.import.not-a-spreadsheet", null, Map.of("file", "cmdb.import.not-a-spreadsheet"));
	}

	private static ItemDraft draft(long classId, Map<String, String> values, Map<String, Long> unitCodes,
			Map<String, String> errors) {
		for (Map.Entry<String, String> value : values.entrySet()) {
			if (ControlCharacters.in(value.getValue())) {
				errors.put(value.getKey(), ControlCharacters.MESSAGE_KEY);
			}
		}
		Long unit = null;
		String unitCode = values.get("customerUnit");
		if (unitCode != null) {
			unit = unitCodes.get(unitCode.toLowerCase(Locale.ROOT));
			if (unit == null) {
				errors.put("customerUnit", "field.value.unknown");
			}
		}
		Map<String, Object> attributes = new LinkedHashMap<>();
		values.forEach((key, value) -> {
			if (key.startsWith("attributes.")) {
				attributes.put(key.substring("attributes.".length()), value);
			}
		});
		return new ItemDraft(classId, values.get("name"), values.getOrDefault("lifecycle", Lifecycle.IN_USE.name()),
				values.get("assetTag"), values.get("serialNumber"), values.get("ipAddress"), unit, null, null, null,
				values.get("building"), values.get("floor"), values.get("room"), values.get("rack"),
				values.get("supplier"), values.get("purchasedOn"), values.get("purchasePrice"),
				values.get("warrantyUntil"), attributes, null);
	}

	/** The asset tags and unique attribute values of the rows so far valid that stored items hold already. */
	private Taken taken(CiClass itemClass, List<ItemRegister.Checked> rows, List<Map<String, String>> errors) {
		java.util.Set<String> tags = new java.util.HashSet<>();
		Map<Long, java.util.Set<String>> values = new HashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			if (!errors.get(i).isEmpty()) {
				continue;
			}
			ItemFields fields = rows.get(i).fields();
			if (fields.assetTag() != null) {
				tags.add(fields.assetTag());
			}
			for (CiAttribute attribute : itemClass.attributes()) {
				Object value = fields.attributes().get(attribute.code());
				if (attribute.unique() && value != null) {
					values.computeIfAbsent(attribute.id(), a -> new java.util.HashSet<>()).add(ItemBatch.text(value));
				}
			}
		}
		Map<Long, java.util.Set<String>> takenValues = new HashMap<>();
		values.forEach((attribute, held) -> takenValues.put(attribute, records.uniqueValuesTaken(attribute, held)));
		return new Taken(records.assetTagsTaken(tags), takenValues);
	}

	/** What stored items hold of the values that must be unique. */
	private record Taken(java.util.Set<String> assetTags, Map<Long, java.util.Set<String>> values) {

		void check(ItemFields fields, CiClass itemClass, Map<String, String> errors) {
			if (fields.assetTag() != null && assetTags.contains(fields.assetTag())) {
				errors.put("assetTag", "cmdb.field.unique-taken");
			}
			for (CiAttribute attribute : itemClass.attributes()) {
				Object value = fields.attributes().get(attribute.code());
				if (attribute.unique() && value != null
						&& values.getOrDefault(attribute.id(), java.util.Set.of()).contains(ItemBatch.text(value))) {
					errors.put("attributes." + attribute.code(), "cmdb.field.unique-taken");
				}
			}
		}
	}

	/** The asset tag and unique attributes are unique among the file's rows too: the later row is refused. */
	private static void duplicatesWithinFile(int row, ItemFields fields, CiClass itemClass, Map<String, Integer> seen,
			Map<String, String> errors) {
		if (fields.assetTag() != null && seen.putIfAbsent("assetTag\n" + fields.assetTag(), row) != null) {
			errors.put("assetTag", "cmdb.import.repeated");
		}
		for (CiAttribute attribute : itemClass.attributes()) {
			Object value = fields.attributes().get(attribute.code());
			if (attribute.unique() && value != null
					&& seen.putIfAbsent(attribute.code() + "\n" + value, row) != null) {
				errors.put("attributes." + attribute.code(), "cmdb.import.repeated");
			}
		}
	}

	private String label(String field, CiClass itemClass, Locale locale) {
		if (field.startsWith("attributes.")) {
			String code = field.substring("attributes.".length());
			return itemClass.attributes().stream().filter(a -> a.code().equals(code)).findFirst()
				.map(a -> a.label(locale)).orElse(code);
		}
		return text(field.equals("customerUnit") ? "cmdb.import.column.customerUnit" : "cmdb.field." + field, locale);
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}


	private record ParsedRow(int number, Map<String, String> values) {
	}
}
