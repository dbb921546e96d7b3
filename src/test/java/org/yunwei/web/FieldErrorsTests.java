package org.yunwei.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldErrorsTests {

	@Test
	void aTypedNumberIsReadAndAnythingElseIsTheFieldsMistake() {
		FieldErrors errors = new FieldErrors();
		assertThat(errors.wholeNumber("planId", " 42 ")).isEqualTo(42L);
		assertThat(errors.wholeNumber("planId", "  ")).isNull();
		assertThat(errors.wholeNumber("planId", null)).isNull();
		assertThat(errors.isEmpty()).isTrue();

		assertThat(errors.wholeNumber("contacts[1]", "四十二")).isNull();
		assertThat(errors.smallNumber("position", "99999999999")).isNull();
		assertThat(errors.smallNumber("percent", "80")).isEqualTo(80);
		assertThat(errors.asMap()).containsOnly(java.util.Map.entry("contacts[1]", "field.number"),
				java.util.Map.entry("position", "field.number"));
	}

	@Test
	void anUnreadablePickedIdIsOneNoRecordHas() {
		assertThat(FieldErrors.pickedId("17")).isEqualTo(17L);
		assertThat(FieldErrors.pickedId("")).isNull();
		assertThat(FieldErrors.pickedId("17; drop table")).isEqualTo(-1L);
	}

}
