package org.yunwei.knowledge.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The lines of two versions of a text, compared by their longest common subsequence: each line kept, removed or
 * added, in reading order. Articles are short, so the quadratic table is fine; past {@link #MAX_CELLS} the texts are
 * shown as all removed and all added rather than exhausting memory.
 */
public final class LineDiff {

	static final long MAX_CELLS = 4_000_000;

	/** What happened to a line. */
	public enum Change {
		KEPT, REMOVED, ADDED
	}

	/** One line of the comparison. */
	public record Line(Change change, String text) {
	}

	private LineDiff() {
	}

	public static List<Line> between(String older, String newer) {
		String[] a = lines(older);
		String[] b = lines(newer);
		List<Line> out = new ArrayList<>();
		if ((long) a.length * b.length > MAX_CELLS) {
			for (String line : a) {
				out.add(new Line(Change.REMOVED, line));
			}
			for (String line : b) {
				out.add(new Line(Change.ADDED, line));
			}
			return out;
		}
		int[][] common = new int[a.length + 1][b.length + 1];
		for (int i = a.length - 1; i >= 0; i--) {
			for (int j = b.length - 1; j >= 0; j--) {
				common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1
						: Math.max(common[i + 1][j], common[i][j + 1]);
			}
		}
		int i = 0;
		int j = 0;
		while (i < a.length && j < b.length) {
			if (a[i].equals(b[j])) {
				out.add(new Line(Change.KEPT, a[i]));
				i++;
				j++;
			}
			else if (common[i + 1][j] >= common[i][j + 1]) {
				out.add(new Line(Change.REMOVED, a[i++]));
			}
			else {
				out.add(new Line(Change.ADDED, b[j++]));
			}
		}
		while (i < a.length) {
			out.add(new Line(Change.REMOVED, a[i++]));
		}
		while (j < b.length) {
			out.add(new Line(Change.ADDED, b[j++]));
		}
		return Collections.unmodifiableList(out);
	}

	private static String[] lines(String text) {
		return text == null || text.isEmpty() ? new String[0] : text.split("\r?\n", -1);
	}
}
