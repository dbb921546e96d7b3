package org.yunwei.compliance.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 89 key assessment items, read once from {@code compliance/assessment-items.tsv} (clause, item, the item's
 * words, the clause's title; a header line first) and kept in the standard's order: by clause number, then item.
 * A malformed line or a repeated id stops the application: the register must never drop or invent an item.
 */
final class AssessmentItems {

	static final String RESOURCE = "compliance/assessment-items.tsv";

	private static final Comparator<AssessmentItem> STANDARD_ORDER = Comparator
		.<AssessmentItem, int[]>comparing(AssessmentItem::clauseNumbers, Arrays::compare)
		.thenComparing(AssessmentItem::item);

	private final Map<String, AssessmentItem> byId;

	private AssessmentItems(List<AssessmentItem> items) {
		Map<String, AssessmentItem> ordered = new LinkedHashMap<>();
		items.stream().sorted(STANDARD_ORDER).forEach(item -> {
			if (ordered.putIfAbsent(item.id(), item) != null) {
				throw new IllegalStateException("Assessment item " + item.id() + " is listed twice");
			}
		});
		this.byId = java.util.Collections.unmodifiableMap(ordered);
	}

	static AssessmentItems fromClasspath() {
		try (InputStream in = AssessmentItems.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is missing");
			}
			return read(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static AssessmentItems read(InputStream in) throws IOException {
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
		List<String> lines = reader.lines().toList();
		List<AssessmentItem> items = new java.util.ArrayList<>();
		for (int i = 1; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.isBlank()) {
				continue;
			}
			String[] cells = line.split("\t", -1);
			if (cells.length != 4 || !cells[0].strip().matches("\\d+(\\.\\d+)+") || cells[1].isBlank()
					|| cells[2].isBlank()) {
				throw new IllegalStateException(RESOURCE + " line " + (i + 1) + " is not clause, item, words, title");
			}
			items.add(new AssessmentItem(cells[0].strip(), cells[1].strip(), cells[2].strip(), cells[3].strip()));
		}
		return new AssessmentItems(items);
	}

	/** Every item, in the standard's order. */
	List<AssessmentItem> all() {
		return List.copyOf(byId.values());
	}

	Optional<AssessmentItem> find(String id) {
		return Optional.ofNullable(byId.get(id));
	}

	boolean contains(String id) {
		return byId.containsKey(id);
	}
}
