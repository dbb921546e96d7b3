package org.yunwei.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.ChainVerification;
import org.yunwei.crypto.Digester;
import org.yunwei.support.TestDatabase;
import org.yunwei.web.RejectedRequest;

import tools.jackson.databind.json.JsonMapper;

/**
 * Purging in a database of its own: the shared test database holds only young records, and a purge removes only the
 * start of the chain, so old records must come first here. Runs the audit module's migrations and its classes
 * without the application.
 */
class AuditPurgeIntegrationTests {

	private static final String DATABASE = "audit_purge_" + ProcessHandle.current().pid();
	private static String serverUrl;
	private static JdbcClient jdbc;
	private static AuditRecords records;
	private static AuditSealer sealer;
	private static ChainVerifier verifier;
	private static AuditPurge purge;

	@BeforeAll
	static void ownDatabase() throws SQLException {
		serverUrl = TestDatabase.url();
		execute("create database " + DATABASE);
		var dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), withDatabase(serverUrl, DATABASE));
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/audit").load().migrate();
		jdbc = JdbcClient.create(dataSource);
		var transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		var digest = new ChainDigest(new Digester(false));
		records = new AuditRecords(jdbc, JsonMapper.builder().build());
		sealer = new AuditSealer(jdbc, transactions, digest);
		verifier = new ChainVerifier(jdbc, digest);
		purge = new AuditPurge(jdbc, transactions, records);
	}

	@AfterAll
	static void dropDatabase() throws SQLException {
		execute("drop database if exists " + DATABASE + " with (force)");
	}

	@Test
	void removesTheOldStartOfTheChainAndTheRestStillVerifies() {
		Instant old = Instant.now().minus(Duration.ofDays(400));
		for (int i = 0; i < 3; i++) {
			records.append(AuditEntry.of("OLD", "test", i).actor("tester"), old.plusSeconds(i));
		}
		sealer.sealPending();
		records.append(AuditEntry.of("YOUNG", "test", 1).actor("tester"), Instant.now());
		// an old time sealed after a young record stays: removing it would cut a hole into the chain
		records.append(AuditEntry.of("OLD_LATE", "test", 1).actor("tester"), old);
		sealer.sealPending();
		assertThat(verifier.verify().intact()).isTrue();

		AuditPurge.Purged purged = purge.before(Instant.now().minus(Duration.ofDays(200)));

		assertThat(purged.removed()).isEqualTo(3);
		assertThat(purged.anchorSeq()).isEqualTo(3);
		assertThat(jdbc.sql("select action from audit_record order by id").query(String.class).list())
			.containsExactly("YOUNG", "OLD_LATE", "AUDIT_PURGE");
		sealer.sealPending();
		ChainVerification verification = verifier.verify();
		assertThat(verification.intact()).isTrue();
		assertThat(verification.checked()).isEqualTo(3);

		assertThat(purge.before(Instant.now().minus(Duration.ofDays(200))).removed()).isZero();
		sealer.sealPending();
		assertThat(verifier.verify().intact()).isTrue();
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'AUDIT_PURGE'").query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void refusesACutoffYoungerThan180Days() {
		long before = count();
		assertThatExceptionOfType(RejectedRequest.class)
			.isThrownBy(() -> purge.before(Instant.now().minus(Duration.ofDays(179))))
			.satisfies(refused -> assertThat(refused.status().value()).isEqualTo(422));
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void anchorOnlyMovesForward() {
		jdbc.sql("""
				insert into audit_chain_anchor (id, chain_seq, hash, purged_at) values (1, 0, repeat('0', 64), now())
				on conflict (id) do nothing""").update();
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> jdbc.sql("update audit_chain_anchor set chain_seq = -1").update());
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> jdbc.sql("delete from audit_chain_anchor").update());
	}

	private static long count() {
		return jdbc.sql("select count(*) from audit_record").query(Long.class).single();
	}

	private static void execute(String sql) throws SQLException {
		try (var connection = DriverManager.getConnection(serverUrl); var statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static String withDatabase(String url, String database) {
		int slash = url.indexOf('/', "jdbc:postgresql://".length());
		int query = url.indexOf('?', slash);
		return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
	}
}
