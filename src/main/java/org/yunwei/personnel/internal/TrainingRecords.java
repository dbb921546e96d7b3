package org.yunwei.personnel.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.identity.DataScope;

/**
 * The one writer of the training tables: {@code training_plan}, {@code training_course}, {@code training_session}
 * and {@code training_attendance}, which together make one plan.
 */
@Repository
class TrainingRecords {

	record PlanRow(long id, long partyId, int year, String title, String needs) {
	}

	record CourseRow(long id, long planId, String title, CourseCategory category, BigDecimal hours) {
	}

	record SessionRow(long id, long courseId, LocalDate heldOn, String place, String trainer, String examTitle,
			BigDecimal passScore, BigDecimal maxScore) {

		boolean hasExam() {
			return maxScore != null;
		}
	}

	/** @param hours the hours attended when they differ from the course's ({@code null}: the course's) */
	record AttendanceRow(long sessionId, long staffId, BigDecimal score, BigDecimal hours, String remarks) {
	}

	/** An attendee as the attendance import records them. */
	record ImportedAttendance(long staffId, BigDecimal hours, BigDecimal score, String remarks) {
	}

	/** One session a person attended, with its course and plan. */
	record PersonalRow(long planId, String planTitle, String courseTitle, CourseCategory category, BigDecimal hours,
			SessionRow session, BigDecimal score, BigDecimal attendedHours, String remarks) {
	}

	private final JdbcClient jdbc;

	TrainingRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insertPlan(long partyId, int year, String title, String needs, long createdBy) {
		return jdbc.sql("""
				insert into training_plan (party_id, year, title, needs, created_by) values (?, ?, ?, ?, ?)
				returning id""").params(partyId, year, title, needs, createdBy).query(Long.class).single();
	}

	long insertCourse(long planId, String title, CourseCategory category, BigDecimal hours) {
		return jdbc.sql("insert into training_course (plan_id, title, category, hours) values (?, ?, ?, ?) returning id")
			.params(planId, title, category.name(), hours)
			.query(Long.class)
			.single();
	}

	long insertSession(long courseId, LocalDate heldOn, String place, String trainer) {
		return jdbc.sql("insert into training_session (course_id, held_on, place, trainer) values (?, ?, ?, ?) "
				+ "returning id").params(courseId, heldOn, place, trainer).query(Long.class).single();
	}

	void setExam(long sessionId, String title, BigDecimal passScore, BigDecimal maxScore) {
		jdbc.sql("update training_session set exam_title = ?, pass_score = ?, max_score = ? where id = ?")
			.params(title, passScore, maxScore, sessionId)
			.update();
	}

	/** Replaces who attended a session; the scores of those who stay are kept. */
	void setAttendance(long sessionId, List<Long> staffIds) {
		String ids = staffIds.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}"));
		jdbc.sql("delete from training_attendance where session_id = ? and not (staff_id = any(cast(? as bigint[])))")
			.params(sessionId, ids)
			.update();
		jdbc.sql("""
				insert into training_attendance (session_id, staff_id)
				select ?, unnest(cast(? as bigint[])) on conflict do nothing""").params(sessionId, ids).update();
	}

	/** Adds the attendees, or replaces the hours, score and remarks of those recorded already; others stay. */
	void importAttendance(long sessionId, List<ImportedAttendance> rows) {
		for (ImportedAttendance row : rows) {
			jdbc.sql("""
					insert into training_attendance (session_id, staff_id, hours, score, remarks) values (?, ?, ?, ?, ?)
					on conflict (session_id, staff_id) do update
					set hours = excluded.hours, score = excluded.score, remarks = excluded.remarks""")
				.params(sessionId, row.staffId(), row.hours(), row.score(), row.remarks())
				.update();
		}
	}

	void setScores(long sessionId, Map<Long, BigDecimal> scores) {
		scores.forEach((staffId, score) -> jdbc.sql(
				"update training_attendance set score = ? where session_id = ? and staff_id = ?")
			.params(score, sessionId, staffId)
			.update());
	}

	Optional<PlanRow> plan(long id) {
		return jdbc.sql("select id, party_id, year, title, needs from training_plan where id = ?")
			.param(id)
			.query((rs, n) -> new PlanRow(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5)))
			.optional();
	}

	/** Locks a plan while its parts change, so that two keepers' writes to one plan do not interleave. */
	Optional<PlanRow> planForUpdate(long id) {
		return jdbc.sql("select id, party_id, year, title, needs from training_plan where id = ? for update")
			.param(id)
			.query((rs, n) -> new PlanRow(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5)))
			.optional();
	}

	List<PlanRow> plans(DataScope scope, NewestFirst after, int limit) {
		DataScope.Condition where = scope.where("p.party_id", "null::bigint");
		List<Object> params = new ArrayList<>(where.parameters());
		params.addAll(after.parameters());
		params.add(limit);
		return jdbc.sql("select p.id, p.party_id, p.year, p.title, p.needs from training_plan p where " + where.sql()
				+ after.condition("p.year", "p.id", "integer") + " order by p.year desc, p.id desc limit ?")
			.params(params)
			.query((rs, n) -> new PlanRow(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5)))
			.list();
	}

	List<CourseRow> courses(long planId) {
		return jdbc.sql("select id, plan_id, title, category, hours from training_course where plan_id = ? order by id")
			.param(planId)
			.query((rs, n) -> new CourseRow(rs.getLong(1), rs.getLong(2), rs.getString(3),
					CourseCategory.valueOf(rs.getString(4)), rs.getBigDecimal(5)))
			.list();
	}

	List<SessionRow> sessions(long planId) {
		return jdbc.sql("""
				select s.id, s.course_id, s.held_on, s.place, s.trainer, s.exam_title, s.pass_score, s.max_score
				from training_session s join training_course c on c.id = s.course_id where c.plan_id = ?
				order by s.held_on, s.id""")
			.param(planId)
			.query((rs, n) -> session(rs))
			.list();
	}

	Optional<SessionRow> session(long planId, long sessionId) {
		return jdbc.sql("""
				select s.id, s.course_id, s.held_on, s.place, s.trainer, s.exam_title, s.pass_score, s.max_score
				from training_session s join training_course c on c.id = s.course_id where c.plan_id = ? and s.id = ?""")
			.params(planId, sessionId)
			.query((rs, n) -> session(rs))
			.optional();
	}

	boolean courseOf(long planId, long courseId) {
		return jdbc.sql("select count(*) from training_course where plan_id = ? and id = ?")
			.params(planId, courseId)
			.query(Long.class)
			.single() > 0;
	}

	List<AttendanceRow> attendance(long planId) {
		return jdbc.sql("""
				select a.session_id, a.staff_id, a.score, a.hours, a.remarks from training_attendance a
				join training_session s on s.id = a.session_id join training_course c on c.id = s.course_id
				where c.plan_id = ? order by a.session_id, a.staff_id""")
			.param(planId)
			.query((rs, n) -> new AttendanceRow(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3),
					rs.getBigDecimal(4), rs.getString(5)))
			.list();
	}

	/** The sessions a person attended, newest first. */
	List<PersonalRow> ofStaff(long staffId) {
		return jdbc.sql("""
				select p.id as plan_id, p.title as plan_title, c.title as course_title, c.category, c.hours,
				  s.id, s.course_id, s.held_on, s.place, s.trainer, s.exam_title, s.pass_score, s.max_score, a.score,
				  a.hours as attended_hours, a.remarks
				from training_attendance a join training_session s on s.id = a.session_id
				join training_course c on c.id = s.course_id join training_plan p on p.id = c.plan_id
				where a.staff_id = ? order by s.held_on desc, s.id desc""")
			.param(staffId)
			.query((rs, n) -> new PersonalRow(rs.getLong("plan_id"), rs.getString("plan_title"),
					rs.getString("course_title"), CourseCategory.valueOf(rs.getString("category")),
					rs.getBigDecimal("hours"), session(rs), rs.getBigDecimal("score"), rs.getBigDecimal("attended_hours"),
					rs.getString("remarks")))
			.list();
	}

	private static SessionRow session(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new SessionRow(rs.getLong("id"), rs.getLong("course_id"), rs.getObject("held_on", LocalDate.class),
				rs.getString("place"), rs.getString("trainer"), rs.getString("exam_title"),
				rs.getBigDecimal("pass_score"), rs.getBigDecimal("max_score"));
	}
}
