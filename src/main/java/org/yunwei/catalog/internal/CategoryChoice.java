package org.yunwei.catalog.internal;

import java.util.ArrayList;
import java.util.List;

/** A category as an option of a select: in tree order, indented by its depth. */
record CategoryChoice(long id, String name, int depth, boolean enabled) {

	public String label() {
		return "— ".repeat(depth) + name;
	}

	static List<CategoryChoice> of(List<CategoryNode> tree) {
		List<CategoryChoice> choices = new ArrayList<>();
		add(tree, 0, choices);
		return choices;
	}

	private static void add(List<CategoryNode> nodes, int depth, List<CategoryChoice> choices) {
		for (CategoryNode node : nodes) {
			choices.add(new CategoryChoice(node.id(), node.name(), depth, node.enabled()));
			add(node.children(), depth + 1, choices);
		}
	}
}
