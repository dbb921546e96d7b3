package org.yunwei.inspection.internal.check;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.web.FieldErrors;

/**
 * A check's results over a span, in buckets: what the charts of the check's page draw and the API answers. A check
 * that runs every 30 seconds makes about 260,000 results in 90 days, so the database counts them per bucket, and the
 * bucket is the smallest of a fixed ladder (1 minute … 1 day) that keeps a span to at most {@link #MAX_BUCKETS}:
 * 10 minutes for a day, 1 hour for a week, 12 hours for 90 days. Buckets start at whole multiples of their length
 * (in UTC), so the same run always falls in the same bucket; buckets without a run are answered too, empty, so that
 * a chart shows a gap where the check did not run.
 */
@Service
@Transactional(readOnly = true)
public class CheckSeries {

	static final int MAX_BUCKETS = 200;
	/** The longest span asked at once: the retention (90 days) and a little. */
	static final Duration MAX_SPAN = Duration.ofDays(92);
	private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
	private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");
	private static final long[] LADDER = { 60, 300, 600, 1800, 3600, 7200, 10800, 21600, 43200, 86400 };

	/**
	 * The runs of one bucket {@code [start, start + bucketSeconds)}.
	 *
	 * @param averageMillis the mean response time; {@code null} without runs
	 * @param availabilityPercent the share of runs that were not failures, rounded down to a tenth; {@code null}
	 *        without runs
	 */
	public record CheckSeriesBucket(Instant start, long runs, long up, long warning, long down, Long averageMillis,
			Integer maxMillis, Double availabilityPercent) {
	}

	/**
	 * A check's results from {@code from} (included) to {@code to} (excluded): the totals of the span and its buckets.
	 *
	 * @param availabilityPercent the span's share of runs that were not failures (UP or WARNING), rounded down to a
	 *        tenth, so that one failure never reads as 100 %; {@code null} without runs
	 */
	public record CheckSeriesView(long checkId, Instant from, Instant to, long bucketSeconds, long runs, long up,
			long warning, long down, Double availabilityPercent, Long averageMillis,
			List<CheckSeriesBucket> buckets) {
	}

	private final JdbcClient jdbc;
	private final CheckReading reading;

	CheckSeries(JdbcClient jdbc, CheckReading reading) {
		this.jdbc = jdbc;
		this.reading = reading;
	}

	/**
	 * The span the API asks: {@code period} (DAY, WEEK, QUARTER, ending now) or {@code from} and {@code to} (ISO-8601
	 * instants with an offset; {@code to} defaults to now, {@code from} to a day before {@code to}); 400 naming the
	 * field for a bad time, both kinds given, or a span that is empty or longer than 92 days.
	 */
	public CheckSeriesView series(long id, String period, String from, String to) {
		FieldErrors errors = new FieldErrors();
		String p = FieldErrors.clean(period);
		String f = FieldErrors.clean(from);
		String t = FieldErrors.clean(to);
		CheckPeriod wanted = p == null ? null : errors.constant(CheckPeriod.class, p, "period");
		if (wanted != null && (f != null || t != null)) {
			errors.add("period", "check.series.period-or-times");
		}
		Instant end = t == null ? null : instant(t, "to", errors);
		Instant start = f == null ? null : instant(f, "from", errors);
		errors.throwIfAny();
		reading.view(id);
		Instant now = databaseNow();
		if (wanted != null) {
			return of(id, now.minus(wanted.length()), now);
		}
		end = end == null ? now : end;
		start = start == null ? end.minus(Duration.ofDays(1)) : start;
		if (!start.isBefore(end)) {
			errors.add("from", "check.series.from-after-to");
		}
		else if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
			errors.add("from", "check.series.too-long");
		}
		errors.throwIfAny();
		return of(id, start, end);
	}

	/** The last {@code period} up to now, for the page; the check read in the reader's scope (404 otherwise). */
	public CheckSeriesView last(long id, CheckPeriod period) {
		reading.view(id);
		Instant now = databaseNow();
		return of(id, now.minus(period.length()), now);
	}

	/** The bucket length for a span: the smallest of the ladder that keeps it to {@link #MAX_BUCKETS}. */
	static long bucketSeconds(Duration span) {
		for (long step : LADDER) {
			if (span.getSeconds() / step < MAX_BUCKETS) {
				return step;
			}
		}
		return LADDER[LADDER.length - 1];
	}

	private CheckSeriesView of(long id, Instant from, Instant to) {
		long step = bucketSeconds(Duration.between(from, to));
		Map<Long, CheckSeriesBucket> found = new HashMap<>();
		Map<Long, Long> totalMillis = new HashMap<>();
		jdbc.sql("""
				select floor(extract(epoch from ran_at) / ?)::bigint as bucket, count(*) as runs,
				  count(*) filter (where outcome = 'UP') as up, count(*) filter (where outcome = 'WARNING') as warning,
				  count(*) filter (where outcome = 'DOWN') as down, round(avg(millis))::bigint as average,
				  max(millis) as slowest, sum(millis) as total
				from inspection_check_result where check_id = ? and ran_at >= ? and ran_at < ?
				group by 1""")
			.params(step, id, Timestamp.from(from), Timestamp.from(to))
			.query(rs -> {
				long bucket = rs.getLong("bucket");
				long runs = rs.getLong("runs");
				long down = rs.getLong("down");
				totalMillis.put(bucket, rs.getLong("total"));
				found.put(bucket, new CheckSeriesBucket(Instant.ofEpochSecond(bucket * step), runs, rs.getLong("up"),
						rs.getLong("warning"), down, rs.getLong("average"), rs.getInt("slowest"),
						availability(runs, down)));
			});
		List<CheckSeriesBucket> buckets = new ArrayList<>();
		long runs = 0;
		long up = 0;
		long warning = 0;
		long down = 0;
		long millis = 0;
		long first = Math.floorDiv(from.getEpochSecond(), step);
		long last = Math.floorDiv(to.getEpochSecond() - 1, step);
		for (long b = first; b <= last; b++) {
			CheckSeriesBucket bucket = found.get(b);
			if (bucket == null) {
				buckets.add(new CheckSeriesBucket(Instant.ofEpochSecond(b * step), 0, 0, 0, 0, null, null, null));
				continue;
			}
			buckets.add(bucket);
			runs += bucket.runs();
			up += bucket.up();
			warning += bucket.warning();
			down += bucket.down();
			millis += totalMillis.get(b);
		}
		Long average = runs == 0 ? null : Math.round((double) millis / runs);
		return new CheckSeriesView(id, from, to, step, runs, up, warning, down, availability(runs, down), average,
				buckets);
	}

	/** Rounded down to a tenth: 999 good runs of 1,000 read 99.9 %, never 100 %. */
	static Double availability(long runs, long down) {
		return runs == 0 ? null : Math.floor((runs - down) * 1000.0 / runs) / 10.0;
	}

	private static Instant instant(String text, String field, FieldErrors errors) {
		try {
			Instant at = OffsetDateTime.parse(text).toInstant();
			// the database and the bucket arithmetic take years of this era; a year 999999999 is a mistake
			if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
				errors.add(field, "check.series.time-invalid");
				return null;
			}
			return at;
		}
		catch (DateTimeParseException e) {
			errors.add(field, "check.series.time-invalid");
			return null;
		}
	}

	private Instant databaseNow() {
		return jdbc.sql("select now()").query(Timestamp.class).single().toInstant();
	}
}
