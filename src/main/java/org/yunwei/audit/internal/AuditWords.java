package org.yunwei.audit.internal;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The audit trail in the reader's words. The audit module knows no other module, so each module names its own
 * actions and object types in its message bundle: {@code audit.action.<ACTION>}, {@code audit.object.<type>}, and
 * optionally {@code audit.detail.<ACTION>}, a pattern whose {@code {0}} is the record's detail (an export's row
 * count becomes "导出 2 条工单"). A code without a message is shown as readable words ("Ticket list export") rather
 * than as the code.
 */
@Component("auditWords")
public class AuditWords {

	private final MessageSource messages;

	AuditWords(MessageSource messages) {
		this.messages = messages;
	}

	public String action(String code) {
		return word("audit.action." + code, code);
	}

	public String object(String type) {
		return type == null ? "" : word("audit.object." + type, type);
	}

	public String detail(String action, String detail) {
		if (detail == null) {
			return null;
		}
		try {
			return messages.getMessage("audit.detail." + action, new Object[] { detail },
					LocaleContextHolder.getLocale());
		}
		catch (NoSuchMessageException absent) {
			// as written: a detail is free text, and would be misread as a message pattern
			return detail;
		}
	}

	private String word(String key, String code) {
		try {
			return messages.getMessage(key, null, LocaleContextHolder.getLocale());
		}
		catch (NoSuchMessageException absent) {
			return readable(code);
		}
	}

	/** {@code TICKET_LIST_EXPORT} as "Ticket list export", {@code business-calendar} as "Business calendar". */
	static String readable(String code) {
		String words = code.replace('_', ' ').replace('-', ' ').toLowerCase(Locale.ROOT).strip();
		return words.isEmpty() ? code : Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}
}
