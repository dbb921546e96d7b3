package org.yunwei.personnel.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.identity.DataScope;

/**
 * The one writer of {@code score_sheet}, {@code score_sheet_item}, {@code appraisal} and {@code appraisal_score}.
 */
@Repository
class AppraisalRecords {

	record SheetRow(long id, String name, String description) {
	}

	record ItemRow(long id, long sheetId, int position, String name, BigDecimal weight, ScoreSource source) {
	}

	record AppraisalRow(long id, long sheetId, long staffId, long partyId, LocalDate from, LocalDate to,
			BigDecimal total, String comment, long appraiser, java.time.Instant createdAt) {
	}

	record ScoreRow(long itemId, BigDecimal score, String basis) {
	}

	private final JdbcClient jdbc;

	AppraisalRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @return the new id, or -1 when the name is taken */
	long insertSheet(String name, String description, long createdBy) {
		return jdbc.sql("insert into score_sheet (name, description, created_by) values (?, ?, ?) "
				+ "on conflict (name) do nothing returning id")
			.params(name, description, createdBy)
			.query(Long.class)
			.optional()
			.orElse(-1L);
	}

	void insertItem(long sheetId, int position, String name, BigDecimal weight, ScoreSource source) {
		jdbc.sql("insert into score_sheet_item (sheet_id, position, name, weight, source) values (?, ?, ?, ?, ?)")
			.params(sheetId, position, name, weight, source.name())
			.update();
	}

	List<SheetRow> sheets() {
		return jdbc.sql("select id, name, description from score_sheet order by name, id")
			.query((rs, n) -> new SheetRow(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	Optional<SheetRow> sheet(long id) {
		return jdbc.sql("select id, name, description from score_sheet where id = ?")
			.param(id)
			.query((rs, n) -> new SheetRow(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.optional();
	}

	List<ItemRow> items(long sheetId) {
		return jdbc.sql("select id, sheet_id, position, name, weight, source from score_sheet_item where sheet_id = ? "
				+ "order by position")
			.param(sheetId)
			.query((rs, n) -> new ItemRow(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
					rs.getBigDecimal(5), ScoreSource.valueOf(rs.getString(6))))
			.list();
	}

	long insertAppraisal(long sheetId, long staffId, long partyId, LocalDate from, LocalDate to, BigDecimal total,
			String comment, long appraiser) {
		return jdbc.sql("""
				insert into appraisal (sheet_id, staff_id, party_id, period_from, period_to, total, comment, appraiser)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(sheetId, staffId, partyId, from, to, total, comment, appraiser)
			.query(Long.class)
			.single();
	}

	void insertScore(long appraisalId, long itemId, BigDecimal score, String basis) {
		jdbc.sql("insert into appraisal_score (appraisal_id, item_id, score, basis) values (?, ?, ?, ?)")
			.params(appraisalId, itemId, score, basis)
			.update();
	}

	Optional<AppraisalRow> appraisal(long id) {
		return jdbc.sql("select * from appraisal where id = ?").param(id).query((rs, n) -> row(rs)).optional();
	}

	/** The appraisals in a scope, of one staff record or all, the latest period first, at most {@code limit}. */
	List<AppraisalRow> appraisals(DataScope scope, Long staffId, NewestFirst after, int limit) {
		DataScope.Condition where = scope.where("a.party_id", "null::bigint");
		List<Object> params = new ArrayList<>(where.parameters());
		String staff = "";
		if (staffId != null) {
			staff = " and a.staff_id = ?";
			params.add(staffId);
		}
		staff += after.condition("a.period_to", "a.id", "date");
		params.addAll(after.parameters());
		params.add(limit);
		return jdbc.sql("select a.* from appraisal a where " + where.sql() + staff
				+ " order by a.period_to desc, a.id desc limit ?")
			.params(params)
			.query((rs, n) -> row(rs))
			.list();
	}

	/** The appraisals of one staff record, the latest period first (for the record's page and the person). */
	List<AppraisalRow> ofStaff(long staffId, int limit) {
		return jdbc.sql("select a.* from appraisal a where a.staff_id = ? order by a.period_to desc, a.id desc limit ?")
			.params(staffId, limit)
			.query((rs, n) -> row(rs))
			.list();
	}

	List<ScoreRow> scores(long appraisalId) {
		return jdbc.sql("""
				select s.item_id, s.score, s.basis from appraisal_score s join score_sheet_item i on i.id = s.item_id
				where s.appraisal_id = ? order by i.position""")
			.param(appraisalId)
			.query((rs, n) -> new ScoreRow(rs.getLong(1), rs.getBigDecimal(2), rs.getString(3)))
			.list();
	}

	private static AppraisalRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new AppraisalRow(rs.getLong("id"), rs.getLong("sheet_id"), rs.getLong("staff_id"),
				rs.getLong("party_id"), rs.getObject("period_from", LocalDate.class),
				rs.getObject("period_to", LocalDate.class), rs.getBigDecimal("total"), rs.getString("comment"),
				rs.getLong("appraiser"), rs.getTimestamp("created_at").toInstant());
	}
}
