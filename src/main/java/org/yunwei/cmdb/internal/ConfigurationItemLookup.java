package org.yunwei.cmdb.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.cmdb.ConfigurationItemImpact;
import org.yunwei.cmdb.ConfigurationItemClass;
import org.yunwei.cmdb.ConfigurationItemSummary;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/** Answers the module's facade from the register and the ledger, within the signed-in person's scope. */
@Component
public class ConfigurationItemLookup {

	private final ItemRegister register;
	private final Ledger ledger;
	private final ImpactAnalysis impactAnalysis;
	private final CiClasses classes;

	ConfigurationItemLookup(ItemRegister register, Ledger ledger, ImpactAnalysis impactAnalysis, CiClasses classes) {
		this.register = register;
		this.ledger = ledger;
		this.impactAnalysis = impactAnalysis;
		this.classes = classes;
	}

	@Transactional(readOnly = true)
	public Optional<ConfigurationItemImpact> impact(long itemId) {
		ItemView item;
		try {
			item = register.get(itemId);
		}
		catch (RejectedRequest notVisible) {
			return Optional.empty();
		}
		Impact impact = impactAnalysis.of(itemId, 3, "downstream", ImpactAnalysis.DEFAULT_LIMIT);
		List<Long> units = new ArrayList<>();
		if (item.customerUnitId() != null) {
			units.add(item.customerUnitId());
		}
		impact.customerUnits().stream().map(Impact.Unit::id).filter(id -> !units.contains(id)).forEach(units::add);
		Object level = item.attributes() == null ? null : item.attributes().get("dengbao_level");
		boolean serviceLevel = "APPLICATION_SYSTEM".equals(item.classCode())
				|| "BUSINESS_SERVICE".equals(item.classCode());
		List<Long> serviceItems = new ArrayList<>();
		if (serviceLevel) {
			serviceItems.add(itemId);
		}
		java.util.stream.Stream.concat(impact.applicationSystems().stream(), impact.services().stream())
			.map(Impact.Affected::id).filter(id -> !serviceItems.contains(id)).forEach(serviceItems::add);
		return Optional.of(new ConfigurationItemImpact(itemId, impact.total(), impact.hidden(),
				impact.applicationSystems().stream().map(Impact.Affected::name).toList(),
				impact.services().stream().map(Impact.Affected::name).toList(), List.copyOf(units),
				level == null ? null : level.toString(), serviceLevel, List.copyOf(serviceItems)));
	}

	@Transactional(readOnly = true)
	public List<ConfigurationItemClass> classes() {
		List<CiClass> all = classes.all();
		java.util.Map<Long, String> codes = new java.util.HashMap<>();
		all.forEach(c -> codes.put(c.id(), c.code()));
		return all.stream()
			.map(c -> new ConfigurationItemClass(c.id(), c.code(), c.name(), c.nameEn(), c.enabled(),
					c.lineage().stream().map(codes::get).toList()))
			.toList();
	}

	@Transactional(readOnly = true)
	public Optional<ConfigurationItemSummary> find(long itemId) {
		return register.findVisible(itemId).map(ConfigurationItemLookup::summary);
	}

	@Transactional(readOnly = true)
	public Optional<ConfigurationItemSummary> findForSystem(long itemId) {
		return register.findForSystem(itemId).map(ConfigurationItemLookup::summary);
	}

	private static ConfigurationItemSummary summary(ItemView item) {
		return new ConfigurationItemSummary(item.id(), item.name(), item.classCode(), item.className(),
				item.lifecycle().name(), item.assetTag(), item.serialNumber(), item.ipAddress(), item.customerUnitId());
	}

	@Transactional(readOnly = true)
	public List<ConfigurationItemSummary> search(String text, int limit) {
		return FieldErrors.clean(text) == null ? List.of() : ledger.search(text, limit);
	}
}
