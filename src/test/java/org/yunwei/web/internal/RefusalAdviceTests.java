package org.yunwei.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.yunwei.web.RejectedRequest;
import org.yunwei.web.ServiceUnavailable;

class RefusalAdviceTests {

	private final RefusalAdvice advice = new RefusalAdvice(messages(),
			new ServiceUnavailable(messages(), new org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver(),
					null));

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void aDuplicateKeyRaceIsAConflictNotAServerError() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		var answer = (ResponseEntity<?>) advice.constraint(new DuplicateKeyException("party_name_unique"),
				new MockHttpServletRequest("POST", "/api/v1/parties"));
		assertThat(answer.getStatusCode().value()).isEqualTo(409);
		var problem = (ProblemDetail) answer.getBody();
		assertThat(problem.getType().toString()).isEqualTo("urn:yunwei:problem:duplicate");
		assertThat(problem.getDetail()).contains("已存在");
	}

	@Test
	void aDatabaseThatCannotBeReachedIsA503WithRetryAfterNotAServerError() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		var lost = new org.springframework.jdbc.CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
				new java.sql.SQLTransientConnectionException("yunwei - Connection is not available"));
		var answer = (ResponseEntity<?>) advice.unexpected(lost, new MockHttpServletRequest("POST", "/api/v1/tickets"));
		assertThat(answer.getStatusCode().value()).isEqualTo(503);
		assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
		assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		assertThat((String) answer.getBody()).contains("\"status\":503", "urn:yunwei:problem:unavailable",
				"cannot reach its database");
		// a broken connection under a query (SQL state class 08) is the same outage; a bug is not
		assertThat(ServiceUnavailable.causedBy(new RuntimeException(new java.sql.SQLException("I/O error", "08006"))))
			.isTrue();
		assertThat(ServiceUnavailable.causedBy(new IllegalStateException("a bug"))).isFalse();
	}

	@Test
	void aCommitLostWithItsConnectionIsTheSameOutage() {
		// the postmaster died during the commit; the rollback then found the connection closed, and Spring threw that
		var rollback = new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
				new java.sql.SQLException("Connection is closed"));
		assertThat(ServiceUnavailable.causedBy(rollback)).isTrue();
		assertThat(ServiceUnavailable.causedBy(new org.springframework.transaction.TransactionSystemException(
				"Could not commit: a constraint"))).isFalse();
	}

	@Test
	void notFoundNamesTheKindOfRecordInTheRequestersLanguage() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		var chinese = (ProblemDetail) ((ResponseEntity<?>) advice.rejected(RejectedRequest.notFound("org-unit"),
				new MockHttpServletRequest("GET", "/api/v1/org-units/9"))).getBody();
		assertThat(chinese.getDetail()).isEqualTo("找不到所请求的组织机构。");
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		var english = (ProblemDetail) ((ResponseEntity<?>) advice.rejected(RejectedRequest.notFound("org-unit"),
				new MockHttpServletRequest("GET", "/api/v1/org-units/9"))).getBody();
		assertThat(english.getDetail()).isEqualTo("The requested organisation unit does not exist.");
	}

	@Test
	void aParameterThatDoesNotConvertNamesTheParameterAndItsFormNeverAJavaType() throws Exception {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		var mismatch = new org.springframework.web.method.annotation.MethodArgumentTypeMismatchException("later",
				java.time.DayOfWeek.class, "day", null, new IllegalArgumentException("No enum constant"));
		var problem = (ProblemDetail) ((ResponseEntity<?>) advice.mismatched(mismatch,
				new MockHttpServletRequest("GET", "/api/v1/calendars"))).getBody();
		var errors = (java.util.Map<?, ?>) problem.getProperties().get("errors");
		assertThat(errors.get("day")).isEqualTo(
				"day must be one of: MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY");
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		var date = new org.springframework.web.method.annotation.MethodArgumentTypeMismatchException("2026-13-01",
				java.time.LocalDate.class, "from", null, new IllegalArgumentException());
		var chinese = (ProblemDetail) ((ResponseEntity<?>) advice.mismatched(date,
				new MockHttpServletRequest("GET", "/api/v1/tickets"))).getBody();
		assertThat(((java.util.Map<?, ?>) chinese.getProperties().get("errors")).get("from").toString())
			.startsWith("from 应为日期").contains("yyyy-MM-dd").doesNotContain("java");
	}

	private static ResourceBundleMessageSource messages() {
		var messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}
}
