package org.yunwei.database.internal.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunwei.audit.AuditChain;
import org.yunwei.audit.AuditTrail;
import org.yunwei.audit.ChainVerification;
import org.yunwei.database.internal.EmbeddedPostgresServer;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.ticket.internal.TicketFixtures;

/**
 * A backup taken while several clients create tickets through the API, restored into a new embedded server started
 * here (the shared database is only read): the restored database holds every ticket acknowledged before the backup
 * began and no ticket that was not acknowledged, each whole, the tables hold what the manifest says, and the audit
 * chain verifies.
 */
class DatabaseBackupIntegrationTests extends IntegrationTestSupport {

	private static final int WRITERS = 4;

	@Autowired
	DataSource dataSource;

	@Autowired
	AuditChain auditChain;

	@Autowired
	AuditTrail auditTrail;

	@TempDir
	Path work;

	@Test
	void aBackupTakenDuringWritesRestoresWhatWasAcknowledged() throws Exception {
		TicketFixtures world = new TicketFixtures(jdbc, api());
		String token = world.token(world.bureauUser);
		String marker = TestDirectory.unique("备份");
		Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
		AtomicBoolean writing = new AtomicBoolean(true);
		CountDownLatch warmedUp = new CountDownLatch(10);
		AtomicReference<String> refusal = new AtomicReference<>();
		BackupManifest manifest;
		Set<Long> acknowledgedBeforeTheBackup;
		try (ExecutorService writers = Executors.newFixedThreadPool(WRITERS)) {
			for (int w = 0; w < WRITERS; w++) {
				int writer = w;
				writers.submit(() -> {
					try {
						write(world, token, marker + " 写入者" + writer, writing, acknowledged, warmedUp);
					}
					catch (Throwable e) {
						refusal.compareAndSet(null, e.toString());
						while (warmedUp.getCount() > 0) {
							warmedUp.countDown();
						}
					}
					return null;
				});
			}
			assertThat(warmedUp.await(60, TimeUnit.SECONDS)).isTrue();
			assertThat(refusal.get()).isNull();
			acknowledgedBeforeTheBackup = Set.copyOf(acknowledged);
			manifest = new DatabaseBackup(dataSource).writeTo(work.resolve("backup"));
			writing.set(false);
			writers.shutdown();
			assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
			assertThat(refusal.get()).isNull();
		}
		assertThat(acknowledged).hasSizeGreaterThan(acknowledgedBeforeTheBackup.size());

		Path data = work.resolve("restored");
		new DatabaseRestore(work.resolve("backup")).into(data);
		assertThat(data.resolveSibling("restored.restoring")).doesNotExist();

		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0)) {
			PGSimpleDataSource restoredSource = new PGSimpleDataSource();
			restoredSource.setUrl(server.jdbcUrl("postgres"));
			JdbcClient restored = JdbcClient.create(restoredSource);

			List<Long> tickets = restored.sql("select id from ticket where subject like ? order by id")
				.param(marker + "%")
				.query(Long.class)
				.list();
			assertThat(tickets).containsAll(acknowledgedBeforeTheBackup);
			assertThat(acknowledged).containsAll(tickets);
			for (long ticket : tickets) {
				assertThat(restored.sql("select count(*) from ticket_entry where ticket_id = ?").param(ticket)
					.query(Long.class).single()).as("timeline of ticket %d", ticket).isPositive();
				assertThat(restored.sql("select count(*) from audit_record where object_id = ? and object_type = 'ticket'")
					.param(Long.toString(ticket)).query(Long.class).single()).as("audit of ticket %d", ticket)
					.isPositive();
			}
			for (BackupManifest.Table table : manifest.tables()) {
				assertThat(restored.sql("select count(*) from \"" + table.name() + "\"").query(Long.class).single())
					.as(table.name())
					.isEqualTo(table.rows());
			}
			// the next ticket gets a new id, not one the backup holds
			long maxId = restored.sql("select max(id) from ticket").query(Long.class).single();
			long next = restored.sql("select nextval(pg_get_serial_sequence('ticket', 'id'))").query(Long.class)
				.single();
			assertThat(next).isGreaterThan(maxId);

			ChainVerification chain = auditChain.verifyIn(restoredSource);
			assertThat(chain.intact()).as(chain.toString()).isTrue();
			assertThat(chain.checked()).isPositive();
		}
	}

	/** Creates tickets one after another while {@code writing}, each acknowledged one's id into {@code acknowledged}. */
	private void write(TicketFixtures world, String token, String subject, AtomicBoolean writing, Set<Long> acknowledged,
			CountDownLatch warmedUp) {
		for (int n = 0; writing.get(); n++) {
			var response = api().post("/api/v1/tickets", token, world.ticket(subject + " 第" + n + "张"));
			if (response.status() != 201) {
				throw new AssertionError(response.status() + " " + response.body());
			}
			acknowledged.add(response.json().get("ticket").get("id").asLong());
			warmedUp.countDown();
		}
	}

	@Test
	void neitherWritesIntoNorRestoresOverADirectoryThatHoldsSomething() throws Exception {
		Path occupied = Files.createDirectories(work.resolve("occupied"));
		Files.writeString(occupied.resolve("PG_VERSION"), "17");
		assertThatThrownBy(() -> new DatabaseBackup(dataSource).writeTo(occupied)).isInstanceOf(BackupRefused.class)
			.hasMessageContaining("not empty");

		Path backup = work.resolve("backup");
		new ScheduledBackup(dataSource, new BackupProperties(work.resolve("scheduled").toString(), "-", 1),
				auditTrail).run();
		try (var listed = Files.list(work.resolve("scheduled"))) {
			Files.move(listed.findFirst().orElseThrow(), backup);
		}
		assertThatThrownBy(() -> new DatabaseRestore(backup).into(occupied)).isInstanceOf(BackupRefused.class)
			.hasMessageContaining("not empty");
		try (var left = Files.list(occupied)) {
			assertThat(left.map(p -> p.getFileName().toString())).containsExactly("PG_VERSION");
		}
		assertThat(work.resolve("occupied.restoring")).doesNotExist();

		assertThatThrownBy(() -> new DatabaseRestore(work.resolve("occupied")).into(work.resolve("new")))
			.isInstanceOf(BackupRefused.class)
			.hasMessageContaining("no finished backup");
	}

	@Test
	void theScheduledBackupKeepsTheNewestAndIsAudited() throws Exception {
		Path root = work.resolve("scheduled");
		Files.createDirectories(root.resolve(ScheduledBackup.PREFIX + "20200101T000000Z" + ScheduledBackup.PARTIAL));
		BackupProperties keepTwo = new BackupProperties(root.toString(), "-", 2);
		Instant first = Instant.parse("2026-12-01T02:30:00Z");
		for (int day = 0; day < 3; day++) {
			Clock clock = Clock.fixed(first.plusSeconds(86_400L * day), ZoneOffset.UTC);
			assertThat(new ScheduledBackup(dataSource, keepTwo, auditTrail, clock).run()).isNotNull();
		}
		try (var listed = Files.list(root)) {
			assertThat(listed.map(p -> p.getFileName().toString()).sorted()).containsExactly(
					"yunwei-backup-20261202T023000Z", "yunwei-backup-20261203T023000Z");
		}
		assertThat(BackupManifest.readFrom(root.resolve("yunwei-backup-20261203T023000Z")).tables()).isNotEmpty();
		assertThat(jdbc.sql("""
				select count(*) from audit_record where action = 'DATABASE_BACKUP' and outcome = 'SUCCESS'
				  and object_id = 'yunwei-backup-20261203T023000Z'""").query(Long.class).single()).isEqualTo(1);

		// a backup that cannot be written is logged and audited as failed, and deletes nothing
		Path file = Files.writeString(work.resolve("not-a-directory"), "");
		Clock later = Clock.fixed(first.plusSeconds(86_400L * 5), ZoneOffset.UTC);
		assertThat(new ScheduledBackup(dataSource, new BackupProperties(file.toString(), "-", 1), auditTrail, later)
			.run()).isNull();
		assertThat(jdbc.sql("""
				select count(*) from audit_record where action = 'DATABASE_BACKUP' and outcome = 'FAILURE'
				  and object_id = 'yunwei-backup-20261206T023000Z'""").query(Long.class).single()).isEqualTo(1);
	}
}
