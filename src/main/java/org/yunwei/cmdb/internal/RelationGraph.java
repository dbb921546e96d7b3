package org.yunwei.cmdb.internal;

import java.util.Arrays;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The live relations held in memory as plain arrays, for impact analysis: a walk over them takes microseconds to a
 * few milliseconds where one query per hop over a large frontier took a second (issue 16, docs/performance.md).
 * <p>
 * The database stays the truth. Every statement that writes {@code ci_relation}, on any node and by any means, draws
 * a new generation number (migration V8); each walk reads the committed number (one indexed read) and reloads the
 * graph when it is not the one the graph was read at, so a relation added or removed is seen by the next walk on
 * every node. The reload reads the live relations on the caller's connection, so a walk inside a transaction that
 * wrote a relation sees it; such a graph carries the writer's own number, which no other state ever gets.
 */
@Component
class RelationGraph {

	private final JdbcClient jdbc;
	private final JdbcTemplate reader;
	private final Object loading = new Object();
	private volatile Snapshot current;

	RelationGraph(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.reader = new JdbcTemplate(dataSource);
		// streamed in chunks (within a transaction) rather than all rows held by the driver at once
		this.reader.setFetchSize(10_000);
	}

	/** The graph as the database holds it now (as the caller's transaction sees it). */
	Snapshot current() {
		long generation = jdbc.sql("select generation from ci_relation_generation where id = 1").query(Long.class)
			.single();
		Snapshot graph = current;
		if (graph != null && graph.generation == generation) {
			return graph;
		}
		synchronized (loading) {
			graph = current;
			if (graph == null || graph.generation != generation) {
				graph = load(generation);
				current = graph;
			}
			return graph;
		}
	}

	private Snapshot load(long generation) {
		Edges edges = new Edges();
		reader.query("select source_id, target_id, type from ci_relation where removed_at is null",
				rs -> {
					edges.add(rs.getLong(1), rs.getLong(2), RelationType.valueOf(rs.getString(3)));
				});
		return edges.snapshot(generation);
	}

	/** The relations read so far, growing. */
	private static final class Edges {

		private long[] sources = new long[1024];
		private long[] targets = new long[1024];
		private byte[] types = new byte[1024];
		private int size;

		void add(long source, long target, RelationType type) {
			if (size == sources.length) {
				sources = Arrays.copyOf(sources, size * 2);
				targets = Arrays.copyOf(targets, size * 2);
				types = Arrays.copyOf(types, size * 2);
			}
			sources[size] = source;
			targets[size] = target;
			types[size] = (byte) type.ordinal();
			size++;
		}

		Snapshot snapshot(long generation) {
			long[] all = new long[size * 2];
			System.arraycopy(sources, 0, all, 0, size);
			System.arraycopy(targets, 0, all, size, size);
			Arrays.sort(all);
			int distinct = 0;
			for (int i = 0; i < all.length; i++) {
				if (i == 0 || all[i] != all[i - 1]) {
					all[distinct++] = all[i];
				}
			}
			long[] ids = Arrays.copyOf(all, distinct);
			int[] source = new int[size];
			int[] target = new int[size];
			for (int i = 0; i < size; i++) {
				source[i] = Arrays.binarySearch(ids, sources[i]);
				target[i] = Arrays.binarySearch(ids, targets[i]);
			}
			return new Snapshot(generation, ids, Adjacency.of(ids.length, source, target, types, size, true),
					Adjacency.of(ids.length, source, target, types, size, false));
		}
	}

	/**
	 * The graph at one generation: items by dense index (their ids sorted), and for each direction which items a
	 * failure of each item reaches in one hop.
	 */
	static final class Snapshot {

		private final long generation;
		private final long[] ids;
		private final Adjacency downstream;
		private final Adjacency upstream;

		Snapshot(long generation, long[] ids, Adjacency downstream, Adjacency upstream) {
			this.generation = generation;
			this.ids = ids;
			this.downstream = downstream;
			this.upstream = upstream;
		}

		long generation() {
			return generation;
		}

		/**
		 * A breadth-first walk from the item, at most {@code depth} hops: every item once, at its least number of
		 * hops, reached from the item of the previous hop with the smallest id (and the first relation type in
		 * declaration order between the two), so that the same graph gives the same paths. Nearest first, then by
		 * id.
		 */
		Walk walk(long rootId, int depth, boolean towardsDependents) {
			Adjacency next = towardsDependents ? downstream : upstream;
			int root = Arrays.binarySearch(ids, rootId);
			if (root < 0) {
				return new Walk(new long[] { rootId }, new int[] { 0 }, new int[] { 0 }, new int[] { -1 },
						new byte[] { -1 }, new int[] { 0 });
			}
			int[] order = new int[Math.min(ids.length, 64)];
			int[] hops = new int[order.length];
			int[] from = new int[order.length];
			byte[] via = new byte[order.length];
			int[] seen = new int[ids.length];
			Arrays.fill(seen, -1);
			order[0] = root;
			from[0] = -1;
			via[0] = -1;
			seen[root] = 0;
			int size = 1;
			int levelStart = 0;
			for (int hop = 1; hop <= depth && levelStart < size; hop++) {
				int levelEnd = size;
				for (int i = levelStart; i < levelEnd; i++) {
					int item = order[i];
					for (int e = next.start[item]; e < next.start[item + 1]; e++) {
						int reached = next.item[e];
						if (seen[reached] >= 0) {
							continue;
						}
						if (size == order.length) {
							int grown = Math.min(ids.length, size * 2);
							order = Arrays.copyOf(order, grown);
							hops = Arrays.copyOf(hops, grown);
							from = Arrays.copyOf(from, grown);
							via = Arrays.copyOf(via, grown);
						}
						seen[reached] = size;
						order[size] = reached;
						hops[size] = hop;
						from[size] = i;
						via[size] = next.type[e];
						size++;
					}
				}
				sortLevel(order, from, via, seen, levelEnd, size);
				levelStart = levelEnd;
			}
			return new Walk(ids, Arrays.copyOf(order, size), Arrays.copyOf(hops, size),
					Arrays.copyOf(from, size), Arrays.copyOf(via, size), seen);
		}

		/**
		 * Orders one hop's items by id (dense indexes follow the ids), each keeping its origin and relation; the
		 * previous hops are ordered already, so the next hop meets its origins smallest id first.
		 */
		private static void sortLevel(int[] order, int[] from, byte[] via, int[] seen, int start, int end) {
			if (end - start < 2) {
				return;
			}
			int[] items = Arrays.copyOfRange(order, start, end);
			int[] origins = Arrays.copyOfRange(from, start, end);
			byte[] types = Arrays.copyOfRange(via, start, end);
			Arrays.sort(items);
			for (int i = 0; i < items.length; i++) {
				int old = seen[items[i]] - start;
				order[start + i] = items[i];
				from[start + i] = origins[old];
				via[start + i] = types[old];
			}
			for (int i = start; i < end; i++) {
				seen[order[i]] = i;
			}
		}
	}

	/**
	 * Which items each item's failure reaches in one hop, in compressed rows: the items reached from item {@code i}
	 * are {@code item[start[i]] .. item[start[i + 1] - 1]}, ordered by id, each with the relation type followed.
	 */
	private static final class Adjacency {

		private final int[] start;
		private final int[] item;
		private final byte[] type;

		private Adjacency(int[] start, int[] item, byte[] type) {
			this.start = start;
			this.item = item;
			this.type = type;
		}

		/**
		 * @param downstream the way a failure travels (to the items that rely on the failed one); otherwise the
		 *        way of reliance (to the items the given one relies on)
		 */
		static Adjacency of(int items, int[] source, int[] target, byte[] types, int relations, boolean downstream) {
			RelationType[] all = RelationType.values();
			int[] count = new int[items + 1];
			for (int r = 0; r < relations; r++) {
				RelationType type = all[types[r]];
				if (downstream ? type.sourceAffectsTarget() : type.targetAffectsSource()) {
					count[source[r] + 1]++;
				}
				if (downstream ? type.targetAffectsSource() : type.sourceAffectsTarget()) {
					count[target[r] + 1]++;
				}
			}
			for (int i = 0; i < items; i++) {
				count[i + 1] += count[i];
			}
			int[] start = count.clone();
			int[] fill = Arrays.copyOf(count, items);
			int[] reached = new int[start[items]];
			byte[] via = new byte[start[items]];
			for (int r = 0; r < relations; r++) {
				RelationType type = all[types[r]];
				if (downstream ? type.sourceAffectsTarget() : type.targetAffectsSource()) {
					reached[fill[source[r]]] = target[r];
					via[fill[source[r]]++] = types[r];
				}
				if (downstream ? type.targetAffectsSource() : type.sourceAffectsTarget()) {
					reached[fill[target[r]]] = source[r];
					via[fill[target[r]]++] = types[r];
				}
			}
			for (int i = 0; i < items; i++) {
				sortRow(reached, via, start[i], start[i + 1]);
			}
			return new Adjacency(start, reached, via);
		}

		/** Orders one item's row by reached item, then relation type. */
		private static void sortRow(int[] reached, byte[] via, int from, int to) {
			if (to - from < 2) {
				return;
			}
			long[] keys = new long[to - from];
			for (int i = from; i < to; i++) {
				keys[i - from] = ((long) reached[i] << 8) | via[i];
			}
			Arrays.sort(keys);
			for (int i = from; i < to; i++) {
				reached[i] = (int) (keys[i - from] >> 8);
				via[i] = (byte) (keys[i - from] & 0xFF);
			}
		}
	}

	/**
	 * The items a walk reached, the root first, then nearest first and by id: each with its hops, the position of
	 * the item it was reached from and the relation followed.
	 */
	static final class Walk {

		private static final RelationType[] TYPES = RelationType.values();

		private final long[] ids;
		private final int[] order;
		private final int[] hops;
		private final int[] from;
		private final byte[] via;
		/** The position of each item (by dense index) in this walk, -1 for an item not reached. */
		private final int[] positions;

		private Walk(long[] ids, int[] order, int[] hops, int[] from, byte[] via, int[] positions) {
			this.ids = ids;
			this.order = order;
			this.hops = hops;
			this.from = from;
			this.via = via;
			this.positions = positions;
		}

		/** The position of the item in this walk (0: the root), -1 when the walk did not reach it. */
		int position(long id) {
			int dense = Arrays.binarySearch(ids, id);
			return dense < 0 ? -1 : positions[dense];
		}

		/** How many items were reached, the root included. */
		int size() {
			return order.length;
		}

		/** The id of the {@code n}-th reached item (0: the root). */
		long id(int n) {
			return ids[order[n]];
		}

		int hops(int n) {
			return hops[n];
		}

		/** The position of the item the {@code n}-th was reached from, -1 for the root. */
		int from(int n) {
			return from[n];
		}

		/** The relation followed to reach the {@code n}-th item, {@code null} for the root. */
		RelationType via(int n) {
			return via[n] < 0 ? null : TYPES[via[n]];
		}
	}
}
