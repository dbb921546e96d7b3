package org.yunwei.cmdb.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.cmdb.ConfigurationItemChanged;
import org.yunwei.identity.Actor;

/**
 * Records many checked new items of one class at once, for an import: the items, their unique values and the first
 * entry of each one's history go to the database in batches, not row by row, so that a 10,000-row workbook takes
 * seconds. The import is audited as one entry naming every item recorded, in the caller's transaction; each item
 * publishes {@link ConfigurationItemChanged} as a single record would.
 */
@Component
class ItemBatch {

	private final ConfigurationItemRecords records;
	private final ItemChanges changes;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;

	ItemBatch(ConfigurationItemRecords records, ItemChanges changes, AuditTrail audit,
			ApplicationEventPublisher events) {
		this.records = records;
		this.changes = changes;
		this.audit = audit;
		this.events = events;
	}

	/** Records the items, in order; the caller has checked every one, uniqueness included. */
	List<Long> record(CiClass itemClass, List<ItemRegister.Checked> checked, Actor actor, String detail) {
		List<ConfigurationItem> items = checked.stream()
			.map(c -> ConfigurationItem.record(itemClass, c.lifecycle(), c.fields()))
			.toList();
		List<Long> ids = records.insertAll(items);
		List<Object[]> unique = new ArrayList<>();
		List<List<FieldChange>> recorded = new ArrayList<>(items.size());
		List<Map<String, Object>> snapshots = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			ConfigurationItem item = items.get(i);
			for (CiAttribute attribute : itemClass.attributes()) {
				Object value = item.fields().attributes().get(attribute.code());
				if (attribute.unique() && value != null) {
					unique.add(new Object[] { ids.get(i), attribute.id(), text(value) });
				}
			}
			Map<String, Object> snapshot = item.snapshot();
			List<FieldChange> fields = new ArrayList<>();
			snapshot.forEach((field, value) -> {
				if (value != null && !field.equals("classId")) {
					fields.add(new FieldChange(field, null, value));
				}
			});
			recorded.add(fields);
			snapshots.add(snapshot);
		}
		records.insertUniqueValues(unique);
		changes.appendAll(ids, "CREATED", actor, null, recorded, snapshots);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("classId", itemClass.id());
		after.put("items", ids.size());
		after.put("itemIds", ids);
		audit.record(AuditEntry.of("CI_IMPORTED", "ci_class", itemClass.id()).after(after).detail(detail));
		ids.forEach(id -> events.publishEvent(new ConfigurationItemChanged(id, itemClass.code(), "CREATED", 1)));
		return ids;
	}

	static String text(Object value) {
		return value instanceof BigDecimal number ? number.stripTrailingZeros().toPlainString() : value.toString();
	}
}
