package org.yunwei.benchmark;

import java.util.Arrays;

/**
 * Response times of one kind of request, in milliseconds, recorded from any thread; with the count of requests that
 * failed. Percentiles are nearest-rank over every sample (no histogram buckets: a run holds at most a few hundred
 * thousand samples).
 */
final class Latencies {

	private double[] samples = new double[1024];
	private int count;
	private long errors;
	private long refusals;

	synchronized void record(long nanos) {
		if (count == samples.length) {
			samples = Arrays.copyOf(samples, count * 2);
		}
		samples[count++] = nanos / 1e6;
	}

	/** A request that failed: a 5xx, an unexpected answer, a timeout or a broken connection. */
	synchronized void error() {
		errors++;
	}

	/**
	 * A request the application refused for a reason the load itself causes, such as two agents resolving the same
	 * ticket (422 {@code invalid-transition} for the second): not an error, but counted.
	 */
	synchronized void refusal() {
		refusals++;
	}

	/** Adds another's samples and counts to these. */
	synchronized void merge(Latencies other) {
		synchronized (other) {
			for (int i = 0; i < other.count; i++) {
				if (count == samples.length) {
					samples = Arrays.copyOf(samples, count * 2);
				}
				samples[count++] = other.samples[i];
			}
			errors += other.errors;
			refusals += other.refusals;
		}
	}

	synchronized int count() {
		return count;
	}

	synchronized long errors() {
		return errors;
	}

	synchronized long refusals() {
		return refusals;
	}

	/** Nearest-rank percentile in ms, NaN without samples. */
	synchronized double percentile(double percent) {
		if (count == 0) {
			return Double.NaN;
		}
		double[] sorted = Arrays.copyOf(samples, count);
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(percent / 100.0 * count);
		return sorted[Math.max(0, Math.min(count - 1, rank - 1))];
	}

	synchronized double max() {
		return count == 0 ? Double.NaN : Arrays.stream(samples, 0, count).max().orElseThrow();
	}

	/** Errors as a share of all requests, in percent. */
	synchronized double errorPercent() {
		long all = count + errors + refusals;
		return all == 0 ? 0 : 100.0 * errors / all;
	}
}
