package org.yunwei.inspection.internal;

import java.sql.Date;
import java.sql.Time;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes and reads {@code inspection_plan}, {@code inspection_plan_target} and {@code inspection_plan_assignee}. */
@Repository
public class InspectionPlans {

	private static final RowMapper<InspectionPlan> PLAN = (rs, n) -> {
		Integer weekday = rs.getObject("day_of_week", Integer.class);
		Date through = rs.getDate("generated_through");
		Date ends = rs.getDate("ends_on");
		return new InspectionPlan(rs.getLong("id"), rs.getLong("party_id"), rs.getLong("owner_id"),
				rs.getString("name"), rs.getLong("template_id"),
				new InspectionSchedule(Frequency.valueOf(rs.getString("frequency")),
						weekday == null ? null : DayOfWeek.of(weekday), rs.getObject("day_of_month", Integer.class),
						rs.getBoolean("working_days_only")),
				rs.getLong("calendar_id"), rs.getTime("due_time").toLocalTime(), rs.getDate("starts_on").toLocalDate(),
				ends == null ? null : ends.toLocalDate(), rs.getBoolean("active"),
				through == null ? null : through.toLocalDate());
	};

	private static final RowMapper<PlanTarget> TARGET = (rs, n) -> new PlanTarget(rs.getLong("id"),
			rs.getString("kind"), rs.getObject("ci_id", Long.class), rs.getString("location"), rs.getString("label"));

	private final JdbcClient jdbc;

	InspectionPlans(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long partyId, long ownerId, PlanContent content) {
		InspectionSchedule schedule = content.schedule();
		long id = jdbc.sql("""
				insert into inspection_plan (party_id, owner_id, name, template_id, frequency, day_of_week, day_of_month,
				  working_days_only, calendar_id, due_time, starts_on, ends_on)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(partyId, ownerId, content.name(), content.templateId(), schedule.frequency().name(),
					schedule.dayOfWeek() == null ? null : schedule.dayOfWeek().getValue(), schedule.dayOfMonth(),
					schedule.workingDaysOnly(), content.calendarId(), Time.valueOf(content.dueTime()),
					Date.valueOf(content.startsOn()), content.endsOn() == null ? null : Date.valueOf(content.endsOn()))
			.query(Long.class).single();
		for (int i = 0; i < content.targets().size(); i++) {
			PlanTarget target = content.targets().get(i);
			jdbc.sql("""
					insert into inspection_plan_target (plan_id, position, kind, ci_id, location, label)
					values (?, ?, ?, ?, ?, ?)""")
				.params(id, i, target.kind(), target.ciId(), target.location(), target.label()).update();
		}
		for (int i = 0; i < content.assigneeIds().size(); i++) {
			jdbc.sql("insert into inspection_plan_assignee (plan_id, position, user_id) values (?, ?, ?)")
				.params(id, i, content.assigneeIds().get(i)).update();
		}
		return id;
	}

	void updateActive(InspectionPlan plan) {
		jdbc.sql("update inspection_plan set active = ?, updated_at = now() where id = ?")
			.params(plan.active(), plan.id()).update();
	}

	void markGenerated(long planId, LocalDate through) {
		jdbc.sql("""
				update inspection_plan set generated_through = greatest(coalesce(generated_through, ?), ?)
				where id = ?""")
			.params(Date.valueOf(through), Date.valueOf(through), planId).update();
	}

	public Optional<InspectionPlan> find(long id) {
		return jdbc.sql("select * from inspection_plan where id = ?").param(id).query(PLAN).optional();
	}

	Optional<InspectionPlan> findForUpdate(long id) {
		return jdbc.sql("select * from inspection_plan where id = ? for update").param(id).query(PLAN).optional();
	}

	/** The plans of a party by name; {@code null}: every party's. */
	List<InspectionPlan> list(Long partyId) {
		return jdbc.sql("""
				select * from inspection_plan where cast(? as bigint) is null or party_id = ? order by name, id""")
			.params(partyId, partyId).query(PLAN).list();
	}

	/** The plans that run, to generate their tasks. */
	List<InspectionPlan> active() {
		return jdbc.sql("select * from inspection_plan where active order by id").query(PLAN).list();
	}

	List<PlanTarget> targets(long planId) {
		return jdbc.sql("select * from inspection_plan_target where plan_id = ? order by position").param(planId)
			.query(TARGET).list();
	}

	List<Long> assignees(long planId) {
		return jdbc.sql("select user_id from inspection_plan_assignee where plan_id = ? order by position")
			.param(planId).query(Long.class).list();
	}

	/** The ids of the configuration items that some active plan inspects. */
	List<Long> plannedItems() {
		return jdbc.sql("""
				select distinct t.ci_id from inspection_plan_target t join inspection_plan p on p.id = t.plan_id
				where p.active and t.ci_id is not null""").query(Long.class).list();
	}
}
