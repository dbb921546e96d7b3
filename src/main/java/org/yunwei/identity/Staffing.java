package org.yunwei.identity;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staffing of the service providers (服务方) as the standard's assessors ask for it (Hunan 5.3.2 主要岗位的人员配置,
 * 岗位职责说明书, 岗位备份制度): how many people, which posts (岗位) with their holder and backup, and who signs in
 * with a second factor. No scope is applied here; the caller decides whose staffing a reader may see.
 */
@Service
public class Staffing {

	private final JdbcClient jdbc;

	Staffing(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The figures of one provider's people and posts, or of every provider's.
	 *
	 * @param people enabled users
	 * @param secondFactor of them, those who sign in with a TOTP second factor
	 * @param posts posts (岗位) of the providers' organisation units
	 * @param held posts with a holder
	 * @param backedUp posts with a backup person (岗位备份)
	 * @param described posts whose responsibilities (岗位职责) are written down
	 */
	public record Figures(long people, long secondFactor, long posts, long held, long backedUp, long described) {
	}

	/**
	 * A post as the staffing list shows it.
	 *
	 * @param holder the holder's display name; {@code null} when vacant
	 * @param backup the backup's display name; {@code null} when none
	 */
	public record StaffedPost(long id, String name, String orgUnitName, String holder, String backup) {
	}

	/** @param providerPartyId one provider party; {@code null}: every provider party */
	@Transactional(readOnly = true)
	public Figures ofProviders(Long providerPartyId) {
		List<Object> params = params(providerPartyId);
		long[] people = jdbc.sql("""
				select count(*) as people, count(*) filter (where u.totp_secret is not null) as totp
				from app_user u join org_unit o on o.id = u.org_unit_id join party p on p.id = o.party_id
				where u.enabled and """ + " " + providers(providerPartyId))
			.params(params)
			.query((rs, n) -> new long[] { rs.getLong("people"), rs.getLong("totp") })
			.single();
		long[] posts = jdbc.sql("""
				select count(*) as posts, count(s.holder_id) as held, count(s.backup_id) as backed_up,
				  count(*) filter (where btrim(s.responsibilities) <> '') as described
				from post s join org_unit o on o.id = s.org_unit_id join party p on p.id = o.party_id
				where """ + " " + providers(providerPartyId))
			.params(params)
			.query((rs, n) -> new long[] { rs.getLong("posts"), rs.getLong("held"), rs.getLong("backed_up"),
					rs.getLong("described") })
			.single();
		return new Figures(people[0], people[1], posts[0], posts[1], posts[2], posts[3]);
	}

	/** The providers' posts, by unit and name, at most {@code limit}. */
	@Transactional(readOnly = true)
	public List<StaffedPost> posts(Long providerPartyId, int limit) {
		List<Object> params = params(providerPartyId);
		params.add(limit);
		return jdbc.sql("""
				select s.id, s.name, o.name as unit, h.display_name as holder, b.display_name as backup
				from post s join org_unit o on o.id = s.org_unit_id join party p on p.id = o.party_id
				left join app_user h on h.id = s.holder_id left join app_user b on b.id = s.backup_id
				where """ + " " + providers(providerPartyId) + " order by o.name, s.name limit ?")
			.params(params)
			.query((rs, n) -> new StaffedPost(rs.getLong("id"), rs.getString("name"), rs.getString("unit"),
					rs.getString("holder"), rs.getString("backup")))
			.list();
	}

	private static String providers(Long providerPartyId) {
		return providerPartyId == null ? "p.kind = 'PROVIDER'" : "p.kind = 'PROVIDER' and p.id = ?";
	}

	private static List<Object> params(Long providerPartyId) {
		List<Object> params = new ArrayList<>();
		if (providerPartyId != null) {
			params.add(providerPartyId);
		}
		return params;
	}
}
