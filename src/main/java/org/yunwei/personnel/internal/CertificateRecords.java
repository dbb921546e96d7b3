package org.yunwei.personnel.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one writer of {@code staff_certificate}. */
@Repository
class CertificateRecords {

	private static final RowMapper<Certificate> ROW = (rs, n) -> new Certificate(rs.getLong("id"),
			rs.getLong("staff_id"), rs.getString("name"), rs.getString("issuer"), rs.getString("number"),
			rs.getObject("issued_on", LocalDate.class), rs.getObject("expires_on", LocalDate.class));

	private final JdbcClient jdbc;

	CertificateRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long staffId, CertificateDraft c) {
		return jdbc.sql("""
				insert into staff_certificate (staff_id, name, issuer, number, issued_on, expires_on)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(staffId, c.name(), c.issuer(), c.number(), c.issuedOn(), c.expiresOn())
			.query(Long.class)
			.single();
	}

	Optional<Certificate> find(long staffId, long id) {
		return jdbc.sql("select * from staff_certificate where staff_id = ? and id = ?")
			.params(staffId, id)
			.query(ROW)
			.optional();
	}

	void delete(long id) {
		jdbc.sql("delete from staff_certificate where id = ?").param(id).update();
	}

	/** The certificates of a record, those expiring first first, those without expiry last. */
	List<Certificate> of(long staffId) {
		return jdbc.sql("select * from staff_certificate where staff_id = ? order by expires_on nulls last, name, id")
			.param(staffId)
			.query(ROW)
			.list();
	}
}
