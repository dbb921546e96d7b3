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

	@Test
	void aRecordOfOneProviderAndSeveralUnitsIsSeenByItsProviderAndTheCustomersOfAnyOfItsUnits() {
		List<Long> units = List.of(51L, 60L);
		DataScope management = new DataScope(PartyKind.MANAGEMENT, 1, Set.of());
		DataScope supervision = new DataScope(PartyKind.SUPERVISION, 2, Set.of());
		DataScope provider = new DataScope(PartyKind.PROVIDER, 3, Set.of());
		DataScope customer = new DataScope(PartyKind.CUSTOMER, 5, Set.of(51L, 50L));
		assertThat(management.includesAny(null, List.of())).isTrue();
		assertThat(supervision.includesAny(4L, units)).isTrue();
		assertThat(provider.includesAny(3L, List.of())).isTrue();
		assertThat(provider.includesAny(4L, units)).isFalse();
		assertThat(provider.includesAny(null, units)).isFalse();
		assertThat(customer.includesAny(3L, units)).isTrue();
		assertThat(customer.includesAny(5L, List.of(52L, 60L))).isFalse();
		assertThat(customer.includesAny(5L, List.of())).isFalse();
	}

	@Test
	void aRecordOfOneProviderAndSeveralUnitsIsFoundByItsPartyColumnOrAnOverlapOfItsUnitArray() {
		assertThat(new DataScope(PartyKind.SUPERVISION, 2, Set.of()).whereAny("c.provider_party_id", "c.unit_ids"))
			.isEqualTo(new DataScope.Condition("true", List.of()));
		assertThat(new DataScope(PartyKind.PROVIDER, 3, Set.of()).whereAny("c.provider_party_id", "c.unit_ids"))
			.isEqualTo(new DataScope.Condition("c.provider_party_id = ?", List.of(3L)));
		assertThat(new DataScope(PartyKind.CUSTOMER, 5, Set.of(51L, 50L)).whereAny("c.provider_party_id", "c.unit_ids"))
			.isEqualTo(new DataScope.Condition("c.unit_ids && cast(? as bigint[])", List.of("{50,51}")));
	}

	@Test
	void onlyAProviderPlacesWhatItRaisesUnderItsParty() {
		assertThat(new DataScope(PartyKind.PROVIDER, 3, Set.of()).providerPartyId()).isEqualTo(3L);
		assertThat(new DataScope(PartyKind.MANAGEMENT, 1, Set.of()).providerPartyId()).isNull();
		assertThat(new DataScope(PartyKind.CUSTOMER, 5, Set.of(50L)).providerPartyId()).isNull();
		assertThat(new DataScope(PartyKind.SUPERVISION, 2, Set.of()).providerPartyId()).isNull();
	}
}
