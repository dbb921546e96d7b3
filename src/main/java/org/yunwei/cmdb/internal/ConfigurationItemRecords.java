package org.yunwei.cmdb.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes and reads {@code configuration_item} and {@code ci_unique_value}. */
@Repository
class ConfigurationItemRecords {

	static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();
	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JdbcTemplate batches;

	ConfigurationItemRecords(JdbcClient jdbc, JdbcTemplate batches) {
		this.jdbc = jdbc;
		this.batches = batches;
	}

	/**
	 * Inserts many new items in batches (an import), their ids taken from the sequence at once; answers the ids in
	 * the items' order.
	 */
	List<Long> insertAll(List<ConfigurationItem> items) {
		if (items.isEmpty()) {
			return List.of();
		}
		List<Long> ids = jdbc.sql("select nextval('configuration_item_id_seq') from generate_series(1, ?)")
			.param(items.size()).query(Long.class).list();
		List<Object[]> rows = new java.util.ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			ConfigurationItem item = items.get(i);
			ItemFields f = item.fields();
			rows.add(new Object[] { ids.get(i), item.classId(), item.classPath(), f.name(), item.lifecycle().name(),
					f.assetTag(), f.serialNumber(), f.ipAddress(), f.customerUnitId(), f.providerPartyId(),
					f.ownerUserId(), f.custodianUserId(), f.building(), f.floor(), f.room(), f.rack(), f.supplier(),
					f.purchasedOn() == null ? null : Date.valueOf(f.purchasedOn()), f.purchasePrice(),
					f.warrantyUntil() == null ? null : Date.valueOf(f.warrantyUntil()),
					JSON.writeValueAsString(f.attributes()), item.version() });
		}
		batches.batchUpdate("""
				insert into configuration_item (id, class_id, class_path, name, lifecycle, asset_tag, serial_number,
				  ip_address, customer_unit_id, provider_party_id, owner_user_id, custodian_user_id, building, floor,
				  room, rack, supplier, purchased_on, purchase_price, warranty_until, attributes, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)""", rows);
		return ids;
	}

	/** Inserts the unique attribute values of many new items: item id, attribute id, value. */
	void insertUniqueValues(List<Object[]> itemAttributeValues) {
		if (!itemAttributeValues.isEmpty()) {
			batches.batchUpdate("insert into ci_unique_value (item_id, attribute_id, value) values (?, ?, ?)",
					itemAttributeValues);
		}
	}

	/** Which of these asset tags items hold already. */
	java.util.Set<String> assetTagsTaken(java.util.Collection<String> tags) {
		if (tags.isEmpty()) {
			return java.util.Set.of();
		}
		return new java.util.HashSet<>(jdbc.sql("select asset_tag from configuration_item where asset_tag = any(?)")
			.param(tags.toArray(String[]::new)).query(String.class).list());
	}

	/** Which of these values of a unique attribute items hold already. */
	java.util.Set<String> uniqueValuesTaken(long attributeId, java.util.Collection<String> values) {
		if (values.isEmpty()) {
			return java.util.Set.of();
		}
		return new java.util.HashSet<>(jdbc.sql("select value from ci_unique_value where attribute_id = ? and value = any(?)")
			.params(attributeId, values.toArray(String[]::new)).query(String.class).list());
	}

	Optional<ConfigurationItem> find(long id) {
		return jdbc.sql("select * from configuration_item where id = ?").param(id).query((rs, n) -> item(rs))
			.optional();
	}

	/** The items of these ids that exist, in no particular order: one query for many (a change's items). */
	List<ConfigurationItem> findAll(java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from configuration_item where id = any(?)")
			.param(ids.stream().mapToLong(Long::longValue).toArray()).query((rs, n) -> item(rs)).list();
	}

	/** The item, locked until the transaction ends, so that two edits of one item do not interleave. */
	Optional<ConfigurationItem> lock(long id) {
		return jdbc.sql("select * from configuration_item where id = ? for update").param(id)
			.query((rs, n) -> item(rs)).optional();
	}

	Optional<AttributeValues.CiClassOfItem> classOf(long id) {
		return jdbc.sql("select class_path from configuration_item where id = ?").param(id)
			.query((rs, n) -> new AttributeValues.CiClassOfItem(rs.getString(1))).optional();
	}

	long insert(ConfigurationItem item) {
		ItemFields f = item.fields();
		return jdbc.sql("""
				insert into configuration_item (class_id, class_path, name, lifecycle, asset_tag, serial_number,
				  ip_address, customer_unit_id, provider_party_id, owner_user_id, custodian_user_id, building, floor,
				  room, rack, supplier, purchased_on, purchase_price, warranty_until, attributes, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?) returning id""")
			.params(item.classId(), item.classPath(), f.name(), item.lifecycle().name(), f.assetTag(),
					f.serialNumber(), f.ipAddress(), f.customerUnitId(), f.providerPartyId(), f.ownerUserId(),
					f.custodianUserId(), f.building(), f.floor(), f.room(), f.rack(), f.supplier(),
					f.purchasedOn() == null ? null : Date.valueOf(f.purchasedOn()), f.purchasePrice(),
					f.warrantyUntil() == null ? null : Date.valueOf(f.warrantyUntil()),
					JSON.writeValueAsString(f.attributes()), item.version())
			.query(Long.class).single();
	}

	void update(ConfigurationItem item) {
		ItemFields f = item.fields();
		jdbc.sql("""
				update configuration_item set name = ?, lifecycle = ?, asset_tag = ?, serial_number = ?, ip_address = ?,
				  customer_unit_id = ?, provider_party_id = ?, owner_user_id = ?, custodian_user_id = ?, building = ?,
				  floor = ?, room = ?, rack = ?, supplier = ?, purchased_on = ?, purchase_price = ?, warranty_until = ?,
				  attributes = cast(? as jsonb), version = ?, updated_at = now()
				where id = ?""")
			.params(f.name(), item.lifecycle().name(), f.assetTag(), f.serialNumber(), f.ipAddress(),
					f.customerUnitId(), f.providerPartyId(), f.ownerUserId(), f.custodianUserId(), f.building(),
					f.floor(), f.room(), f.rack(), f.supplier(),
					f.purchasedOn() == null ? null : Date.valueOf(f.purchasedOn()), f.purchasePrice(),
					f.warrantyUntil() == null ? null : Date.valueOf(f.warrantyUntil()),
					JSON.writeValueAsString(f.attributes()), item.version(), item.id())
			.update();
	}

	void touch(long id, int version) {
		jdbc.sql("update configuration_item set version = ?, updated_at = now() where id = ?").params(version, id)
			.update();
	}

	/**
	 * The items not disposed whose asset tag, IP address, serial number or name is exactly this text, at most
	 * {@code limit}, by id: to find the item a ticket or an alert names.
	 */
	List<ConfigurationItem> named(Identifier by, String text, int limit) {
		return jdbc.sql("select * from configuration_item where " + by.column
				+ " = ? and lifecycle <> 'DISPOSED' order by id limit ?")
			.params(text, limit).query((rs, n) -> item(rs)).list();
	}

	/** What {@link #named} compares, each served by an index of {@code configuration_item}. */
	enum Identifier {
		ASSET_TAG("asset_tag"), IP_ADDRESS("ip_address"), SERIAL_NUMBER("serial_number"), NAME("name");

		private final String column;

		Identifier(String column) {
			this.column = column;
		}
	}

	/** The item holding this value of a unique attribute, if any. */
	Optional<Long> holderOf(long attributeId, String value) {
		return jdbc.sql("select item_id from ci_unique_value where attribute_id = ? and value = ?")
			.params(attributeId, value).query(Long.class).optional();
	}

	Optional<Long> holderOfAssetTag(String assetTag) {
		return jdbc.sql("select id from configuration_item where asset_tag = ?").param(assetTag).query(Long.class)
			.optional();
	}

	void replaceUniqueValues(long itemId, Map<Long, String> values) {
		jdbc.sql("delete from ci_unique_value where item_id = ?").param(itemId).update();
		values.forEach((attributeId, value) -> jdbc.sql("""
				insert into ci_unique_value (attribute_id, value, item_id) values (?, ?, ?)""")
			.params(attributeId, value, itemId).update());
	}

	static ConfigurationItem item(ResultSet rs) throws SQLException {
		Date purchased = rs.getDate("purchased_on");
		Date warranty = rs.getDate("warranty_until");
		BigDecimal price = rs.getBigDecimal("purchase_price");
		ItemFields fields = new ItemFields(rs.getString("name"), rs.getString("asset_tag"),
				rs.getString("serial_number"), rs.getString("ip_address"), rs.getObject("customer_unit_id", Long.class),
				rs.getObject("provider_party_id", Long.class), rs.getObject("owner_user_id", Long.class),
				rs.getObject("custodian_user_id", Long.class), rs.getString("building"), rs.getString("floor"),
				rs.getString("room"), rs.getString("rack"), rs.getString("supplier"),
				purchased == null ? null : purchased.toLocalDate(), price,
				warranty == null ? null : warranty.toLocalDate(), JSON.readValue(rs.getString("attributes"), MAP));
		return new ConfigurationItem(rs.getLong("id"), rs.getLong("class_id"), rs.getString("class_path"),
				Lifecycle.valueOf(rs.getString("lifecycle")), fields, rs.getInt("version"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}
}
