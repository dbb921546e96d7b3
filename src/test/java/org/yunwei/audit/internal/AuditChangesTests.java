package org.yunwei.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;
import org.yunwei.audit.internal.AuditChanges.FieldChange;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A record's values before and after as named fields, with the changed ones marked. */
class AuditChangesTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private AuditChanges changes;

	@BeforeEach
	void messages() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.addMessage("audit.field.status", Locale.SIMPLIFIED_CHINESE, "状态");
		changes = new AuditChanges(messages);
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
	}

	@AfterEach
	void forgetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void namesEachFieldOfBothSidesAndMarksWhatChanged() {
		assertThat(changes.of(json("{\"status\":\"NEW\",\"groupId\":7,\"tags\":[\"a\"]}"),
				json("{\"status\":\"ASSIGNED\",\"groupId\":7,\"note\":\"\"}")))
			.containsExactly(new FieldChange("状态", "NEW", "ASSIGNED", true, false),
					new FieldChange("Group id", "7", "7", false, false), new FieldChange("Note", "—", "—", false, false),
					new FieldChange("Tags", "[\"a\"]", "—", true, true));
	}

	@Test
	void aCreationHasOnlyValuesAfterAndNothingIsMarkedChanged() {
		assertThat(changes.of(null, json("{\"status\":\"NEW\",\"subject\":null}")))
			.containsExactly(new FieldChange("状态", "—", "NEW", false, false),
				new FieldChange("Subject", "—", "—", false, false));
	}

	@Test
	void codesReadAsTheOwningModuleOrTheAuditBundleNameThemAndOthersStayAsWritten() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.addMessage("ticket.status.NEW", Locale.SIMPLIFIED_CHINESE, "新建");
		messages.addMessage("ticket.status.ASSIGNED", Locale.SIMPLIFIED_CHINESE, "已分派");
		messages.addMessage("audit.value.outcome.SUCCESS", Locale.SIMPLIFIED_CHINESE, "成功");
		AuditChanges named = new AuditChanges(messages);

		assertThat(named.of("ticket", json("{\"status\":\"NEW\",\"outcome\":\"SUCCESS\",\"code\":\"X9\"}"),
				json("{\"status\":\"ASSIGNED\",\"outcome\":\"SUCCESS\",\"code\":\"X9\",\"note\":\"NEW\"}")))
			.containsExactly(new FieldChange("Status", "新建", "已分派", true, false),
					new FieldChange("Outcome", "成功", "成功", false, false),
					new FieldChange("Code", "X9", "X9", false, false), new FieldChange("Note", "—", "NEW", true, false));
	}

	@Test
	void valuesThatAreNotObjectsAreLeftAsWritten() {
		assertThat(changes.of(json("\"not an object\""), json("{\"a\":1}"))).isEmpty();
		assertThat(changes.of(null, json("[1,2]"))).isEmpty();
		assertThat(changes.of(json("42"), null)).isEmpty();
		assertThat(changes.of(null, null)).isEmpty();
	}

	private static JsonNode json(String text) {
		return JSON.readTree(text);
	}
}
