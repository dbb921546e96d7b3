package org.yunwei.cmdb.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.cmdb.ConfigurationItemSummary;
import org.yunwei.identity.OrganisationUnit;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.People;
import org.yunwei.identity.Person;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.KeysetCursor;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

/**
 * The asset ledger (设备台账): the configuration items in the reader's scope, filtered, sorted and read by keyset,
 * so that the first page stays fast at 100,000 items (each sort has an index that ends in the item id; the text
 * search goes through the grams index of {@code search_text}).
 */
@Service
class Ledger {

	private static final RowMapper<LedgerRow> ROW = (rs, n) -> {
		Date warranty = rs.getDate("warranty_until");
		String location = Stream.of(rs.getString("building"), rs.getString("floor"), rs.getString("room"),
				rs.getString("rack")).filter(Objects::nonNull).collect(Collectors.joining(" / "));
		return new LedgerRow(rs.getLong("id"), rs.getString("name"), rs.getLong("class_id"),
				rs.getString("class_code"), rs.getString("class_name"), Lifecycle.valueOf(rs.getString("lifecycle")),
				rs.getString("asset_tag"), rs.getString("serial_number"), rs.getString("ip_address"),
				rs.getObject("customer_unit_id", Long.class), null, location,
				rs.getObject("owner_user_id", Long.class), null, warranty == null ? null : warranty.toLocalDate(),
				rs.getTimestamp("updated_at").toInstant());
	};

	private final JdbcClient jdbc;
	private final CmdbScope scope;
	private final CiClasses classes;
	private final Organisations organisations;
	private final People people;

	Ledger(JdbcClient jdbc, CmdbScope scope, CiClasses classes, Organisations organisations, People people) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.classes = classes;
		this.organisations = organisations;
		this.people = people;
	}

	@Transactional(readOnly = true)
	public KeysetPage<LedgerRow> page(LedgerFilter filter, String cursor, Integer requestedLimit) {
		FieldErrors errors = new FieldErrors();
		int limit = KeysetPage.limit(requestedLimit, errors, "cmdb.ledger.limit");
		Query query = query(filter, errors);
		String[] after = null;
		if (cursor != null) {
			after = KeysetCursor.decode(cursor, 3).filter(parts -> parts[0].equals(query.sort()))
				.orElse(null);
			if (after == null) {
				errors.add("cursor", "field.malformed");
			}
		}
		errors.throwIfAny();
		List<LedgerRow> rows = read(query, after, limit + 1);
		return KeysetPage.of(named(rows), limit, r -> KeysetCursor.encode(query.sort(), r.id(),
				sortValue(query.sort(), r)));
	}

	/** Every row of the filter, in pages of {@code pageSize}, for the export; at most {@code max}. */
	@Transactional(readOnly = true)
	public List<LedgerRow> all(LedgerFilter filter, int max) {
		FieldErrors errors = new FieldErrors();
		Query query = query(filter, errors);
		errors.throwIfAny();
		List<LedgerRow> all = new ArrayList<>();
		String[] after = null;
		while (all.size() < max) {
			List<LedgerRow> rows = read(query, after, Math.min(2000, max - all.size()));
			if (rows.isEmpty()) {
				break;
			}
			all.addAll(named(rows));
			LedgerRow last = rows.getLast();
			after = new String[] { query.sort(), String.valueOf(last.id()), sortValue(query.sort(), last) };
		}
		return all;
	}

	/** Items whose name, IP address, serial number or asset tag contain the text, for pickers; by name. */
	@Transactional(readOnly = true)
	public List<ConfigurationItemSummary> search(String text, int limit) {
		String q = FieldErrors.clean(text);
		LedgerFilter filter = new LedgerFilter(null, null, null, null, null, q, null, null);
		Query query = query(filter, new FieldErrors());
		return read(query, null, Math.max(1, Math.min(limit, 50))).stream()
			.map(r -> new ConfigurationItemSummary(r.id(), r.name(), r.classCode(), r.className(),
					r.lifecycle().name(), r.assetTag(), r.serialNumber(), r.ipAddress(), r.customerUnitId()))
			.toList();
	}

	private Query query(LedgerFilter filter, FieldErrors errors) {
		CmdbScope.View reader = scope.reader();
		CmdbScope.Condition inScope = reader.where("i");
		StringBuilder where = new StringBuilder(inScope.sql());
		List<Object> params = new ArrayList<>(inScope.parameters());
		if (filter.classId() != null) {
			classes.find(filter.classId()).ifPresentOrElse(c -> {
				where.append(" and i.class_path like ?");
				params.add(c.path() + "%");
			}, () -> errors.add("classId", "field.value.unknown"));
		}
		if (FieldErrors.clean(filter.lifecycle()) != null) {
			Lifecycle lifecycle = errors.constant(Lifecycle.class, filter.lifecycle(), "lifecycle");
			if (lifecycle != null) {
				where.append(" and i.lifecycle = ?");
				params.add(lifecycle.name());
			}
		}
		if (filter.customerUnitId() != null) {
			List<Long> subtree = organisations.ofPartyKind(PartyKind.CUSTOMER).stream()
				.filter(u -> u.within(filter.customerUnitId())).map(OrganisationUnit::id).toList();
			if (subtree.isEmpty()) {
				errors.add("customerUnitId", "field.value.unknown");
			}
			where.append(" and i.customer_unit_id = any(cast(? as bigint[]))");
			params.add(subtree.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")));
		}
		String location = FieldErrors.clean(filter.location());
		if (location != null) {
			errors.optional("location", location, 100);
			where.append(" and strpos(lower(concat_ws(' ', i.building, i.floor, i.room, i.rack)), lower(?)) > 0");
			params.add(location);
		}
		if (filter.warrantyWithinDays() != null) {
			if (filter.warrantyWithinDays() < 0 || filter.warrantyWithinDays() > 3650) {
				errors.add("warrantyWithinDays", "cmdb.ledger.warranty-days");
			}
			where.append(" and i.warranty_until between ? and ?");
			LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
			params.add(Date.valueOf(today));
			params.add(Date.valueOf(today.plusDays(Math.max(0, filter.warrantyWithinDays()))));
		}
		String q = FieldErrors.clean(filter.q());
		if (q != null) {
			errors.optional("q", q, 100);
			where.append(" and cmdb_text_grams(i.search_text) @> cmdb_text_sought(?)"
					+ " and strpos(i.search_text, lower(?)) > 0");
			params.add(q);
			params.add(q);
		}
		String attribute = FieldErrors.clean(filter.attribute());
		if (attribute != null) {
			attributeCondition(attribute, errors).ifPresent(json -> {
				// containment, which the GIN index on attributes serves (decision 0003)
				where.append(" and i.attributes @> cast(? as jsonb)");
				params.add(json);
			});
		}
		String sort = FieldErrors.clean(filter.sort()) == null ? "name" : filter.sort().strip().toLowerCase();
		if (!List.of("name", "updated", "warranty").contains(sort)) {
			errors.add("sort", "field.value.unknown");
			sort = "name";
		}
		return new Query(where.toString(), params, sort);
	}

	/**
	 * The jsonb that an item's attributes contain when {@code code:value} holds: the value as the attribute stores it
	 * (a number for a number attribute); a mistake of {@code attribute} for an unknown code or a malformed value.
	 */
	private java.util.Optional<String> attributeCondition(String text, FieldErrors errors) {
		int colon = text.indexOf(':');
		String code = colon < 0 ? text : text.substring(0, colon).strip();
		String value = colon < 0 ? "" : text.substring(colon + 1).strip();
		java.util.Optional<CiAttribute> attribute = classes.all().stream().flatMap(c -> c.ownAttributes().stream())
			.filter(a -> a.code().equals(code)).findFirst();
		if (attribute.isEmpty() || value.isEmpty() || text.length() > 200) {
			errors.add("attribute", "cmdb.ledger.attribute");
			return java.util.Optional.empty();
		}
		Object stored = value;
		if (attribute.get().type() == AttributeType.NUMBER || attribute.get().type() == AttributeType.REFERENCE) {
			try {
				stored = new java.math.BigDecimal(value);
			}
			catch (NumberFormatException notANumber) {
				errors.add("attribute", "cmdb.ledger.attribute");
				return java.util.Optional.empty();
			}
		}
		return java.util.Optional.of(ConfigurationItemRecords.JSON.writeValueAsString(Map.of(code, stored)));
	}

	private List<LedgerRow> read(Query query, String[] after, int rows) {
		StringBuilder sql = new StringBuilder("""
				select i.id, i.name, i.class_id, c.code as class_code, c.name as class_name, i.lifecycle, i.asset_tag,
				  i.serial_number, i.ip_address, i.customer_unit_id, i.building, i.floor, i.room, i.rack,
				  i.owner_user_id, i.warranty_until, i.updated_at
				from configuration_item i join ci_class c on c.id = i.class_id where""").append(" ").append(query.where());
		List<Object> params = new ArrayList<>(query.params());
		switch (query.sort()) {
			case "updated" -> {
				if (after != null) {
					sql.append(" and (i.updated_at, i.id) < (?, ?)");
					params.add(Timestamp.from(Instant.parse(after[2])));
					params.add(Long.parseLong(after[1]));
				}
				sql.append(" order by i.updated_at desc, i.id desc");
			}
			case "warranty" -> {
				if (after != null) {
					sql.append(" and (coalesce(i.warranty_until, date '9999-12-31'), i.id) > (?, ?)");
					params.add(Date.valueOf(LocalDate.parse(after[2])));
					params.add(Long.parseLong(after[1]));
				}
				sql.append(" order by coalesce(i.warranty_until, date '9999-12-31'), i.id");
			}
			default -> {
				if (after != null) {
					sql.append(" and (i.name, i.id) > (?, ?)");
					params.add(after[2]);
					params.add(Long.parseLong(after[1]));
				}
				sql.append(" order by i.name, i.id");
			}
		}
		sql.append(" limit ?");
		params.add(rows);
		try {
			return jdbc.sql(sql.toString()).params(params).query(ROW).list();
		}
		catch (NumberFormatException | java.time.DateTimeException malformedCursor) {
			throw RejectedRequest.invalidField("cursor", "field.malformed");
		}
	}

	private static String sortValue(String sort, LedgerRow row) {
		return switch (sort) {
			case "updated" -> row.updatedAt().toString();
			case "warranty" -> row.warrantyUntil() == null ? "9999-12-31" : row.warrantyUntil().toString();
			default -> row.name();
		};
	}

	private List<LedgerRow> named(List<LedgerRow> rows) {
		Map<Long, String> units = organisations.findAll(rows.stream().map(LedgerRow::customerUnitId)
			.filter(Objects::nonNull).distinct().toList()).stream()
			.collect(Collectors.toMap(OrganisationUnit::id, u -> u.partyName() + " / " + u.name()));
		Map<Long, String> owners = people.findAll(rows.stream().map(LedgerRow::ownerUserId).filter(Objects::nonNull)
			.distinct().toList()).stream().collect(Collectors.toMap(Person::id, Person::displayName));
		return rows.stream().map(r -> r.named(r.customerUnitId() == null ? null : units.get(r.customerUnitId()),
				r.ownerUserId() == null ? null : owners.get(r.ownerUserId()))).toList();
	}

	private record Query(String where, List<Object> params, String sort) {
	}
}
