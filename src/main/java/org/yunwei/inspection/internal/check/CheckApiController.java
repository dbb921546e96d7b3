package org.yunwei.inspection.internal.check;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.inspection.internal.check.CheckReading.AutomatedCheckLine;
import org.yunwei.inspection.internal.check.CheckReading.AutomatedCheckView;
import org.yunwei.inspection.internal.check.CheckReading.CheckRunLine;
import org.yunwei.web.KeysetPage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/checks")
@Tag(name = "Automated checks", description = "自动巡检 run by Yunwei itself: HTTP (status, a text in the body, the "
		+ "response time), TCP port, TLS certificate expiry (days left; a warning under warnDays), PING "
		+ "(InetAddress.isReachable: ICMP where the JVM may, else the TCP echo port; then the given port) and "
		+ "DATABASE (PostgreSQL: connect and `select 1`; the password sealed at rest, never answered). Each check "
		+ "runs every intervalSeconds, once per cluster, bounded by timeoutMillis; failuresToAlert failures in a row "
		+ "open an incident on the configuration item's customer unit (or tell the owner), once until it recovers. "
		+ "Results are kept as a time series. Read with INSPECTION_READ, kept and run with INSPECTION_MANAGE, own "
		+ "party's (management and supervision read every party's).")
class CheckApiController {

	private final CheckKeeping keeping;
	private final CheckReading reading;
	private final CheckRunner runner;

	private final CheckSeries series;

	CheckApiController(CheckKeeping keeping, CheckReading reading, CheckRunner runner, CheckSeries series) {
		this.series = series;
		this.keeping = keeping;
		this.reading = reading;
		this.runner = runner;
	}

	@GetMapping
	@Operation(summary = "The checks I may read", description = "`q` searches name and target; `outcome` (UP, "
			+ "WARNING, DOWN) filters by the last run; `sort` name (default) or failing (most failures in a row "
			+ "first); keyset `cursor` from `next`; `limit` 1–200.")
	KeysetPage<AutomatedCheckLine> list(@RequestParam(required = false) String q,
			@RequestParam(required = false) String outcome, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
		return reading.list(q, outcome, sort, cursor, limit);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A new check of my party, owned by me", description = "400 naming the refused fields.")
	AutomatedCheckView create(@RequestBody(required = false) AutomatedCheckDraft draft) {
		return reading.view(keeping.create(draft));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A check with its settings, its state and the last day's availability")
	AutomatedCheckView get(@PathVariable long id) {
		return reading.view(id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a check", description = "The whole check; a `dbPassword` left out keeps the one "
			+ "kept. The next run is at once. 400 naming the refused fields.")
	AutomatedCheckView update(@PathVariable long id, @RequestBody(required = false) AutomatedCheckDraft draft) {
		keeping.update(id, draft);
		return reading.view(id);
	}

	@PostMapping("/{id}/pause")
	@Operation(summary = "Pause a check: it runs no more; 409 when paused already")
	AutomatedCheckView pause(@PathVariable long id) {
		keeping.pause(id);
		return reading.view(id);
	}

	@PostMapping("/{id}/resume")
	@Operation(summary = "Resume a paused check; 409 when it runs")
	AutomatedCheckView resume(@PathVariable long id) {
		keeping.resume(id);
		return reading.view(id);
	}

	@PostMapping("/{id}/run")
	@Operation(summary = "Run a check now and record the result", description = "Counts like a scheduled run: it "
			+ "may open or end an alarm.")
	CheckRunLine run(@PathVariable long id) {
		runner.runNow(id);
		return reading.results(id, null, null, 1).items().getFirst();
	}

	@GetMapping("/{id}/results")
	@Operation(summary = "A check's results, newest first", description = "`outcome` filters; keyset `cursor` from "
			+ "`next`; `limit` 1–200.")
	KeysetPage<CheckRunLine> results(@PathVariable long id, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
		return reading.results(id, outcome, cursor, limit);
	}

	@GetMapping("/{id}/series")
	@Operation(summary = "A check's results over time, in buckets, for charts", description = "Either `period` "
			+ "(DAY, WEEK, QUARTER: the last 24 hours, 7 or 90 days) or `from` and `to` (ISO-8601 times with an "
			+ "offset, e.g. 2026-12-01T00:00:00+08:00; `to` defaults to now, `from` to a day before `to`; at most 92 "
			+ "days, as results are kept 90). The span's runs, UP, WARNING and DOWN, availability (runs that were no "
			+ "failure, in percent rounded down to a tenth) and mean time, and buckets of `bucketSeconds` (10 "
			+ "minutes for a day, 1 hour for a week, 12 hours for 90 days: at most 200), empty ones included. 400 "
			+ "naming `period`, `from` or `to`.")
	CheckSeries.CheckSeriesView series(@PathVariable long id, @RequestParam(required = false) String period,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		return series.series(id, period, from, to);
	}
}
