package org.yunwei.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Looks up organisation units for other modules, which keep only their ids: e.g. the providing unit of a service,
 * the customer subtree of an SLA. No scope is applied here; a module applies {@link Actors#scope()} to its own
 * records.
 */
@Service
public class Organisations {

	private static final String SELECT_UNITS = """
			select o.id, o.code, o.name, p.id as party_id, p.name as party_name, p.kind, o.path,
			       o.enabled and p.enabled as enabled
			from org_unit o join party p on p.id = o.party_id""";

	private static final RowMapper<OrganisationUnit> UNIT = (rs, n) -> new OrganisationUnit(rs.getLong("id"),
			rs.getString("code"), rs.getString("name"), rs.getLong("party_id"), rs.getString("party_name"),
			PartyKind.valueOf(rs.getString("kind")), OrganisationUnit.idsOfPath(rs.getString("path")),
			rs.getBoolean("enabled"));

	private final JdbcClient jdbc;

	Organisations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static final RowMapper<Party> PARTY = (rs, n) -> new Party(rs.getLong("id"), rs.getString("code"),
			rs.getString("name"), PartyKind.valueOf(rs.getString("kind")), rs.getBoolean("enabled"));

	public Optional<OrganisationUnit> find(long orgUnitId) {
		return jdbc.sql(SELECT_UNITS + " where o.id = ?").param(orgUnitId).query(UNIT).optional();
	}

	/**
	 * Every unit of the parties of one kind, enabled or not, by party name and then in tree order: e.g. the customer
	 * units a catalogue service may be ordered by.
	 */
	public List<OrganisationUnit> ofPartyKind(PartyKind kind) {
		return jdbc.sql(SELECT_UNITS + " where p.kind = ? order by p.name, p.id, o.path")
			.param(kind.name())
			.query(UNIT)
			.list();
	}

	/** The ids of a party's units, enabled or not. */
	public List<Long> unitIdsOf(long partyId) {
		return jdbc.sql("select id from org_unit where party_id = ? order by id").param(partyId).query(Long.class)
			.list();
	}

	/** The units of the given ids that exist, in no particular order. */
	public List<OrganisationUnit> findAll(java.util.Collection<Long> orgUnitIds) {
		return orgUnitIds.stream().distinct().map(this::find).flatMap(Optional::stream).toList();
	}

	/** The party of this id; empty when there is none. */
	public Optional<Party> findParty(long partyId) {
		return jdbc.sql("select id, code, name, kind, enabled from party where id = ?")
			.param(partyId)
			.query(PARTY)
			.optional();
	}

	/** The parties of one kind, by name: e.g. the providers a form offers to choose from. */
	public List<Party> parties(PartyKind kind) {
		return jdbc.sql("select id, code, name, kind, enabled from party where kind = ? order by name, id")
			.param(kind.name())
			.query(PARTY)
			.list();
	}
}
