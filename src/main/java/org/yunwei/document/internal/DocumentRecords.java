package org.yunwei.document.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code document} and {@code document_scope} tables. */
@Repository
class DocumentRecords {

	private static final String SELECT = """
			select d.id, d.category_id, d.title, d.owner_id, d.party_id, d.summary, d.review_date, d.effective_date,
			  d.current_version_id, v.number as current_number, d.created_at, d.updated_at
			from document d left join document_version v on v.id = d.current_version_id""";

	private final JdbcClient jdbc;

	DocumentRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A row as stored; the owner's name is filled in by the caller. */
	record Row(long id, long categoryId, String title, long ownerId, long partyId, String summary,
			LocalDate reviewDate, LocalDate effectiveDate, Long currentVersionId, Integer currentVersionNumber,
			java.time.Instant createdAt, java.time.Instant updatedAt) {
	}

	/** A party or a unit a document applies to. */
	record Applies(Long partyId, Long orgUnitId) {
	}

	long insert(long categoryId, String title, long ownerId, long partyId, String summary, LocalDate reviewDate) {
		return jdbc.sql("""
				insert into document (category_id, title, owner_id, party_id, summary, review_date)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(categoryId, title, ownerId, partyId, summary, date(reviewDate))
			.query(Long.class)
			.single();
	}

	void update(long id, long categoryId, String title, long ownerId, String summary, LocalDate reviewDate) {
		jdbc.sql("""
				update document set category_id = ?, title = ?, owner_id = ?, summary = ?, review_date = ?,
				  updated_at = now() where id = ?""")
			.params(categoryId, title, ownerId, summary, date(reviewDate), id)
			.update();
	}

	void replaceScope(long id, Collection<Long> partyIds, Collection<Long> orgUnitIds) {
		jdbc.sql("delete from document_scope where document_id = ?").param(id).update();
		for (Long party : partyIds) {
			jdbc.sql("insert into document_scope (document_id, party_id) values (?, ?)").params(id, party).update();
		}
		for (Long unit : orgUnitIds) {
			jdbc.sql("insert into document_scope (document_id, org_unit_id) values (?, ?)").params(id, unit).update();
		}
	}

	List<Applies> scope(long id) {
		return jdbc.sql("select party_id, org_unit_id from document_scope where document_id = ?"
				+ " order by party_id, org_unit_id")
			.param(id)
			.query((rs, n) -> new Applies(rs.getObject("party_id", Long.class), rs.getObject("org_unit_id", Long.class)))
			.list();
	}

	/** The document if the reader's scope includes it; locked for update when asked. */
	Optional<Row> find(long id, DocumentReaderScope scope, boolean lock) {
		List<Object> params = new ArrayList<>();
		params.add(id);
		params.addAll(scope.parameters());
		return jdbc.sql(SELECT + " where d.id = ? and " + scope.where() + (lock ? " for update of d" : ""))
			.params(params)
			.query((rs, n) -> row(rs))
			.optional();
	}

	/** Without any scope: for listeners and the scheduler, which act for no person. */
	Optional<Row> findForUpdate(long id) {
		return jdbc.sql(SELECT + " where d.id = ? for update of d").param(id).query((rs, n) -> row(rs)).optional();
	}

	/** One keyset page of the documents the reader sees, one extra row telling that more follow. */
	List<Row> list(DocumentQuery query, DocumentReaderScope scope, LocalDate today) {
		StringBuilder where = new StringBuilder(scope.where());
		List<Object> params = new ArrayList<>(scope.parameters());
		if (query.categoryId() != null) {
			where.append(" and d.category_id = ?");
			params.add(query.categoryId());
		}
		if (query.q() != null) {
			where.append(" and strpos(lower(d.title), lower(?)) > 0");
			params.add(query.q());
		}
		if (query.state() != null) {
			switch (query.state()) {
				case "CURRENT" -> where.append(" and d.current_version_id is not null");
				case "UNPUBLISHED" -> where.append(" and d.current_version_id is null");
				default -> {
					where.append(" and d.current_version_id is not null and d.review_date < ?");
					params.add(date(today));
				}
			}
		}
		if (query.after() != null) {
			where.append(" and ").append(query.afterCondition());
			params.add(query.after().key());
			params.add(query.after().id());
		}
		params.add(query.size() + 1);
		return jdbc.sql(SELECT + " where " + where + " order by " + query.orderBy() + " limit ?")
			.params(params)
			.query((rs, n) -> row(rs))
			.list();
	}

	/** The current documents of a category the reader sees, by title: what governs a module's work. */
	List<Row> current(long categoryId, DocumentReaderScope scope, int limit) {
		List<Object> params = new ArrayList<>();
		params.add(categoryId);
		params.addAll(scope.parameters());
		params.add(limit);
		return jdbc.sql(SELECT + " where d.category_id = ? and d.current_version_id is not null and " + scope.where()
				+ " order by lower(d.title), d.id limit ?")
			.params(params)
			.query((rs, n) -> row(rs))
			.list();
	}

	/** Of a provider's (or every party's) documents of these categories, the current ones by category. */
	List<Row> currentOf(Collection<Long> categoryIds, Long partyId) {
		if (categoryIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + " where d.current_version_id is not null"
				+ " and d.category_id = any(cast(? as bigint[])) and (cast(? as bigint) is null or d.party_id = ?"
				+ " or exists (select 1 from document_scope s where s.document_id = d.id and s.party_id = ?))"
				+ " order by d.category_id, d.effective_date desc, d.id")
			.params(ids(categoryIds), partyId, partyId, partyId)
			.query((rs, n) -> row(rs))
			.list();
	}

	void publish(long id, long versionId, LocalDate effectiveDate) {
		jdbc.sql("update document set current_version_id = ?, effective_date = ?, updated_at = now() where id = ?")
			.params(versionId, date(effectiveDate), id)
			.update();
	}

	void touch(long id) {
		jdbc.sql("update document set updated_at = now() where id = ?").param(id).update();
	}

	/** Published documents whose review falls on or before {@code until} and whose owner was not told of it yet. */
	List<Row> reviewDue(LocalDate until, int limit) {
		return jdbc.sql(SELECT + " where d.current_version_id is not null and d.review_date <= ?"
				+ " and d.review_reminded is distinct from d.review_date order by d.review_date, d.id limit ?")
			.params(date(until), limit)
			.query((rs, n) -> row(rs))
			.list();
	}

	void reminded(long id, LocalDate reviewDate) {
		jdbc.sql("update document set review_reminded = ? where id = ?").params(date(reviewDate), id).update();
	}

	static String ids(Collection<Long> ids) {
		return ids.stream().distinct().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}"));
	}

	static Date date(LocalDate date) {
		return date == null ? null : Date.valueOf(date);
	}

	private static Row row(ResultSet rs) throws SQLException {
		Date review = rs.getDate("review_date");
		Date effective = rs.getDate("effective_date");
		return new Row(rs.getLong("id"), rs.getLong("category_id"), rs.getString("title"), rs.getLong("owner_id"),
				rs.getLong("party_id"), rs.getString("summary"), review == null ? null : review.toLocalDate(),
				effective == null ? null : effective.toLocalDate(), rs.getObject("current_version_id", Long.class),
				rs.getObject("current_number", Integer.class), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}
}
