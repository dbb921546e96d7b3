package org.yunwei.cmdb.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import org.yunwei.web.FieldErrors;

/**
 * A configuration item (配置项): a device, a cloud resource, an application system… of one class. It holds its own
 * rules: the lifecycle moves only along {@link Lifecycle#next()}, a disposed item no longer changes, and every change
 * says which fields it altered, so that the history records exactly those.
 */
public final class ConfigurationItem {

	private final Long id;
	private final long classId;
	private final String classPath;
	private Lifecycle lifecycle;
	private ItemFields fields;
	private int version;
	private final Instant createdAt;
	private Instant updatedAt;

	ConfigurationItem(Long id, long classId, String classPath, Lifecycle lifecycle, ItemFields fields, int version,
			Instant createdAt, Instant updatedAt) {
		this.id = id;
		this.classId = classId;
		this.classPath = classPath;
		this.lifecycle = lifecycle;
		this.fields = fields;
		this.version = version;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
	}

	/** A new item of a class; refused (400 on {@code lifecycle}) in a state no item starts in. */
	static ConfigurationItem record(CiClass itemClass, Lifecycle lifecycle, ItemFields fields) {
		if (!lifecycle.initial()) {
			throw FieldErrors.ruleBroken("lifecycle-transition", "lifecycle", "cmdb.item.lifecycle.not-initial");
		}
		return new ConfigurationItem(null, itemClass.id(), itemClass.path(), lifecycle, fields, 1, null, null);
	}

	/** Replaces the editable fields; the changed ones, or nothing when nothing changed. Refused once disposed. */
	List<FieldChange> revise(ItemFields revised) {
		refuseWhenDisposed();
		List<FieldChange> changes = differences(snapshotOf(fields), snapshotOf(revised));
		if (!changes.isEmpty()) {
			fields = revised;
			version++;
		}
		return changes;
	}

	/** Moves the item along its lifecycle; refused (422) for a move the lifecycle does not allow. */
	FieldChange moveTo(Lifecycle target) {
		refuseWhenDisposed();
		if (!lifecycle.next().contains(target)) {
			throw FieldErrors.ruleBroken("lifecycle-transition", "lifecycle", "cmdb.item.lifecycle.not-allowed");
		}
		FieldChange change = new FieldChange("lifecycle", lifecycle.name(), target.name());
		lifecycle = target;
		version++;
		return change;
	}

	/** Counts a change of the item's relations as a new version. */
	void relationsChanged() {
		version++;
	}

	private void refuseWhenDisposed() {
		if (lifecycle == Lifecycle.DISPOSED) {
			throw FieldErrors.ruleBroken("item-disposed", null, "cmdb.item.disposed");
		}
	}

	/** The item's values as the history keeps them: field name to value, attributes flattened. */
	Map<String, Object> snapshot() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("classId", classId);
		values.put("lifecycle", lifecycle.name());
		values.putAll(snapshotOf(fields));
		return values;
	}

	static Map<String, Object> snapshotOf(ItemFields f) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("name", f.name());
		values.put("assetTag", f.assetTag());
		values.put("serialNumber", f.serialNumber());
		values.put("ipAddress", f.ipAddress());
		values.put("customerUnitId", f.customerUnitId());
		values.put("providerPartyId", f.providerPartyId());
		values.put("ownerUserId", f.ownerUserId());
		values.put("custodianUserId", f.custodianUserId());
		values.put("building", f.building());
		values.put("floor", f.floor());
		values.put("room", f.room());
		values.put("rack", f.rack());
		values.put("supplier", f.supplier());
		values.put("purchasedOn", f.purchasedOn() == null ? null : f.purchasedOn().toString());
		values.put("purchasePrice", f.purchasePrice() == null ? null : f.purchasePrice().stripTrailingZeros()
			.toPlainString());
		values.put("warrantyUntil", f.warrantyUntil() == null ? null : f.warrantyUntil().toString());
		new TreeMap<>(f.attributes()).forEach((code, value) -> values.put("attributes." + code, text(value)));
		return values;
	}

	private static Object text(Object value) {
		return value instanceof BigDecimal number ? number.stripTrailingZeros().toPlainString() : value;
	}

	private static List<FieldChange> differences(Map<String, Object> before, Map<String, Object> after) {
		List<FieldChange> changes = new ArrayList<>();
		TreeSet<String> keys = new TreeSet<>(before.keySet());
		keys.addAll(after.keySet());
		List<String> ordered = new ArrayList<>(before.keySet().stream().filter(k -> !k.startsWith("attributes."))
			.toList());
		keys.stream().filter(k -> k.startsWith("attributes.")).forEach(ordered::add);
		for (String key : ordered) {
			Object old = before.get(key);
			Object now = after.get(key);
			if (!Objects.equals(old == null ? null : old.toString(), now == null ? null : now.toString())) {
				changes.add(new FieldChange(key, old, now));
			}
		}
		return changes;
	}

	public Long id() {
		return id;
	}

	public long classId() {
		return classId;
	}

	public String classPath() {
		return classPath;
	}

	public Lifecycle lifecycle() {
		return lifecycle;
	}

	public ItemFields fields() {
		return fields;
	}

	public int version() {
		return version;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	public LocalDate warrantyUntil() {
		return fields.warrantyUntil();
	}
}
