package org.yunwei.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DataScopeTests {

	@Test
	void managementSeesAndChangesEverything() {
		DataScope scope = new DataScope(PartyKind.MANAGEMENT, 1, Set.of());
		assertThat(scope.includes(7L, 70L)).isTrue();
		assertThat(scope.includesParty(7)).isTrue();
		assertThat(scope.mayWrite()).isTrue();
		assertThat(scope.where("p.id", "u.org_unit_id")).isEqualTo(new DataScope.Condition("true", List.of()));
	}

	@Test
	void supervisionSeesEverythingButChangesNothing() {
		DataScope scope = new DataScope(PartyKind.SUPERVISION, 2, Set.of());
		assertThat(scope.includes(7L, 70L)).isTrue();
		assertThat(scope.includesParty(7)).isTrue();
		assertThat(scope.mayWrite()).isFalse();
	}

	@Test
	void aProviderSeesItsOwnPartyOnly() {
		DataScope scope = new DataScope(PartyKind.PROVIDER, 3, Set.of());
		assertThat(scope.includes(3L, 99L)).isTrue();
		assertThat(scope.includes(4L, 99L)).isFalse();
		assertThat(scope.includes(null, 99L)).isFalse();
		assertThat(scope.includesParty(4)).isFalse();
		assertThat(scope.where("p.id", "u.org_unit_id")).isEqualTo(new DataScope.Condition("p.id = ?", List.of(3L)));
	}

	@Test
	void aCustomerSeesItsOwnSubtreeOnlyAndNoPartyWideRecord() {
		DataScope scope = new DataScope(PartyKind.CUSTOMER, 5, Set.of(50L, 51L));
		assertThat(scope.includes(5L, 51L)).isTrue();
		assertThat(scope.includes(5L, 52L)).isFalse();
		assertThat(scope.includes(5L, null)).isFalse();
		assertThat(scope.includesParty(5)).isTrue();
		assertThat(scope.includesParty(6)).isFalse();
		assertThat(scope.where("p.id", "u.org_unit_id"))
			.isEqualTo(new DataScope.Condition("u.org_unit_id = any(cast(? as bigint[]))", List.of("{50,51}")));
		assertThat(new DataScope(PartyKind.CUSTOMER, 5, Set.of(50L)).where("p.id", "u.org_unit_id"))
			.isEqualTo(new DataScope.Condition("u.org_unit_id = ?", List.of(50L)));
	}
}
