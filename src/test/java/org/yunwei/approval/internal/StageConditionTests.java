package org.yunwei.approval.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The stage condition language: what it accepts, how it evaluates, and where it says a text goes wrong. */
class StageConditionTests {

	private static boolean test(String condition, Map<String, Object> facts) {
		return StageCondition.parse(condition).test(facts);
	}

	@Test
	void comparesNumbersStringsAndBooleans() {
		Map<String, Object> facts = Map.of("amount", 12000, "risk", "HIGH", "urgent", true, "ratio", 0.5);
		assertThat(test("amount >= 10000", facts)).isTrue();
		assertThat(test("amount < 12000.0", facts)).isFalse();
		assertThat(test("amount = 12000", facts)).isTrue();
		assertThat(test("ratio <= 0.5 and ratio > -1", facts)).isTrue();
		assertThat(test("risk = 'HIGH'", facts)).isTrue();
		assertThat(test("risk != \"HIGH\"", facts)).isFalse();
		assertThat(test("urgent", facts)).isTrue();
		assertThat(test("urgent = false", facts)).isFalse();
		assertThat(test("not urgent or amount > 1", facts)).isTrue();
	}

	@Test
	void membershipPrecedenceAndParentheses() {
		Map<String, Object> facts = Map.of("risk", "LOW", "category", "RELEASE", "amount", 50);
		assertThat(test("risk in ('HIGH', 'CRITICAL')", facts)).isFalse();
		assertThat(test("risk not in ('HIGH', 'CRITICAL')", facts)).isTrue();
		assertThat(test("amount in (10, 50, 90)", facts)).isTrue();
		// and binds tighter than or
		assertThat(test("risk = 'HIGH' and amount > 10 or category = 'RELEASE'", facts)).isTrue();
		assertThat(test("risk = 'HIGH' and (amount > 10 or category = 'RELEASE')", facts)).isFalse();
		assertThat(test("NOT (risk = 'LOW') OR amount >= 50", facts)).isTrue();
	}

	@Test
	void aMissingFactOrAnotherKindNeitherEqualsNorOrders() {
		Map<String, Object> facts = Map.of("risk", "HIGH");
		assertThat(test("amount > 5", facts)).isFalse();
		assertThat(test("amount <= 5", facts)).isFalse();
		assertThat(test("amount != 5", facts)).isTrue();
		assertThat(test("risk > 5", facts)).isFalse();
		assertThat(test("urgent", facts)).isFalse();
	}

	@Test
	void namesThePositionWhereTheTextStopsMakingSense() {
		assertPosition("amount >= and risk = 'HIGH'", 11, "expected-value");
		assertPosition("risk = 'HIGH", 8, "unclosed-string");
		assertPosition("(amount > 5", 12, "unexpected-end");
		assertPosition("amount > 5)", 11, "unexpected");
		assertPosition("risk in 'HIGH'", 9, "expected-open");
		assertPosition("amount ! 5", 8, "unexpected");
		assertPosition("amount > 5 ; drop", 12, "unexpected");
		assertPosition("amount > 1.2.3", 10, "bad-number");
		assertPosition("", 1, "unexpected-end");
	}

	@Test
	void reachesNothingButTheFacts() {
		// what a scripting engine would run is text here: a name that is not a fact is simply missing
		assertThat(test("java.lang.System.exit = 0", Map.of())).isFalse();
		assertThatThrownBy(() -> StageCondition.parse("T(java.lang.Runtime).getRuntime()"))
			.isInstanceOf(StageCondition.ConditionSyntaxException.class);
		assertThatThrownBy(() -> StageCondition.parse("a = 1 or ".repeat(200) + "a = 1"))
			.isInstanceOf(StageCondition.ConditionSyntaxException.class);
	}

	private static void assertPosition(String text, int position, String problem) {
		assertThatThrownBy(() -> StageCondition.parse(text)).isInstanceOfSatisfying(
				StageCondition.ConditionSyntaxException.class, e -> {
					assertThat(e.position()).as(text).isEqualTo(position);
					assertThat(e.problem()).as(text).isEqualTo(problem);
				});
	}
}
