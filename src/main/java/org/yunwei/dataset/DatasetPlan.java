package org.yunwei.dataset;

import java.time.Instant;
import java.util.SplittableRandom;

/**
 * What a run generates: the seed, the number of tickets, the chunk size and the anchor, the instant the dataset
 * ends at (the first run's "now", kept for every rerun so that resumed chunks date their data alike).
 *
 * @param seed the same seed gives the same data
 * @param tickets how many tickets
 * @param chunkSize how many tickets (or other large items) one chunk holds
 * @param anchor the dataset's "now": tickets run up to it, open ones are open at it
 */
public record DatasetPlan(long seed, int tickets, int chunkSize, Instant anchor) {

	public DatasetPlan {
		if (tickets < 0 || chunkSize < 1) {
			throw new IllegalArgumentException("tickets must not be negative and the chunk size positive");
		}
	}

	/** How many chunks {@code items} take at {@link #chunkSize}. */
	public int chunksOf(long items) {
		return (int) ((items + chunkSize - 1) / chunkSize);
	}

	/**
	 * The random numbers of one chunk of one contributor: a function of the seed, the contributor's name and the
	 * chunk only, so that any chunk can be generated again without the ones before it.
	 */
	public SplittableRandom random(String contributor, int chunk) {
		long mixed = seed * 0x9E3779B97F4A7C15L;
		mixed ^= contributor.hashCode() * 0xC2B2AE3D27D4EB4FL;
		mixed += chunk * 0x165667B19E3779F9L;
		return new SplittableRandom(mixed);
	}
}
