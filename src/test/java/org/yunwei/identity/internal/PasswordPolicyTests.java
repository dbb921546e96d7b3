package org.yunwei.identity.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.yunwei.web.RejectedRequest;

class PasswordPolicyTests {

	private final org.springframework.security.crypto.password.PasswordEncoder encoder =
			PasswordEncoderFactories.createDelegatingPasswordEncoder();
	private final PasswordPolicy policy = new PasswordPolicy(encoder);

	@Test
	void acceptsEightCharactersFromThreeClasses() {
		assertThatCode(() -> policy.check("p", "zhangsan", "Hzx7qkwm", List.of())).doesNotThrowAnyException();
		assertThatCode(() -> policy.check("p", "zhangsan", "hzx7qk#m", List.of())).doesNotThrowAnyException();
	}

	@Test
	void rejectsShortPasswords() {
		assertRejected("Hz7#qkw", List.of(), "password.too-short");
	}

	@Test
	void rejectsPasswordsOfFewerThanThreeClasses() {
		assertRejected("hzxqkwmabc", List.of(), "password.too-simple");
		assertRejected("hzxqk7wmab", List.of(), "password.too-simple");
		assertRejected("HZXQK7WMAB", List.of(), "password.too-simple");
	}

	@Test
	void rejectsCommonPasswordsWhateverTheirCase() {
		assertRejected("P@ssw0rd", List.of(), "password.common");
		assertRejected("admin@123", List.of(), "password.common");
		assertRejected("1qaz@WSX", List.of(), "password.common");
	}

	@Test
	void rejectsPasswordsContainingTheUserName() {
		assertRejected("Zhangsan#2026", List.of(), "password.common");
	}

	@Test
	void rejectsAnyOfTheLastFivePasswordsButNotTheSixth() {
		List<String> history = List.of("Hzx7qkw#1", "Hzx7qkw#2", "Hzx7qkw#3", "Hzx7qkw#4", "Hzx7qkw#5", "Hzx7qkw#6")
			.stream()
			.map(encoder::encode)
			.toList();
		assertRejected("Hzx7qkw#1", history, "password.reused");
		assertRejected("Hzx7qkw#5", history, "password.reused");
		assertThatCode(() -> policy.check("p", "zhangsan", "Hzx7qkw#6", history)).doesNotThrowAnyException();
	}

	private void assertRejected(String password, List<String> history, String key) {
		assertThatThrownBy(() -> policy.check("p", "zhangsan", password, history))
			.isInstanceOfSatisfying(RejectedRequest.class,
					r -> org.assertj.core.api.Assertions.assertThat(r.fieldErrors()).containsEntry("p", key));
	}
}
