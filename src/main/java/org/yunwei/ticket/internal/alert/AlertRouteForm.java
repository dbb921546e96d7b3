package org.yunwei.ticket.internal.alert;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.yunwei.web.FieldErrors;

/**
 * The alert route form as typed: matchers are one {@code label=value} per line, a checkbox left unticked is absent.
 */
record AlertRouteForm(Long accountUserId, String name, String position, String matchers, Long customerOrgUnitId,
		Long serviceId, Long groupId, Boolean autoResolve, Boolean enabled) {

	static AlertRouteForm blank() {
		return new AlertRouteForm(null, null, "100", null, null, null, null, false, true);
	}

	static AlertRouteForm of(AlertRoute route) {
		return new AlertRouteForm(route.accountUserId(), route.name(), String.valueOf(route.position()),
				route.matchers().entrySet().stream().map(m -> m.getKey() + "=" + m.getValue())
					.collect(Collectors.joining("\n")),
				route.customerOrgUnitId(), route.serviceId(), route.groupId(), route.autoResolve(), route.enabled());
	}

	/** The draft to submit; a position that is no number or a line without "=" is refused here. */
	AlertRouteDraft draft() {
		FieldErrors errors = new FieldErrors();
		Integer number = null;
		String typed = FieldErrors.clean(position);
		if (typed != null) {
			try {
				number = Integer.valueOf(typed);
			}
			catch (NumberFormatException e) {
				errors.add("position", "field.number");
			}
		}
		Map<String, String> parsed = new LinkedHashMap<>();
		if (matchers != null) {
			for (String line : matchers.split("\\R")) {
				if (line.isBlank()) {
					continue;
				}
				int equals = line.indexOf('=');
				if (equals < 1) {
					errors.add("matchers", "alert.route.matchers-format");
				}
				else {
					parsed.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
				}
			}
		}
		errors.throwIfAny();
		return new AlertRouteDraft(accountUserId, name, number, parsed, customerOrgUnitId, serviceId, groupId,
				Boolean.TRUE.equals(autoResolve), Boolean.TRUE.equals(enabled));
	}
}
