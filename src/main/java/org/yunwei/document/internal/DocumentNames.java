package org.yunwei.document.internal;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Names the pages show ({@code ${@documentNames...}}): a category in the reader's language. */
@Component("documentNames")
class DocumentNames {

	private final MessageSource messages;

	DocumentNames(MessageSource messages) {
		this.messages = messages;
	}

	public String category(DocumentCategory category) {
		return category == null ? "—" : category.label(messages, LocaleContextHolder.getLocale());
	}
}
