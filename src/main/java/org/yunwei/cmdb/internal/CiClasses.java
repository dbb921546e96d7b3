package org.yunwei.cmdb.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads {@code ci_class} and {@code ci_attribute}. The classes are few (tens to a few hundred), so a read
 * takes them all and assembles each class's inherited attributes in memory.
 */
@Repository
class CiClasses {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final TypeReference<List<EnumOption>> OPTIONS = new TypeReference<>() {
	};

	private static final RowMapper<CiClass> CLASS = (rs, n) -> new CiClass(rs.getLong("id"), rs.getString("code"),
			rs.getString("name"), rs.getString("name_en"), (Long) rs.getObject("parent_id", Long.class),
			rs.getString("path"), rs.getString("description"), rs.getBoolean("built_in"), rs.getBoolean("enabled"),
			rs.getBoolean("review_required"), false, List.of());

	private static final RowMapper<CiAttribute> ATTRIBUTE = (rs, n) -> new CiAttribute(rs.getLong("id"),
			rs.getLong("class_id"), rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
			AttributeType.valueOf(rs.getString("type")), rs.getBoolean("required"), rs.getBoolean("unique_value"),
			JSON.readValue(rs.getString("options"), OPTIONS), rs.getObject("reference_class_id", Long.class),
			rs.getInt("position"));

	private final JdbcClient jdbc;
	/** The classes as last assembled, with the generation they were read at (migration V9). */
	private volatile Assembled assembled;

	CiClasses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Every class with its attributes, inherited ones included, in the order of the tree (parents first); the same
	 * unchangeable list while no statement wrote the classes or attributes (read as the caller's transaction sees
	 * them, so a transaction that changed a class reads its change).
	 */
	List<CiClass> all() {
		long generation = jdbc.sql("select generation from ci_class_generation where id = 1").query(Long.class)
			.single();
		Assembled known = assembled;
		if (known != null && known.generation() == generation) {
			return known.classes();
		}
		List<CiClass> classes = List.copyOf(assemble());
		assembled = new Assembled(generation, classes);
		return classes;
	}

	private record Assembled(long generation, List<CiClass> classes) {
	}

	private List<CiClass> assemble() {
		List<CiClass> classes = jdbc.sql("select * from ci_class").query(CLASS).list();
		Map<Long, List<CiAttribute>> own = new LinkedHashMap<>();
		for (CiAttribute attribute : jdbc.sql("select * from ci_attribute order by position, id").query(ATTRIBUTE)
			.list()) {
			own.computeIfAbsent(attribute.classId(), k -> new ArrayList<>()).add(attribute);
		}
		Map<Long, CiClass> byId = new LinkedHashMap<>();
		classes.forEach(c -> byId.put(c.id(), c));
		List<CiClass> assembled = new ArrayList<>();
		for (CiClass c : classes) {
			List<CiAttribute> attributes = new ArrayList<>();
			boolean inherited = false;
			for (long ancestor : c.lineage()) {
				attributes.addAll(own.getOrDefault(ancestor, List.of()));
				CiClass a = byId.get(ancestor);
				inherited |= ancestor != c.id() && a != null && a.reviewRequired();
			}
			assembled.add(c.withAttributes(attributes, inherited));
		}
		Map<Long, String> sortKeys = new LinkedHashMap<>();
		for (CiClass c : assembled) {
			StringBuilder key = new StringBuilder();
			for (long ancestor : c.lineage()) {
				CiClass a = byId.get(ancestor);
				key.append(a == null ? "" : a.name()).append('\u0000').append(ancestor).append('\u0001');
			}
			sortKeys.put(c.id(), key.toString());
		}
		assembled.sort(Comparator.comparing(c -> sortKeys.get(c.id())));
		return assembled;
	}

	Optional<CiClass> find(long id) {
		return all().stream().filter(c -> c.id() == id).findFirst();
	}

	Optional<CiClass> findByCode(String code) {
		return all().stream().filter(c -> c.code().equalsIgnoreCase(code)).findFirst();
	}

	boolean codeTaken(String code, Long exceptId) {
		return jdbc.sql("select count(*) from ci_class where lower(code) = lower(?) and id <> ?")
			.params(code, exceptId == null ? -1 : exceptId).query(Long.class).single() > 0;
	}

	long insert(CiClassDraft draft, String parentPath) {
		long id = jdbc.sql("""
				insert into ci_class (code, name, name_en, parent_id, description, enabled, review_required)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(draft.code(), draft.name(), draft.nameEn(), draft.parentId(), draft.description(),
					draft.enabled() == null || draft.enabled(), Boolean.TRUE.equals(draft.reviewRequired()))
			.query(Long.class).single();
		jdbc.sql("update ci_class set path = ? where id = ?").params(parentPath + id + "/", id).update();
		return id;
	}

	void update(long id, CiClassDraft draft, boolean reviewRequired) {
		jdbc.sql("""
				update ci_class set name = ?, name_en = ?, description = ?, enabled = ?, review_required = ?
				where id = ?""")
			.params(draft.name(), draft.nameEn(), draft.description(), draft.enabled() == null || draft.enabled(),
					reviewRequired, id)
			.update();
	}

	void requireReview(long id, boolean required) {
		jdbc.sql("update ci_class set review_required = ? where id = ?").params(required, id).update();
	}

	long insertAttribute(long classId, AttributeDraft draft) {
		return jdbc.sql("""
				insert into ci_attribute (class_id, code, name, name_en, type, required, unique_value, options,
				  reference_class_id, position)
				values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?) returning id""")
			.params(classId, draft.code(), draft.name(), draft.nameEn(), draft.type(), Boolean.TRUE.equals(draft.required()),
					Boolean.TRUE.equals(draft.unique()), JSON.writeValueAsString(draft.options()),
					draft.referenceClassId(), draft.position() == null ? 100 : draft.position())
			.query(Long.class).single();
	}

	void updateAttribute(long id, AttributeDraft draft) {
		jdbc.sql("""
				update ci_attribute set name = ?, name_en = ?, required = ?, options = cast(? as jsonb), position = ?
				where id = ?""")
			.params(draft.name(), draft.nameEn(), Boolean.TRUE.equals(draft.required()),
					JSON.writeValueAsString(draft.options()), draft.position() == null ? 100 : draft.position(), id)
			.update();
	}

	void deleteAttribute(long id) {
		jdbc.sql("delete from ci_unique_value where attribute_id = ?").param(id).update();
		jdbc.sql("delete from ci_attribute where id = ?").param(id).update();
	}

	/** How many items of the class path (the class and its subclasses) hold a value for the attribute code. */
	long itemsWithValue(String classPath, String code) {
		return jdbc.sql("""
				select count(*) from configuration_item where class_path like ? and jsonb_exists(attributes, ?)""")
			.params(classPath + "%", code).query(Long.class).single();
	}

	long itemsOfClass(String classPath) {
		return jdbc.sql("select count(*) from configuration_item where class_path like ?")
			.param(classPath + "%").query(Long.class).single();
	}
}
