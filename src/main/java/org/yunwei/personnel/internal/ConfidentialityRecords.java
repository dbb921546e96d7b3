package org.yunwei.personnel.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.identity.DataScope;

/**
 * The one writer of {@code confidentiality_agreement}, {@code confidentiality_check} and {@code leak_incident}: the
 * three registers of 保密, each a plain append-only list placed by its provider party.
 */
@Repository
class ConfidentialityRecords {

	/** An agreement as stored. */
	record AgreementRow(long id, long staffId, long partyId, String version, LocalDate signedOn, LocalDate expiresOn) {

		boolean inForce(LocalDate on) {
			return !signedOn.isAfter(on) && (expiresOn == null || !expiresOn.isBefore(on));
		}
	}

	/** A check as stored. */
	record CheckRow(long id, long partyId, LocalDate checkedOn, String subject, String findings, boolean passed) {
	}

	/** A leak incident as stored. */
	record LeakRow(long id, long partyId, LocalDate occurredOn, String summary, String measures) {
	}

	private final JdbcClient jdbc;

	ConfidentialityRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @return the new id, or -1 when the person has signed this version already */
	long insertAgreement(long staffId, long partyId, String version, LocalDate signedOn, LocalDate expiresOn,
			long recordedBy) {
		return jdbc.sql("""
				insert into confidentiality_agreement (staff_id, party_id, version, signed_on, expires_on, recorded_by)
				values (?, ?, ?, ?, ?, ?) on conflict (staff_id, version) do nothing returning id""")
			.params(staffId, partyId, version, signedOn, expiresOn, recordedBy)
			.query(Long.class)
			.optional()
			.orElse(-1L);
	}

	long insertCheck(long partyId, LocalDate checkedOn, String subject, String findings, boolean passed,
			long recordedBy) {
		return jdbc.sql("""
				insert into confidentiality_check (party_id, checked_on, subject, findings, passed, recorded_by)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(partyId, checkedOn, subject, findings, passed, recordedBy)
			.query(Long.class)
			.single();
	}

	long insertLeak(long partyId, LocalDate occurredOn, String summary, String measures, long recordedBy) {
		return jdbc.sql("""
				insert into leak_incident (party_id, occurred_on, summary, measures, recorded_by)
				values (?, ?, ?, ?, ?) returning id""")
			.params(partyId, occurredOn, summary, measures, recordedBy)
			.query(Long.class)
			.single();
	}

	/** The agreements in a scope, of one staff record or all, newest first, at most {@code limit}. */
	List<AgreementRow> agreements(DataScope scope, Long staffId, int limit) {
		return agreements(scope, staffId, null, limit);
	}

	/** As above, after a keyset position ({@code null}: from the newest). */
	List<AgreementRow> agreements(DataScope scope, Long staffId, NewestFirst after, int limit) {
		DataScope.Condition where = scope.where("a.party_id", "null::bigint");
		List<Object> params = new ArrayList<>(where.parameters());
		String staff = "";
		if (staffId != null) {
			staff = " and a.staff_id = ?";
			params.add(staffId);
		}
		if (after != null) {
			staff += after.condition("a.signed_on", "a.id", "date");
			params.addAll(after.parameters());
		}
		params.add(limit);
		return jdbc.sql("select a.id, a.staff_id, a.party_id, a.version, a.signed_on, a.expires_on "
				+ "from confidentiality_agreement a where " + where.sql() + staff
				+ " order by a.signed_on desc, a.id desc limit ?")
			.params(params)
			.query((rs, n) -> new AgreementRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
					rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class)))
			.list();
	}

	/** The staff records in a scope without an agreement in force on {@code on}, by id, at most {@code limit}. */
	List<Long> unsigned(DataScope scope, LocalDate on, int limit) {
		DataScope.Condition where = scope.where("s.party_id", "s.org_unit_id");
		List<Object> params = new ArrayList<>(where.parameters());
		params.add(on);
		params.add(on);
		params.add(limit);
		return jdbc.sql("select s.id from staff_member s where " + where.sql() + """
				 and not exists (select 1 from confidentiality_agreement a where a.staff_id = s.id
				   and a.signed_on <= ? and (a.expires_on is null or a.expires_on >= ?))
				order by s.id limit ?""")
			.params(params)
			.query(Long.class)
			.list();
	}

	List<CheckRow> checks(DataScope scope, int limit) {
		DataScope.Condition where = scope.where("c.party_id", "null::bigint");
		List<Object> params = new ArrayList<>(where.parameters());
		params.add(limit);
		return jdbc.sql("select c.id, c.party_id, c.checked_on, c.subject, c.findings, c.passed "
				+ "from confidentiality_check c where " + where.sql() + " order by c.checked_on desc, c.id desc limit ?")
			.params(params)
			.query((rs, n) -> new CheckRow(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
					rs.getString(4), rs.getString(5), rs.getBoolean(6)))
			.list();
	}

	List<LeakRow> leaks(DataScope scope, int limit) {
		DataScope.Condition where = scope.where("l.party_id", "null::bigint");
		List<Object> params = new ArrayList<>(where.parameters());
		params.add(limit);
		return jdbc.sql("select l.id, l.party_id, l.occurred_on, l.summary, l.measures "
				+ "from leak_incident l where " + where.sql() + " order by l.occurred_on desc, l.id desc limit ?")
			.params(params)
			.query((rs, n) -> new LeakRow(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
					rs.getString(4), rs.getString(5)))
			.list();
	}

	/** The leak incidents in a scope that occurred from {@code from} to {@code to}, both included. */
	long leakCount(DataScope scope, LocalDate from, LocalDate to) {
		DataScope.Condition where = scope.where("l.party_id", "null::bigint");
		List<Object> params = new ArrayList<>(where.parameters());
		params.add(from);
		params.add(to);
		return jdbc.sql("select count(*) from leak_incident l where " + where.sql()
				+ " and l.occurred_on >= ? and l.occurred_on <= ?")
			.params(params)
			.query(Long.class)
			.single();
	}
}
