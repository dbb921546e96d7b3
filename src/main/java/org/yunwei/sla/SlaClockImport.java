package org.yunwei.sla;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.yunwei.sla.internal.clock.ClockImport;

/**
 * Writes the histories of many clocks at once, for data brought in from elsewhere or generated (the dataset
 * generator, {@code docs/dataset-generator.md}): each clock's row, its history with the thresholds and the breach
 * raised where they fell due before {@code now}, and its place in the scheduler's queue, so that the scheduler only
 * raises what falls due after {@code now}. No events are published: what was raised is history, not news.
 * Rows go with COPY in the caller's transaction. The subjects must have no clocks yet.
 */
@Service
public class SlaClockImport {

	private final ClockImport clocks;

	SlaClockImport(ClockImport clocks) {
		this.clocks = clocks;
	}

	/** @return what each clock became, in the order given */
	public List<PastClock.Written> write(List<PastClock> pastClocks, Instant now) {
		return clocks.write(pastClocks, now);
	}
}
