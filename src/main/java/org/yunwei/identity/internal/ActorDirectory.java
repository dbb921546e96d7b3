package org.yunwei.identity.internal;

import java.time.Instant;
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

	Actor load(long userId) {
		var base = jdbc.sql("""
				select u.id, u.username, u.display_name, p.id as party_id, p.kind, u.org_unit_id
				from app_user u join org_unit o on o.id = u.org_unit_id join party p on p.id = o.party_id
				where u.id = ?""")
			.param(userId)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getString(5), rs.getLong(6) })
			.single();
		Set<String> roles = new HashSet<>(jdbc.sql("""
				select r.code from user_role ur join role r on r.id = ur.role_id where ur.user_id = ?""")
			.param(userId).query(String.class).list());
		Set<Permission> permissions = EnumSet.noneOf(Permission.class);
		jdbc.sql("""
				select distinct rp.permission from user_role ur join role_permission rp on rp.role_id = ur.role_id
				where ur.user_id = ?""")
			.param(userId)
			.query(String.class)
			.list()
			.forEach(p -> permissions.add(Permission.valueOf(p)));
		return new Actor((long) base[0], (String) base[1], (String) base[2], (long) base[3],
				PartyKind.valueOf((String) base[4]), (long) base[5], Set.copyOf(roles), Set.copyOf(permissions));
	}

	UsernamePasswordAuthenticationToken authenticationOf(long userId, Instant now) {
		Actor actor = load(userId);
		Set<GrantedAuthority> authorities = new HashSet<>();
		actor.permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p.name())));
		actor.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r)));
		authorities.add(new SimpleGrantedAuthority("PARTY_" + actor.partyKind().name()));
		return UsernamePasswordAuthenticationToken.authenticated(new SignedInUser(actor, now), null, authorities);
	}
}
