package org.yunwei.dataset.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.dataset.Dataset;
import org.yunwei.dataset.DatasetContext;
import org.yunwei.dataset.DatasetPlan;

/**
 * Runs the contributors in order, each chunk in one transaction with its progress row, prints progress, and at the
 * end analyses the database, puts one record of the run on the audit trail and writes the accounts file.
 */
@Component
public class DatasetRun {

	static final String ACTOR = "system:dataset-generator";

	private final List<Dataset> contributors;
	private final DatasetProgress progress;
	private final AccountsFile accountsFile;
	private final AuditTrail audit;
	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;

	DatasetRun(List<Dataset> contributors, DatasetProgress progress, AccountsFile accountsFile, AuditTrail audit,
			JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.contributors = DatasetOrder.of(contributors);
		this.progress = progress;
		this.accountsFile = accountsFile;
		this.audit = audit;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * @return {@code true} when the dataset is complete, {@code false} when it stopped early as asked
	 * @throws IllegalStateException when the database holds a dataset generated with other arguments
	 */
	public boolean generate(GenerateOptions options) {
		long start = System.nanoTime();
		DatasetPlan plan = plan(options);
		Set<String> completed = progress.completed();
		DatasetContext context = new DatasetContext();
		Map<String, Long> written = new LinkedHashMap<>();
		int chunksRun = 0;
		for (Dataset contributor : contributors) {
			int chunks = contributor.chunks(plan);
			long contributorStart = System.nanoTime();
			int ran = 0;
			for (int chunk = 0; chunk < chunks; chunk++) {
				if (completed.contains(DatasetProgress.key(contributor.name(), chunk))) {
					continue;
				}
				long rows = chunk(contributor, plan, chunk, context);
				written.merge(contributor.name(), rows, Long::sum);
				ran++;
				chunksRun++;
				report(contributor.name(), chunk, chunks, ran, written.get(contributor.name()), contributorStart,
						completed, contributor);
				if (options.stopAfterChunks() > 0 && chunksRun >= options.stopAfterChunks()) {
					System.out.printf("Stopped after %d chunks as asked; run the same command again to resume.%n",
							chunksRun);
					return false;
				}
			}
			transaction.executeWithoutResult(status -> contributor.describe(plan, context));
		}
		if (chunksRun == 0) {
			System.out.printf("Already generated (%d tickets, seed %d): nothing to do.%n", plan.tickets(),
					plan.seed());
		}
		else {
			long analyzing = System.nanoTime();
			jdbc.sql("analyze").update();
			System.out.printf("analyze: %.1f s%n", (System.nanoTime() - analyzing) / 1e9);
			transaction.executeWithoutResult(status -> {
				Map<String, Object> after = new LinkedHashMap<>();
				after.put("seed", plan.seed());
				after.put("tickets", plan.tickets());
				after.put("rowsWritten", written);
				after.put("baseData", context.counts());
				audit.record(AuditEntry.of("DATASET_GENERATED", "dataset", plan.seed()).actor(ACTOR).after(after)
					.detail(String.valueOf(plan.tickets())));
				progress.finish(Instant.now());
			});
			System.out.printf("Generated %,d rows in %s.%n", written.values().stream().mapToLong(Long::longValue).sum(),
					duration(System.nanoTime() - start));
		}
		if (options.accountsFile() != null) {
			accountsFile.write(options.accountsFile(), plan, context);
			System.out.println("Accounts file: " + options.accountsFile().toAbsolutePath());
		}
		return true;
	}

	private DatasetPlan plan(GenerateOptions options) {
		return transaction.execute(status -> {
			var existing = progress.run();
			if (existing.isEmpty()) {
				Instant anchor = options.anchor() != null ? options.anchor()
						: Instant.now().truncatedTo(ChronoUnit.SECONDS);
				progress.start(options.seed(), options.tickets(), options.chunkSize(), anchor);
				return new DatasetPlan(options.seed(), options.tickets(), options.chunkSize(), anchor);
			}
			var run = existing.get();
			if (run.seed() != options.seed() || run.tickets() != options.tickets()
					|| run.chunkSize() != options.chunkSize()) {
				throw new IllegalStateException(("This database already holds a dataset generated with --tickets=%d "
						+ "--seed=%d --chunk-size=%d: run the command with those arguments to resume or confirm it, "
						+ "or generate into a fresh database.").formatted(run.tickets(), run.seed(),
								run.chunkSize()));
			}
			System.out.printf("Continuing the dataset begun with anchor %s.%n", run.anchor());
			return new DatasetPlan(run.seed(), run.tickets(), run.chunkSize(), run.anchor());
		});
	}

	private long chunk(Dataset contributor, DatasetPlan plan, int chunk, DatasetContext context) {
		return transaction.execute(status -> {
			long chunkStart = System.nanoTime();
			// a lost chunk (crash before the WAL reached the disk) is lost with its progress row and written again
			jdbc.sql("set local synchronous_commit = off").update();
			long rows = contributor.generate(plan, chunk, context);
			progress.complete(contributor.name(), chunk, rows, (System.nanoTime() - chunkStart) / 1_000_000);
			return rows;
		});
	}

	private static void report(String name, int chunk, int chunks, int ran, long rows, long since,
			Set<String> completed, Dataset contributor) {
		long elapsed = System.nanoTime() - since;
		int left = chunks - chunk - 1;
		double rate = rows / Math.max(elapsed / 1e9, 1e-3);
		String eta = left == 0 ? "done" : "ETA " + duration(elapsed / ran * left);
		System.out.printf("[%s] chunk %d/%d: %,d rows in %s (%,.0f rows/s), %s%n", name, chunk + 1, chunks, rows,
				duration(elapsed), rate, eta);
	}

	static String duration(long nanos) {
		Duration d = Duration.ofNanos(nanos);
		return d.toMinutes() > 0 ? "%dm%02ds".formatted(d.toMinutes(), d.toSecondsPart())
				: "%.1fs".formatted(nanos / 1e9);
	}

	/** The contributors in an order where each comes after those it names; otherwise by name. */
	static final class DatasetOrder {

		static List<Dataset> of(List<Dataset> contributors) {
			Map<String, Dataset> byName = new LinkedHashMap<>();
			contributors.stream().sorted(Comparator.comparing(Dataset::name)).forEach(c -> {
				if (byName.put(c.name(), c) != null) {
					throw new IllegalStateException("Two dataset contributors are named " + c.name());
				}
			});
			for (Dataset c : byName.values()) {
				for (String before : c.after()) {
					if (!byName.containsKey(before)) {
						throw new IllegalStateException(c.name() + " runs after " + before + ", which does not exist");
					}
				}
			}
			List<Dataset> ordered = new ArrayList<>();
			while (ordered.size() < byName.size()) {
				Dataset next = byName.values().stream()
					.filter(c -> !ordered.contains(c))
					.filter(c -> c.after().stream().allMatch(n -> ordered.contains(byName.get(n))))
					.findFirst()
					.orElseThrow(() -> new IllegalStateException("Dataset contributors wait for each other in a cycle"));
				ordered.add(next);
			}
			return List.copyOf(ordered);
		}
	}
}
