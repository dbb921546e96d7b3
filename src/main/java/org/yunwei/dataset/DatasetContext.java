package org.yunwei.dataset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * What the contributors of one run tell each other: facts by name ({@code identity.customerUnits}), the base-data
 * counts of the accounts file, and the accounts and services the benchmark runner needs. A fact's name starts with
 * the name of the contributor that publishes it; its value is a JDK collection or a record of this package, so that
 * no contributor needs another module's types. {@code docs/dataset-generator.md} lists the facts.
 */
public final class DatasetContext {

	/** {@code List<DatasetAccount>}: the people the runner may act as. */
	public static final String ACCOUNTS = "accounts";
	/** {@code List<DatasetService>}: the services customers may order. */
	public static final String SERVICES = "services";
	/** {@code Map<Long, List<Long>>}: the assignment groups each user is a member of. */
	public static final String GROUPS_OF_USER = "groupsOfUser";
	/** {@code List<Long>}: every generated assignment group. */
	public static final String GROUPS = "groups";

	private final Map<String, Object> facts = new LinkedHashMap<>();
	private final Map<String, Long> counts = new LinkedHashMap<>();

	/** Publishes a fact; a second publication under the same name replaces the first. */
	public void put(String name, Object value) {
		facts.put(name, value);
	}

	/** @throws NoSuchElementException when nobody published it: the reader forgot to name its source in after() */
	@SuppressWarnings("unchecked")
	public <T> T get(String name) {
		if (!facts.containsKey(name)) {
			throw new NoSuchElementException("No contributor published " + name + "; is it named in after()?");
		}
		return (T) facts.get(name);
	}

	public boolean has(String name) {
		return facts.containsKey(name);
	}

	/** Adds to a list fact, creating it. */
	@SuppressWarnings("unchecked")
	public <T> void add(String name, T element) {
		((List<T>) facts.computeIfAbsent(name, key -> new ArrayList<T>())).add(element);
	}

	/** Records a base-data count for the accounts file ({@code "parties": 52}). */
	public void count(String name, long value) {
		counts.put(name, value);
	}

	public Map<String, Long> counts() {
		return Collections.unmodifiableMap(counts);
	}
}
