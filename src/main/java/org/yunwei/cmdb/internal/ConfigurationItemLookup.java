package org.yunwei.cmdb.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.cmdb.ConfigurationItemImpact;
import org.yunwei.cmdb.ConfigurationItemClass;
import org.yunwei.cmdb.ConfigurationItemSummary;
import org.yunwei.web.FieldErrors;

/** Answers the module's facade from the register and the ledger, within the signed-in person's scope. */
@Component
public class ConfigurationItemLookup {

	private final ItemRegister register;
	private final Ledger ledger;
	private final ImpactSummaries impactSummaries;
	private final CiClasses classes;
	private final ConfigurationItemRecords records;
	private final CmdbScope scope;

	ConfigurationItemLookup(ItemRegister register, Ledger ledger, ImpactSummaries impactSummaries, CiClasses classes,
			ConfigurationItemRecords records, CmdbScope scope) {
		this.register = register;
		this.ledger = ledger;
		this.impactSummaries = impactSummaries;
		this.classes = classes;
		this.records = records;
		this.scope = scope;
	}

	@Transactional(readOnly = true)
	public Optional<ConfigurationItemImpact> impact(long itemId) {
		return Optional.ofNullable(impacts(List.of(itemId)).get(itemId));
	}

	@Transactional(readOnly = true)
	public Map<Long, ConfigurationItemImpact> impacts(Collection<Long> itemIds) {
		return impactSummaries.of(itemIds);
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

	/**
	 * The items of these ids that exist and that the reader may see, by id, read in one query: the summary
	 * {@link #find(long)} gives, without the names of people and units an item's page shows.
	 */
	@Transactional(readOnly = true)
	public Map<Long, ConfigurationItemSummary> find(Collection<Long> itemIds) {
		CmdbScope.View reader = scope.reader();
		Map<Long, CiClass> byId = new HashMap<>();
		classes.all().forEach(c -> byId.put(c.id(), c));
		Map<Long, ConfigurationItemSummary> found = new HashMap<>();
		for (ConfigurationItem item : records.findAll(new LinkedHashSet<>(itemIds))) {
			ItemFields f = item.fields();
			CiClass itemClass = byId.get(item.classId());
			if (itemClass != null && reader.includes(f.customerUnitId(), f.providerPartyId())) {
				found.put(item.id(), new ConfigurationItemSummary(item.id(), f.name(), itemClass.code(),
						itemClass.name(), item.lifecycle().name(), f.assetTag(), f.serialNumber(), f.ipAddress(),
						f.customerUnitId()));
			}
		}
		return found;
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
