package org.yunwei.approval.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.yunwei.web.RejectedRequest;

/**
 * The facts of a sample request as the preview form takes them: one {@code name = value} a line; a value that reads
 * as a number is a number, {@code true}/{@code false} a boolean, anything else text (quotes optional).
 */
final class PolicyFacts {

	private PolicyFacts() {
	}

	static Map<String, Object> parse(String text) {
		Map<String, Object> facts = new LinkedHashMap<>();
		for (String line : text.split("\\R")) {
			if (line.isBlank()) {
				continue;
			}
			int equals = line.indexOf('=');
			if (equals < 1) {
				throw RejectedRequest.invalidField("facts", "approval.preview.facts.invalid-line");
			}
			String name = line.substring(0, equals).strip();
			String value = line.substring(equals + 1).strip();
			if (!name.matches("[A-Za-z_][A-Za-z0-9_.]{0,59}") || facts.size() >= ApprovalProcess.MAX_FACTS) {
				throw RejectedRequest.invalidField("facts", "approval.preview.facts.invalid-line");
			}
			facts.put(name, value(value));
		}
		return facts;
	}

	private static Object value(String text) {
		if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
			return Boolean.valueOf(text.toLowerCase(java.util.Locale.ROOT));
		}
		if (text.length() >= 2 && (text.startsWith("'") && text.endsWith("'")
				|| text.startsWith("\"") && text.endsWith("\""))) {
			return text.substring(1, text.length() - 1);
		}
		try {
			return new BigDecimal(text);
		}
		catch (NumberFormatException notANumber) {
			return text;
		}
	}
}
