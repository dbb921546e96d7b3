package org.yunwei.catalog.internal;

import org.yunwei.web.FieldErrors;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.yunwei.identity.OrganisationUnit;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.PartyKind;

/**
 * Checks a submitted service against the catalogue's rules and cleans it: an enabled category, an enabled unit of a
 * provider party, at least one service object, indicators with a target and a unit, customer units of customer
 * parties. Every mistake is reported at once, by field ({@code indicators[1].unit} for a row of the list).
 */
@Component
class ServiceValidation {

	static final int MAX_INDICATORS = 20;

	private final Categories categories;
	private final Organisations organisations;

	ServiceValidation(Categories categories, Organisations organisations) {
		this.categories = categories;
		this.organisations = organisations;
	}

	/**
	 * @param before the service being changed, {@code null} for a new one: a service may stay in a category or with a
	 * provider that has since been disabled, but may not be moved to one
	 */
	Valid check(ServiceDraft draft, Services.Row before) {
		String code = FieldErrors.clean(draft.code());
		String name = FieldErrors.clean(draft.name());
		String description = FieldErrors.clean(draft.description());
		var violations = new FieldErrors().required("categoryId", draft.categoryId())
			.required("code", code, 50)
			.code("code", code)
			.required("name", name, 100)
			.optional("description", description, 2000)
			.required("providerOrgUnitId", draft.providerOrgUnitId());
		if (draft.categoryId() != null) {
			var category = categories.find(draft.categoryId());
			if (category.isEmpty()) {
				violations.add("categoryId", "catalog.category.unknown");
			}
			else if (!category.get().enabled() && (before == null || before.categoryId() != draft.categoryId())) {
				violations.add("categoryId", "catalog.category.disabled");
			}
		}
		if (draft.providerOrgUnitId() != null) {
			checkProvider(violations, draft.providerOrgUnitId(),
					before != null && before.providerOrgUnitId() == draft.providerOrgUnitId());
		}
		Set<ServiceObjectKind> objects = new LinkedHashSet<>();
		for (String object : draft.objects()) {
			ServiceObjectKind.parse(object).ifPresentOrElse(objects::add,
					() -> violations.add("objects", "catalog.objects.unknown"));
		}
		if (objects.isEmpty()) {
			violations.add("objects", "catalog.objects.required");
		}
		List<IndicatorDraft> indicators = checkIndicators(violations, draft.indicators());
		checkCustomers(violations, draft.customerOrgUnitIds());
		violations.throwIfAny();
		return new Valid(draft.categoryId(), code, name, description, draft.providerOrgUnitId(),
				objects.stream().sorted().toList(), indicators, draft.customerOrgUnitIds());
	}

	private void checkProvider(FieldErrors violations, long unitId, boolean unchanged) {
		var unit = organisations.find(unitId);
		if (unit.isEmpty()) {
			violations.add("providerOrgUnitId", "catalog.provider.unknown");
		}
		else if (unit.get().partyKind() != PartyKind.PROVIDER) {
			violations.add("providerOrgUnitId", "catalog.provider.not-provider");
		}
		else if (!unit.get().enabled() && !unchanged) {
			violations.add("providerOrgUnitId", "catalog.provider.disabled");
		}
	}

	private List<IndicatorDraft> checkIndicators(FieldErrors violations, List<IndicatorDraft> submitted) {
		if (submitted.size() > MAX_INDICATORS) {
			violations.add("indicators", "catalog.indicators.too-many");
		}
		List<IndicatorDraft> cleaned = new ArrayList<>();
		for (int i = 0; i < submitted.size(); i++) {
			IndicatorDraft indicator = submitted.get(i);
			String field = "indicators[" + i + "].";
			String name = FieldErrors.clean(indicator.name());
			String unit = FieldErrors.clean(indicator.unit());
			String measurement = FieldErrors.clean(indicator.measurement());
			violations.required(field + "name", name, 100)
				.required(field + "target", indicator.target())
				.required(field + "unit", unit, 20)
				.optional(field + "measurement", measurement, 200);
			if (indicator.target() != null && (indicator.target().precision() - indicator.target().scale() > 12
					|| indicator.target().scale() > 4)) {
				violations.add(field + "target", "catalog.indicator.target.range");
			}
			cleaned.add(new IndicatorDraft(name, indicator.target(), unit, measurement));
		}
		return cleaned;
	}

	private void checkCustomers(FieldErrors violations, List<Long> unitIds) {
		List<OrganisationUnit> units = organisations.findAll(unitIds);
		if (units.size() < unitIds.size()) {
			violations.add("customerOrgUnitIds", "catalog.customers.unknown");
		}
		if (units.stream().anyMatch(u -> u.partyKind() != PartyKind.CUSTOMER)) {
			violations.add("customerOrgUnitIds", "catalog.customers.not-customer");
		}
	}

	/** A service that passed the checks, trimmed. */
	record Valid(long categoryId, String code, String name, String description, long providerOrgUnitId,
			List<ServiceObjectKind> objects, List<IndicatorDraft> indicators, List<Long> customerOrgUnitIds) {
	}
}
