package org.yunwei.knowledge.internal.usage;

/**
 * How an article served: the tickets it was linked to (usage), and of those, how many it solved and how many it did
 * not (usefulness); the rest are not yet marked.
 */
public record Usage(long linked, long solved, long notSolved) {

	/** The share of the marked links that solved the problem, 0 to 1; {@code null} when none is marked. */
	public Double usefulness() {
		long marked = solved + notSolved;
		return marked == 0 ? null : (double) solved / marked;
	}
}
