package org.yunwei.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yunwei.audit.Outcome;
import org.yunwei.web.RejectedRequest;

class AuditQueryTests {

	@Test
	void readsDatesAsWholeDaysInShanghaiAndInstantsInclusively() {
		AuditQuery days = AuditQuery.parse(Map.of("from", "2026-11-01", "to", "2026-11-01")::get);
		assertThat(days.from()).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
		assertThat(days.toExclusive()).isEqualTo(Instant.parse("2026-11-01T16:00:00Z"));

		AuditQuery instants = AuditQuery.parse(
				Map.of("from", "2026-11-01T08:00", "to", "2026-11-01T10:00:00+08:00", "outcome", "denied")::get);
		assertThat(instants.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
		assertThat(instants.toExclusive()).isEqualTo(Instant.parse("2026-11-01T02:00:00.000001Z"));
		assertThat(instants.outcome()).isEqualTo(Outcome.DENIED);
		assertThat(instants.limit()).isEqualTo(AuditQuery.DEFAULT_LIMIT);
	}

	@Test
	void cursorsRoundTripAndForgeriesAreRefused() {
		assertThat(AuditQuery.parse(Map.of("cursor", AuditQuery.cursorAfter(42))::get).afterId()).isEqualTo(42);
		for (String forged : new String[] { "42", "djE6", "djE6YWJj", "%%%" }) {
			assertThatExceptionOfType(RejectedRequest.class)
				.isThrownBy(() -> AuditQuery.parse(Map.of("cursor", forged)::get))
				.satisfies(refused -> assertThat(refused.fieldErrors()).containsKey("cursor"));
		}
	}

	@Test
	void reportsEveryBadFieldAtOnce() {
		assertThatExceptionOfType(RejectedRequest.class)
			.isThrownBy(() -> AuditQuery.parse(Map.of("from", "soon", "limit", "500", "actor", "x".repeat(201))::get))
			.satisfies(refused -> assertThat(refused.fieldErrors()).containsOnlyKeys("from", "limit", "actor"));
	}

	@Test
	void linksRepeatTheFiltersSafely() {
		String link = AuditQuery.link("/audit",
				Map.of("from", "2026-11-01T08:00+08:00", "actor", "张 三", "limit", "9")::get, "abc");
		assertThat(link).startsWith("/audit?")
			.contains("actor=%E5%BC%A0+%E4%B8%89", "from=2026-11-01T08%3A00%2B08%3A00", "cursor=abc")
			.doesNotContain("limit");
		assertThat(AuditQuery.link("/audit/export", Map.<String, String>of()::get, null)).isEqualTo("/audit/export");
	}
}
