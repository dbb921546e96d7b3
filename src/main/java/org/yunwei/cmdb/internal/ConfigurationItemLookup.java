package org.yunwei.cmdb.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.cmdb.ConfigurationItemClass;
import org.yunwei.cmdb.ConfigurationItemSummary;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/** Answers the module's facade from the register and the ledger, within the signed-in person's scope. */
@Component
public class ConfigurationItemLookup {

	private final ItemRegister register;
	private final Ledger ledger;
	private final CiClasses classes;

	ConfigurationItemLookup(ItemRegister register, Ledger ledger, CiClasses classes) {
		this.register = register;
		this.ledger = ledger;
		this.classes = classes;
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
		try {
			ItemView item = register.get(itemId);
			return Optional.of(new ConfigurationItemSummary(item.id(), item.name(), item.classCode(),
					item.className(), item.lifecycle().name(), item.assetTag(), item.serialNumber(), item.ipAddress(),
					item.customerUnitId()));
		}
		catch (RejectedRequest notVisible) {
			return Optional.empty();
		}
	}

	@Transactional(readOnly = true)
	public List<ConfigurationItemSummary> search(String text, int limit) {
		return FieldErrors.clean(text) == null ? List.of() : ledger.search(text, limit);
	}
}
