package org.yunwei.change.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunwei.sla.ClockSubject;
import org.yunwei.sla.ClockSubjects;

/**
 * Lets the SLA pages find a change's clocks by its number ({@code CHG-20261207-0001}) and name a clock's change by
 * its number, for readers of changes within their scope.
 */
@Component
class ChangesAsClockSubjects implements ClockSubjects {

	private final JdbcClient jdbc;
	private final ChangeScope scope;
	private final ChangeRecords records;

	ChangesAsClockSubjects(JdbcClient jdbc, ChangeScope scope, ChangeRecords records) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.records = records;
	}

	@Override
	public Optional<ClockSubject> byNumber(String number) {
		if (!scope.mayRead()) {
			return Optional.empty();
		}
		var visible = ChangeScope.visibleTo(scope.reader());
		return jdbc.sql("select id from change_request where number = ?")
			.param(number.strip().toUpperCase(Locale.ROOT)).query(Long.class).optional()
			.flatMap(records::find).filter(visible).map(change -> ChangeClocks.subject(change.id()));
	}

	@Override
	public Map<ClockSubject, SubjectName> names(Collection<ClockSubject> subjects) {
		Map<ClockSubject, SubjectName> names = new HashMap<>();
		List<Long> ids = subjects.stream().filter(s -> s.type().equals(ChangeClocks.SUBJECT_TYPE))
			.map(ClockSubject::id).filter(id -> id.chars().allMatch(Character::isDigit) && id.length() < 19)
			.map(Long::valueOf).toList();
		if (ids.isEmpty() || !scope.mayRead()) {
			return names;
		}
		var visible = ChangeScope.visibleTo(scope.reader());
		for (long id : ids) {
			records.find(id).filter(visible).ifPresent(change -> names.put(ChangeClocks.subject(id),
					new SubjectName(change.number(), "/changes/" + id)));
		}
		return names;
	}
}
