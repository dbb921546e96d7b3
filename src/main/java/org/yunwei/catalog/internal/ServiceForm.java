package org.yunwei.catalog.internal;

import org.yunwei.web.FieldErrors;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;

/**
 * The service form as typed, kept as text so that a failed submit shows exactly what was entered. Indicator rows
 * come as parallel fields; wholly empty rows are dropped at once, so that the rows shown again and the API's
 * {@code indicators[i]} errors have the same numbering.
 */
record ServiceForm(String categoryId, String code, String name, String description, String providerOrgUnitId,
		List<String> objects, List<String> customerOrgUnitIds, List<Row> indicators) {

	/** Blank indicator rows offered beneath the filled ones. */
	static final int BLANK_ROWS = 2;

	record Row(String name, String target, String unit, String measurement) {

		boolean blank() {
			return FieldErrors.clean(name) == null && FieldErrors.clean(target) == null && FieldErrors.clean(unit) == null
					&& FieldErrors.clean(measurement) == null;
		}
	}

	static ServiceForm empty(Long categoryId) {
		return new ServiceForm(categoryId == null ? null : categoryId.toString(), null, null, null, null, List.of(),
				List.of(), List.of());
	}

	static ServiceForm of(ServiceDetail service) {
		return new ServiceForm(String.valueOf(service.categoryId()), service.code(), service.name(),
				service.description(), String.valueOf(service.provider().id()),
				service.objects().stream().map(Enum::name).toList(),
				service.customerIds().stream().map(String::valueOf).toList(),
				service.indicators().stream()
					.map(i -> new Row(i.name(), i.target().toPlainString(), i.unit(), i.measurement()))
					.toList());
	}

	static ServiceForm of(MultiValueMap<String, String> fields) {
		List<String> names = values(fields, "indicatorName");
		List<String> targets = values(fields, "indicatorTarget");
		List<String> units = values(fields, "indicatorUnit");
		List<String> measurements = values(fields, "indicatorMeasurement");
		int count = Math.max(Math.max(names.size(), targets.size()), Math.max(units.size(), measurements.size()));
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Row row = new Row(at(names, i), at(targets, i), at(units, i), at(measurements, i));
			if (!row.blank()) {
				rows.add(row);
			}
		}
		return new ServiceForm(fields.getFirst("categoryId"), fields.getFirst("code"), fields.getFirst("name"),
				fields.getFirst("description"), fields.getFirst("providerOrgUnitId"), values(fields, "objects"),
				values(fields, "customerOrgUnitIds"), rows);
	}

	/** The rows to show: the filled ones and a few blank ones to add more. */
	public List<Row> rowsWithBlanks() {
		List<Row> rows = new ArrayList<>(indicators);
		for (int i = 0; i < BLANK_ROWS; i++) {
			rows.add(new Row(null, null, null, null));
		}
		return rows;
	}

	/**
	 * What the service would receive, and beside it the fields whose text is not even a number; those mistakes
	 * are shown together with the service's own.
	 */
	Parsed parse() {
		Map<String, String> errors = new LinkedHashMap<>();
		Long category = number(categoryId, "categoryId", errors);
		Long provider = number(providerOrgUnitId, "providerOrgUnitId", errors);
		List<Long> customers = new ArrayList<>();
		for (String id : customerOrgUnitIds) {
			Long unit = number(id, "customerOrgUnitIds", errors);
			if (unit != null) {
				customers.add(unit);
			}
		}
		List<IndicatorDraft> drafts = new ArrayList<>();
		for (int i = 0; i < indicators.size(); i++) {
			Row row = indicators.get(i);
			BigDecimal target = null;
			String text = FieldErrors.clean(row.target());
			if (text != null) {
				try {
					target = new BigDecimal(text);
				}
				catch (NumberFormatException notANumber) {
					errors.put("indicators[" + i + "].target", "field.number");
				}
			}
			drafts.add(new IndicatorDraft(row.name(), target, row.unit(), row.measurement()));
		}
		return new Parsed(new ServiceDraft(category, code, name, description, provider, objects, drafts, customers),
				errors);
	}

	public boolean hasObject(String kind) {
		return objects.contains(kind);
	}

	public boolean hasCustomer(long unitId) {
		return customerOrgUnitIds.contains(String.valueOf(unitId));
	}

	record Parsed(ServiceDraft draft, Map<String, String> errors) {
	}

	private static Long number(String text, String field, Map<String, String> errors) {
		String value = FieldErrors.clean(text);
		if (value == null) {
			return null;
		}
		try {
			return Long.valueOf(value);
		}
		catch (NumberFormatException notANumber) {
			errors.putIfAbsent(field, "field.number");
			return null;
		}
	}

	private static List<String> values(MultiValueMap<String, String> fields, String name) {
		List<String> values = fields.get(name);
		return values == null ? List.of() : values;
	}

	private static String at(List<String> values, int index) {
		return index < values.size() ? values.get(index) : null;
	}
}
