package org.yunwei.problem.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.identity.Actor;

/** The table {@code problem_entry}, a problem's timeline: the only class that writes it. */
@Repository
public class ProblemTimeline {

	private final JdbcClient jdbc;

	ProblemTimeline(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What happened to a problem: a step of its lifecycle or a record made, with its text where it has one. */
	public enum Kind {
		OPENED, INCIDENT_LINKED, ANALYSIS_STARTED, ROOT_CAUSE, EMERGENCY_PLAN, SOLUTION, IMPLEMENTATION, WORK_STARTED,
		KNOWN_ERROR, RESOLVED, CLOSED, ARTICLE_PROPOSED, CANCELLED
	}

	/** One entry as the detail page shows it. */
	public record Entry(Kind kind, String text, String actorName, Instant at) {
	}

	void add(long problemId, Kind kind, String text, Actor actor, Instant at) {
		jdbc.sql("insert into problem_entry (problem_id, kind, text, actor_id, actor_name, at) values (?, ?, ?, ?, ?, ?)")
			.params(problemId, kind.name(), text, actor.userId(), actor.displayName(), Timestamp.from(at))
			.update();
	}

	public List<Entry> of(long problemId) {
		return jdbc.sql("select kind, text, actor_name, at from problem_entry where problem_id = ? order by id")
			.param(problemId)
			.query((rs, n) -> new Entry(Kind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.list();
	}
}
