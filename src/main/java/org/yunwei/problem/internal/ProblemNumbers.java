package org.yunwei.problem.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The table {@code problem_number_counter}: numbers {@code PRB-20261207-0001} without gaps or collisions. The day's
 * row stays locked by the transaction that took a number until it commits; a rollback gives the number back.
 */
@Repository
class ProblemNumbers {

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private final JdbcClient jdbc;

	ProblemNumbers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	String next(LocalDate day) {
		int n = jdbc.sql("""
				insert into problem_number_counter (day, last) values (?, 1)
				on conflict (day) do update set last = problem_number_counter.last + 1 returning last""")
			.param(Date.valueOf(day)).query(Integer.class).single();
		return "PRB-" + DAY.format(day) + "-" + String.format("%04d", n);
	}
}
