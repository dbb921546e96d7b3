package org.yunwei.inspection.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.yunwei.web.FieldErrors;

/**
 * The items of a template version, validated: each with a label, a kind, a unit and thresholds only for numbers (the
 * lowest not above the highest), keys unique. Refused items are named {@code items[n].<field>}.
 */
public record Checklist(List<ChecklistItem> items) {

	static final int MAX_ITEMS = 100;
	static final int LABEL_MAX = 200;
	static final int UNIT_MAX = 20;

	public Checklist {
		items = List.copyOf(items);
	}

	/** What an author typed for one item; blank rows of a form are dropped before. */
	public record ChecklistLine(String key, String label, String kind, String unit, BigDecimal min, BigDecimal max,
			Boolean required) {

		boolean blank() {
			return FieldErrors.clean(label) == null && FieldErrors.clean(kind) == null && FieldErrors.clean(unit) == null
					&& min == null && max == null;
		}
	}

	/** Validates the lines into {@code errors}; the checklist when there was no mistake in them, else {@code null}. */
	static Checklist of(List<ChecklistLine> lines, FieldErrors errors) {
		List<ChecklistLine> given = lines == null ? List.of() : lines.stream().filter(l -> l != null && !l.blank()).toList();
		if (given.isEmpty()) {
			errors.add("items", "inspection.items.required");
			return null;
		}
		if (given.size() > MAX_ITEMS) {
			errors.add("items", "inspection.items.too-many");
			return null;
		}
		List<ChecklistItem> items = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		boolean mistaken = false;
		for (int i = 0; i < given.size(); i++) {
			ChecklistLine line = given.get(i);
			String field = "items[" + i + "].";
			FieldErrors own = new FieldErrors();
			String label = FieldErrors.clean(line.label());
			own.required(field + "label", label, LABEL_MAX);
			ItemKind kind = own.constant(ItemKind.class, line.kind(), field + "kind");
			String unit = FieldErrors.clean(line.unit());
			own.optional(field + "unit", unit, UNIT_MAX);
			if (kind != null && kind != ItemKind.NUMBER && (unit != null || line.min() != null || line.max() != null)) {
				own.add(field + "unit", "inspection.item.thresholds-for-numbers");
			}
			if (line.min() != null && line.max() != null && line.min().compareTo(line.max()) > 0) {
				own.add(field + "max", "inspection.item.max-below-min");
			}
			String key = FieldErrors.clean(line.key());
			if (key == null) {
				key = "item" + (i + 1);
			}
			else {
				own.code(field + "key", key);
			}
			if (!keys.add(key.toLowerCase(Locale.ROOT))) {
				own.add(field + "key", "inspection.item.key-taken");
			}
			own.asMap().forEach(errors::add);
			if (!own.isEmpty()) {
				mistaken = true;
				continue;
			}
			items.add(new ChecklistItem(key, label, kind, unit, line.min(), line.max(),
					line.required() == null || line.required()));
		}
		return mistaken ? null : new Checklist(items);
	}

	ChecklistItem item(String key) {
		return items.stream().filter(i -> i.key().equals(key)).findFirst().orElse(null);
	}
}
