package org.yunwei.inspection.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Writes and reads {@code inspection_template} and {@code inspection_template_version}. */
@Repository
public class InspectionTemplates {

	static final JsonMapper JSON = JsonMapper.builder().build();
	private static final TypeReference<List<ChecklistItem>> ITEMS = new TypeReference<>() {
	};

	private static final RowMapper<InspectionTemplate> TEMPLATE = (rs, n) -> new InspectionTemplate(rs.getLong("id"),
			rs.getObject("party_id", Long.class), rs.getString("name"), TargetKind.valueOf(rs.getString("target_kind")),
			rs.getString("ci_class_code"), rs.getString("description"), rs.getInt("current_version"),
			rs.getBoolean("enabled"));

	/** A version of a template's checklist. */
	public record TemplateVersion(long id, long templateId, int number, Checklist checklist, Long createdBy,
			Instant createdAt) {
	}

	private final JdbcClient jdbc;
	private final RowMapper<TemplateVersion> versionRow = this::version;

	InspectionTemplates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long partyId, TemplateContent content, long userId) {
		long id = jdbc.sql("""
				insert into inspection_template (party_id, name, target_kind, ci_class_code, description, current_version)
				values (?, ?, ?, ?, ?, 1) returning id""")
			.params(partyId, content.name(), content.targetKind().name(), content.ciClassCode(),
					content.description())
			.query(Long.class).single();
		insertVersion(id, 1, content.checklist(), userId);
		return id;
	}

	void insertVersion(long templateId, int number, Checklist checklist, long userId) {
		jdbc.sql("""
				insert into inspection_template_version (template_id, number, items, created_by)
				values (?, ?, cast(? as jsonb), ?)""")
			.params(templateId, number, JSON.writeValueAsString(checklist.items()), userId).update();
	}

	void update(InspectionTemplate template) {
		jdbc.sql("""
				update inspection_template set name = ?, ci_class_code = ?, description = ?, current_version = ?,
				  enabled = ?, updated_at = now() where id = ?""")
			.params(template.name(), template.ciClassCode(), template.description(), template.currentVersion(),
					template.enabled(), template.id())
			.update();
	}

	public Optional<InspectionTemplate> find(long id) {
		return jdbc.sql("select * from inspection_template where id = ?").param(id).query(TEMPLATE).optional();
	}

	Optional<InspectionTemplate> findForUpdate(long id) {
		return jdbc.sql("select * from inspection_template where id = ? for update").param(id).query(TEMPLATE)
			.optional();
	}

	/** The templates of the parties given (and the shipped ones), by name; {@code null}: every party's. */
	List<InspectionTemplate> list(Long partyId) {
		return jdbc.sql("""
				select * from inspection_template where party_id is null or cast(? as bigint) is null or party_id = ?
				order by party_id nulls first, name, id""")
			.params(partyId, partyId).query(TEMPLATE).list();
	}

	/** The current version of a template. */
	public TemplateVersion current(long templateId) {
		return jdbc.sql("""
				select v.* from inspection_template_version v join inspection_template t on t.id = v.template_id
				where t.id = ? and v.number = t.current_version""")
			.param(templateId).query(versionRow).single();
	}

	public TemplateVersion version(long versionId) {
		return jdbc.sql("select * from inspection_template_version where id = ?").param(versionId)
			.query(versionRow).single();
	}

	List<TemplateVersion> versions(long templateId) {
		return jdbc.sql("select * from inspection_template_version where template_id = ? order by number desc")
			.param(templateId).query(versionRow).list();
	}

	private TemplateVersion version(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new TemplateVersion(rs.getLong("id"), rs.getLong("template_id"), rs.getInt("number"),
				new Checklist(JSON.readValue(rs.getString("items"), ITEMS)), rs.getObject("created_by", Long.class),
				rs.getTimestamp("created_at").toInstant());
	}
}
