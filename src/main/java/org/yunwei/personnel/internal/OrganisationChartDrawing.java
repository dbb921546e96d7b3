package org.yunwei.personnel.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yunwei.personnel.internal.OrganisationChart.StaffChartPost;
import org.yunwei.personnel.internal.OrganisationChart.StaffChartUnit;
import org.yunwei.personnel.internal.OrganisationChart.StaffOrganisationChart;

/**
 * Draws an organisation chart as SVG, top down: the provider at the top, its units below in tree order, each box with
 * the unit's lead, its posts and holders, and its headcount; parents centred over their children and joined to them
 * by elbow lines, as such charts are drawn on paper.
 */
@Component
class OrganisationChartDrawing {

	static final double BOX = 230;
	static final double GAP = 24;
	static final double ROW_GAP = 56;
	static final double LINE = 18;
	static final double MARGIN = 20;
	/** Posts listed in a box; the rest are counted. */
	static final int POSTS_SHOWN = 6;

	private final MessageSource messages;

	OrganisationChartDrawing(MessageSource messages) {
		this.messages = messages;
	}

	String draw(StaffOrganisationChart chart, Locale locale) {
		Node top = new Node(List.of(chart.partyName(),
				text(locale, "personnel.chart.totals", chart.units(), chart.posts(), chart.people())), true);
		for (StaffChartUnit root : chart.roots()) {
			top.children.add(node(root, locale));
		}
		List<Double> rowHeights = new ArrayList<>();
		measure(top, 0, rowHeights);
		double width = Math.max(BOX, top.span) + 2 * MARGIN;
		double height = MARGIN * 2 + rowHeights.stream().mapToDouble(Double::doubleValue).sum()
				+ ROW_GAP * (rowHeights.size() - 1);
		SvgSketch svg = new SvgSketch();
		place(svg, top, MARGIN, MARGIN, 0, rowHeights);
		if (chart.roots().isEmpty()) {
			svg.text(width / 2, height + LINE, text(locale, "personnel.chart.no-units"), 13, false, "middle");
			height += LINE * 2;
		}
		return svg.document(width, height, text(locale, "personnel.chart.title") + " · " + chart.partyName());
	}

	private Node node(StaffChartUnit unit, Locale locale) {
		List<String> lines = new ArrayList<>();
		lines.add(unit.name());
		lines.add(unit.lead() == null ? text(locale, "personnel.chart.no-lead")
				: text(locale, "personnel.chart.lead", unit.lead()));
		List<StaffChartPost> posts = unit.posts();
		for (StaffChartPost post : posts.subList(0, Math.min(POSTS_SHOWN, posts.size()))) {
			lines.add(text(locale, "personnel.chart.post", post.name(),
					post.holder() == null ? text(locale, "personnel.chart.vacant") : post.holder()));
		}
		if (posts.size() > POSTS_SHOWN) {
			lines.add(text(locale, "personnel.chart.more-posts", posts.size() - POSTS_SHOWN));
		}
		lines.add(text(locale, "personnel.chart.people", unit.people()));
		Node node = new Node(lines, false);
		for (StaffChartUnit child : unit.children()) {
			node.children.add(node(child, locale));
		}
		return node;
	}

	private static void measure(Node node, int depth, List<Double> rowHeights) {
		if (rowHeights.size() <= depth) {
			rowHeights.add(0.0);
		}
		rowHeights.set(depth, Math.max(rowHeights.get(depth), node.height()));
		double children = 0;
		for (Node child : node.children) {
			measure(child, depth + 1, rowHeights);
			children += child.span;
		}
		children += GAP * Math.max(0, node.children.size() - 1);
		node.span = Math.max(BOX, children);
	}

	private void place(SvgSketch svg, Node node, double left, double top, int depth, List<Double> rowHeights) {
		double centre = left + node.span / 2;
		double x = centre - BOX / 2;
		svg.box(x, top, BOX, node.height(), node.head ? "#dbeafe" : "#f8fafc", node.head ? "#2563eb" : "#94a3b8");
		double y = top + 22;
		for (int i = 0; i < node.lines.size(); i++) {
			boolean title = i == 0;
			svg.text(title ? centre : x + 10, y, SvgSketch.fit(node.lines.get(i), title ? 15 : 18), title ? 14 : 12,
					title, title ? "middle" : "start");
			y += LINE;
		}
		if (node.children.isEmpty()) {
			return;
		}
		double bottom = top + node.height();
		double nextTop = top + rowHeights.get(depth) + ROW_GAP;
		double bus = nextTop - ROW_GAP / 2;
		svg.line(centre, bottom, centre, bus, false);
		double childLeft = left + (node.span - childrenSpan(node)) / 2;
		double first = 0;
		double last = 0;
		for (int i = 0; i < node.children.size(); i++) {
			Node child = node.children.get(i);
			double childCentre = childLeft + child.span / 2;
			if (i == 0) {
				first = childCentre;
			}
			last = childCentre;
			svg.line(childCentre, bus, childCentre, nextTop, true);
			place(svg, child, childLeft, nextTop, depth + 1, rowHeights);
			childLeft += child.span + GAP;
		}
		svg.line(Math.min(first, centre), bus, Math.max(last, centre), bus, false);
	}

	private static double childrenSpan(Node node) {
		return node.children.stream().mapToDouble(c -> c.span).sum() + GAP * (node.children.size() - 1);
	}

	private String text(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	/** A box of the drawing with its lines, and the width its subtree needs. */
	private static final class Node {

		final List<String> lines;
		final boolean head;
		final List<Node> children = new ArrayList<>();
		double span;

		Node(List<String> lines, boolean head) {
			this.lines = lines;
			this.head = head;
		}

		double height() {
			return 12 + LINE * lines.size();
		}
	}
}
