package org.yunwei.web.internal;

import tools.jackson.core.JacksonException;

/**
 * Where in a JSON body Jackson was when it failed, as a person writes it: {@code name}, {@code targets[1].name},
 * {@code workingHours.MONDAY[0]}.
 */
final class JsonPath {

	private JsonPath() {
	}

	static String of(JacksonException failure) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference step : failure.getPath()) {
			if (step.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(step.getPropertyName());
			}
			else if (step.getIndex() >= 0) {
				path.append('[').append(step.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}
}
