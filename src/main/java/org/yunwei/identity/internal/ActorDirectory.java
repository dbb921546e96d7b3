package org.yunwei.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.yunwei.identity.Actor;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.Permission;

/**
 * Loads a user as an {@link Actor} with their party, roles and permissions, and turns them into an authentication.
 */
@Component
class ActorDirectory {

	private final JdbcClient jdbc;

	ActorDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The columns of an {@link Actor} (read by {@link #actor}) from {@code app_user u}, {@code org_unit o} and
	 * {@code party p}: the person with their roles and permissions in one round trip, since it runs on every API
	 * request.
	 */
	static final String ACTOR_COLUMNS = """
			u.id, u.username, u.display_name, p.id as party_id, p.kind, u.org_unit_id,
			    array(select r.code from user_role ur join role r on r.id = ur.role_id
			          where ur.user_id = u.id) as roles,
			    array(select distinct rp.permission from user_role ur
			          join role_permission rp on rp.role_id = ur.role_id where ur.user_id = u.id) as permissions""";

	/** Joins {@code org_unit o} and {@code party p} to {@code app_user u} for {@link #ACTOR_COLUMNS}. */
	static final String ACTOR_JOINS = "join org_unit o on o.id = u.org_unit_id join party p on p.id = o.party_id";

	Actor load(long userId) {
		return jdbc.sql("select " + ACTOR_COLUMNS + " from app_user u " + ACTOR_JOINS + " where u.id = ?")
			.param(userId)
			.query((rs, n) -> actor(rs))
			.single();
	}

	static Actor actor(ResultSet rs) throws SQLException {
		Set<Permission> permissions = EnumSet.noneOf(Permission.class);
		for (String permission : (String[]) rs.getArray("permissions").getArray()) {
			permissions.add(Permission.valueOf(permission));
		}
		return new Actor(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getLong("party_id"), PartyKind.valueOf(rs.getString("kind")), rs.getLong("org_unit_id"),
				Set.copyOf(Arrays.asList((String[]) rs.getArray("roles").getArray())), Set.copyOf(permissions));
	}

	UsernamePasswordAuthenticationToken authenticationOf(long userId, Instant now) {
		return authenticationOf(load(userId), now);
	}

	static UsernamePasswordAuthenticationToken authenticationOf(Actor actor, Instant now) {
		Set<GrantedAuthority> authorities = new HashSet<>();
		actor.permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p.name())));
		actor.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r)));
		authorities.add(new SimpleGrantedAuthority("PARTY_" + actor.partyKind().name()));
		return UsernamePasswordAuthenticationToken.authenticated(new SignedInUser(actor, now), null, authorities);
	}
}
