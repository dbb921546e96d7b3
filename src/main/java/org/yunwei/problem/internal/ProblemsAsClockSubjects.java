package org.yunwei.problem.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunwei.identity.Actors;
import org.yunwei.identity.DataScope;
import org.yunwei.sla.ClockSubject;
import org.yunwei.sla.ClockSubjects;

/**
 * Lets the SLA pages find a problem's clocks by its number and name a clock's problem by its number, for readers of
 * problems within their scope.
 */
@Component
class ProblemsAsClockSubjects implements ClockSubjects {

	private final JdbcClient jdbc;
	private final Actors actors;

	ProblemsAsClockSubjects(JdbcClient jdbc, Actors actors) {
		this.jdbc = jdbc;
		this.actors = actors;
	}

	private record Placed(long id, String number, long partyId, long orgUnitId) {
	}

	@Override
	public Optional<ClockSubject> byNumber(String number) {
		Optional<DataScope> scope = scope();
		if (scope.isEmpty()) {
			return Optional.empty();
		}
		return jdbc.sql("select id, number, party_id, org_unit_id from problem where number = ?")
			.param(number.strip().toUpperCase(Locale.ROOT)).query(Placed.class).optional()
			.filter(p -> scope.get().includes(p.partyId(), p.orgUnitId()))
			.map(p -> ProblemClocks.subject(p.id()));
	}

	@Override
	public Map<ClockSubject, SubjectName> names(Collection<ClockSubject> subjects) {
		Optional<DataScope> scope = scope();
		List<String> ids = subjects.stream().filter(s -> s.type().equals(ProblemClocks.SUBJECT_TYPE))
			.map(ClockSubject::id).filter(id -> id.chars().allMatch(Character::isDigit) && id.length() < 19).toList();
		Map<ClockSubject, SubjectName> names = new HashMap<>();
		if (scope.isEmpty() || ids.isEmpty()) {
			return names;
		}
		jdbc.sql("select id, number, party_id, org_unit_id from problem where id = any(cast(? as bigint[]))")
			.param("{" + String.join(",", ids) + "}").query(Placed.class).list().stream()
			.filter(p -> scope.get().includes(p.partyId(), p.orgUnitId()))
			.forEach(p -> names.put(ProblemClocks.subject(p.id()), new SubjectName(p.number(), "/problems/" + p.id())));
		return names;
	}

	private Optional<DataScope> scope() {
		return actors.find().filter(ProblemAccess::reads).map(actors::scopeOf);
	}
}
