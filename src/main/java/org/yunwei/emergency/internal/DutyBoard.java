package org.yunwei.emergency.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yunwei.emergency.OnDuty;

/** {@link OnDuty} from the rosters' shifts, within the reader's scope. */
@Component
class DutyBoard implements OnDuty {

	private final DutyReading reading;
	private final EmergencyAccess access;

	DutyBoard(DutyReading reading, EmergencyAccess access) {
		this.reading = reading;
		this.access = access;
	}

	@Override
	public Optional<List<OnDutyPerson>> forCurrentPerson() {
		if (!access.mayRead()) {
			return Optional.empty();
		}
		return Optional.of(reading.onDuty().stream()
			.map(s -> new OnDutyPerson(s.personName(), s.phone(), s.lead(), s.endsAt())).toList());
	}
}
