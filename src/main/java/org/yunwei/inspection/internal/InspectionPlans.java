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
						rs.getBoolean("working_days_only"), rs.getString("cron")),
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
				  working_days_only, calendar_id, due_time, starts_on, ends_on, cron)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(partyId, ownerId, content.name(), content.templateId(), schedule.frequency().name(),
					schedule.dayOfWeek() == null ? null : schedule.dayOfWeek().getValue(), schedule.dayOfMonth(),
					schedule.workingDaysOnly(), content.calendarId(), Time.valueOf(content.dueTime()),
					Date.valueOf(content.startsOn()), content.endsOn() == null ? null : Date.valueOf(content.endsOn()),
					schedule.cron())
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

	/**
	 * New settings, targets and rota for a plan. A target still named keeps its row (its tasks point at it); one
	 * taken out is marked removed; a new one is added after the rest.
	 */
	void update(long id, PlanContent content) {
		InspectionSchedule schedule = content.schedule();
		jdbc.sql("""
				update inspection_plan set name = ?, frequency = ?, day_of_week = ?, day_of_month = ?, working_days_only = ?,
				  calendar_id = ?, due_time = ?, starts_on = ?, ends_on = ?, cron = ?, updated_at = now() where id = ?""")
			.params(content.name(), schedule.frequency().name(),
					schedule.dayOfWeek() == null ? null : schedule.dayOfWeek().getValue(), schedule.dayOfMonth(),
					schedule.workingDaysOnly(), content.calendarId(), Time.valueOf(content.dueTime()),
					Date.valueOf(content.startsOn()), content.endsOn() == null ? null : Date.valueOf(content.endsOn()),
					schedule.cron(), id)
			.update();
		List<PlanTarget> kept = jdbc.sql("select * from inspection_plan_target where plan_id = ? order by position")
			.param(id).query(TARGET).list();
		java.util.Set<String> wanted = new java.util.HashSet<>();
		content.targets().forEach(t -> wanted.add(key(t)));
		java.util.Set<String> present = new java.util.HashSet<>();
		for (PlanTarget target : kept) {
			boolean stays = wanted.contains(key(target));
			present.add(key(target));
			jdbc.sql("update inspection_plan_target set removed = ? where id = ?").params(!stays, target.id()).update();
		}
		int position = kept.size();
		for (PlanTarget target : content.targets()) {
			if (!present.contains(key(target))) {
				jdbc.sql("""
						insert into inspection_plan_target (plan_id, position, kind, ci_id, location, label)
						values (?, ?, ?, ?, ?, ?)""")
					.params(id, position++, target.kind(), target.ciId(), target.location(), target.label()).update();
			}
		}
		jdbc.sql("delete from inspection_plan_assignee where plan_id = ?").param(id).update();
		for (int i = 0; i < content.assigneeIds().size(); i++) {
			jdbc.sql("insert into inspection_plan_assignee (plan_id, position, user_id) values (?, ?, ?)")
				.params(id, i, content.assigneeIds().get(i)).update();
		}
	}

	private static String key(PlanTarget target) {
		return target.ciId() != null ? "ci:" + target.ciId() : "place:" + target.location();
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
		return jdbc.sql("select * from inspection_plan_target where plan_id = ? and not removed order by position")
			.param(planId).query(TARGET).list();
	}

	List<Long> assignees(long planId) {
		return jdbc.sql("select user_id from inspection_plan_assignee where plan_id = ? order by position")
			.param(planId).query(Long.class).list();
	}

	/** The ids of the configuration items that some active plan inspects. */
	List<Long> plannedItems() {
		return jdbc.sql("""
				select distinct t.ci_id from inspection_plan_target t join inspection_plan p on p.id = t.plan_id
				where p.active and not t.removed and t.ci_id is not null""").query(Long.class).list();
	}
}
