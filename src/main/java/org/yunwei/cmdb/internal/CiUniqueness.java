package org.yunwei.cmdb.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.yunwei.web.FieldErrors;

/**
 * The uniqueness rules of an item's fields: its asset tag, and the values of its class's unique attributes, against
 * every other item. Asked before an edit is saved, and again before a reviewed edit applies, since another item may
 * have taken a value meanwhile.
 */
@Component
class CiUniqueness {

	private final ConfigurationItemRecords records;

	CiUniqueness(ConfigurationItemRecords records) {
		this.records = records;
	}

	/**
	 * The values of the class's unique attributes by attribute id, refused (409, naming the field) when another item
	 * than {@code itemId} holds one of them or the asset tag.
	 */
	Map<Long, String> values(CiClass itemClass, ItemFields fields, Long itemId) {
		if (fields.assetTag() != null) {
			records.holderOfAssetTag(fields.assetTag()).filter(holder -> !holder.equals(itemId)).ifPresent(holder -> {
				throw FieldErrors.taken("assetTag", "cmdb.field.unique-taken");
			});
		}
		Map<Long, String> values = new LinkedHashMap<>();
		for (CiAttribute attribute : itemClass.attributes()) {
			Object value = fields.attributes().get(attribute.code());
			if (attribute.unique() && value != null) {
				String text = value instanceof BigDecimal number ? number.stripTrailingZeros().toPlainString()
						: value.toString();
				records.holderOf(attribute.id(), text).filter(holder -> !holder.equals(itemId)).ifPresent(holder -> {
					throw FieldErrors.taken("attributes." + attribute.code(), "cmdb.field.unique-taken");
				});
				values.put(attribute.id(), text);
			}
		}
		return values;
	}
}
