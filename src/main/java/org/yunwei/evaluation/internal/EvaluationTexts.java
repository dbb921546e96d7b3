package org.yunwei.evaluation.internal;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Lines written into tickets (a follow-up's reason), in the service desk's language (zh-CN), as tickets are. */
@Component
class EvaluationTexts {

	private static final Locale LANGUAGE = Locale.SIMPLIFIED_CHINESE;

	private final MessageSource messages;

	EvaluationTexts(MessageSource messages) {
		this.messages = messages;
	}

	String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, key, LANGUAGE);
	}
}
