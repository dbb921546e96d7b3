package org.yunwei.dataset;

import java.util.Set;

/**
 * One module's contribution to a generated dataset. Implemented by a Spring bean in the module's {@code internal}
 * package; the generator finds every such bean, orders them by {@link #after()} and runs them.
 * <p>
 * A contributor writes its data in {@link #chunks} chunks. Each chunk runs in one transaction together with the
 * generator's progress row, so a chunk is either wholly there or not at all, and a rerun starts at the first chunk
 * that is missing. A chunk's data must follow from the plan (seed, anchor, sizes), the chunk's number and the
 * context alone ({@link DatasetPlan#random}), so that a resumed chunk writes what the interrupted one would have.
 * <p>
 * A contributor reads what earlier contributors made only from the {@link DatasetContext} (or through their
 * modules' public facades), never from their tables; it publishes what later ones need in {@link #describe}, which
 * reads back its own rows and runs on every run, also when its chunks were all written by an earlier one.
 */
public interface Dataset {

	/** A short, stable name, e.g. {@code identity}: the key of its progress rows and of its facts. */
	String name();

	/** The names of the contributors whose facts this one reads; they run (and describe) first. */
	default Set<String> after() {
		return Set.of();
	}

	/** How many chunks this contributor writes for the plan; 1 for small, fixed data. */
	default int chunks(DatasetPlan plan) {
		return 1;
	}

	/**
	 * Writes one chunk within the generator's transaction.
	 *
	 * @param chunk from 0 to {@code chunks(plan) - 1}, in order: chunk n runs only after chunks 0..n-1 are committed
	 * @return how many rows it wrote, for the progress report
	 */
	long generate(DatasetPlan plan, int chunk, DatasetContext context);

	/**
	 * Publishes in {@code context} what later contributors and the accounts file need (ids, counts), read back from
	 * this module's own tables after all its chunks are committed.
	 */
	void describe(DatasetPlan plan, DatasetContext context);
}
