package org.yunwei.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;

/** The audit trail's codes as words: a module's message when it gives one, readable words when not. */
class AuditWordsTests {

	private AuditWords words;

	@BeforeEach
	void messages() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.addMessage("audit.action.TICKET_LIST_EXPORT", Locale.SIMPLIFIED_CHINESE, "导出工单列表");
		messages.addMessage("audit.object.service_level_agreement", Locale.SIMPLIFIED_CHINESE, "服务级别协议");
		messages.addMessage("audit.detail.TICKET_LIST_EXPORT", Locale.SIMPLIFIED_CHINESE, "导出 {0} 条工单");
		words = new AuditWords(messages);
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
	}

	@AfterEach
	void forgetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void namesWhatAModuleNamed() {
		assertThat(words.action("TICKET_LIST_EXPORT")).isEqualTo("导出工单列表");
		assertThat(words.object("service_level_agreement")).isEqualTo("服务级别协议");
		assertThat(words.detail("TICKET_LIST_EXPORT", "2")).isEqualTo("导出 2 条工单");
	}

	@Test
	void readsAnUnnamedCodeAsWordsAndKeepsFreeTextAsWritten() {
		assertThat(words.action("CHANGE_APPROVED")).isEqualTo("Change approved");
		assertThat(words.object("business-calendar")).isEqualTo("Business calendar");
		assertThat(words.object(null)).isEmpty();
		assertThat(words.detail("SIGN_IN", "user's {0} password")).isEqualTo("user's {0} password");
		assertThat(words.detail("SIGN_IN", null)).isNull();
	}
}
