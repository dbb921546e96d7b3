package org.yunwei.identity.internal;

import org.yunwei.web.KeysetCursor;
import org.yunwei.web.FieldErrors;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.identity.DataScope;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

/**
 * Reads users as administrators see them: with their unit, party and roles, never a password hash or a TOTP
 * secret. Lists are read by keyset on (sort value, id), so that the thousandth page costs what the first does.
 */
@Repository
class UserRoster {

	private static final String SELECT = """
			select u.id, u.username, u.display_name, u.email, u.phone, u.phone_sealed, u.org_unit_id, o.name as org_unit_name,
			       p.id as party_id, p.name as party_name, p.kind as party_kind, u.enabled,
			       coalesce(u.locked_until > now(), false) as locked, u.locked_until,
			       u.must_change_password, u.last_sign_in_at, u.created_at, u.service_account,
			       array(select r.code from user_role ur join role r on r.id = ur.role_id
			             where ur.user_id = u.id order by r.code) as roles
			from app_user u join org_unit o on o.id = u.org_unit_id join party p on p.id = o.party_id""";

	private final JdbcClient jdbc;
	private final DirectoryPhones phones;

	UserRoster(JdbcClient jdbc, DirectoryPhones phones) {
		this.jdbc = jdbc;
		this.phones = phones;
	}

	Optional<UserView> find(long id) {
		return jdbc.sql(SELECT + " where u.id = ?").param(id).query(this::map).optional();
	}

	/** The users of a party, by display name, for choosing a post's holder and backup. */
	List<UserView> ofParty(long partyId) {
		return jdbc.sql(SELECT + " where p.id = ? and u.enabled order by u.display_name, u.id").param(partyId)
			.query(this::map).list();
	}

	KeysetPage<UserView> page(UserQuery query, DataScope.Condition scope) {
		Sort sort = query.sortOrDefault();
		List<Object> params = new ArrayList<>(scope.parameters());
		StringBuilder sql = new StringBuilder(SELECT).append(" where ").append(scope.sql());
		String q = FieldErrors.clean(query.q());
		if (q != null) {
			String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			// a number is found by its keyed digest, whole: the sealed column cannot be searched by parts
			sql.append(" and (u.username ilike ? or u.display_name ilike ? or u.phone_digest = ?)");
			params.add(like);
			params.add(like);
			params.add(phoneLike(q) ? phones.digest(q) : new byte[0]);
		}
		if (query.partyId() != null) {
			sql.append(" and p.id = ?");
			params.add(query.partyId());
		}
		if (query.orgUnitId() != null) {
			sql.append(" and o.path like (select path from org_unit where id = ?) || '%'");
			params.add(query.orgUnitId());
		}
		if (query.enabled() != null) {
			sql.append(" and u.enabled = ?");
			params.add(query.enabled());
		}
		if (query.cursor() != null && !query.cursor().isBlank()) {
			Position after = Position.decode(query.cursor(), sort);
			sql.append(" and (").append(sort.expression).append(", u.id) ").append(sort.descending ? "<" : ">")
				.append(" (?, ?)");
			params.add(after.value());
			params.add(after.id());
		}
		String direction = sort.descending ? " desc" : " asc";
		sql.append(" order by ").append(sort.expression).append(direction).append(", u.id").append(direction)
			.append(" limit ?");
		int limit = query.limitOrDefault();
		params.add(limit + 1);
		List<UserView> rows = jdbc.sql(sql.toString()).params(params).query(this::map).list();
		return KeysetPage.of(rows, limit, user -> Position.of(user, sort).encode());
	}

	private static boolean phoneLike(String q) {
		return FieldErrors.PHONE.matcher(q).matches();
	}

	private UserView map(ResultSet rs, int row) throws SQLException {
		DirectoryPhones.OpenedPhone phone = phones.open(rs.getBytes("phone_sealed"), rs.getString("phone"),
				rs.getLong("id"));
		return new UserView(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getString("email"), phone.number(), phone.unreadable(), rs.getLong("org_unit_id"), rs.getString("org_unit_name"),
				rs.getLong("party_id"), rs.getString("party_name"), rs.getString("party_kind"), rs.getBoolean("enabled"), rs.getBoolean("locked"),
				UserAccounts.instant(rs, "locked_until"), rs.getBoolean("must_change_password"),
				UserAccounts.instant(rs, "last_sign_in_at"), UserAccounts.instant(rs, "created_at"),
				rs.getBoolean("service_account"), List.of((String[]) rs.getArray("roles").getArray()));
	}

	/** The orders a user list may take; the expression is what the keyset compares. */
	enum Sort {
		USERNAME("lower(u.username)", false), USERNAME_DESC("lower(u.username)", true),
		DISPLAY_NAME("u.display_name", false), DISPLAY_NAME_DESC("u.display_name", true),
		CREATED_AT("u.created_at", false), CREATED_AT_DESC("u.created_at", true);

		final String expression;
		final boolean descending;

		Sort(String expression, boolean descending) {
			this.expression = expression;
			this.descending = descending;
		}

		/** From {@code username|displayName|createdAt} and {@code asc|desc}; {@code null} when unknown. */
		static Sort of(String field, String direction) {
			boolean desc = "desc".equalsIgnoreCase(direction);
			if (direction != null && !desc && !"asc".equalsIgnoreCase(direction)) {
				return null;
			}
			return switch (field == null ? "username" : field) {
				case "username" -> desc ? USERNAME_DESC : USERNAME;
				case "displayName" -> desc ? DISPLAY_NAME_DESC : DISPLAY_NAME;
				case "createdAt" -> desc ? CREATED_AT_DESC : CREATED_AT;
				default -> null;
			};
		}

		boolean byTime() {
			return this == CREATED_AT || this == CREATED_AT_DESC;
		}
	}

	/** Where a page ended: the sort it belongs to, the last row's sort value and id; opaque to clients. */
	record Position(Sort sort, Object value, long id) {

		static Position of(UserView user, Sort sort) {
			Object value = switch (sort) {
				case USERNAME, USERNAME_DESC -> user.username().toLowerCase(java.util.Locale.ROOT);
				case DISPLAY_NAME, DISPLAY_NAME_DESC -> user.displayName();
				case CREATED_AT, CREATED_AT_DESC -> user.createdAt();
			};
			return new Position(sort, value, user.id());
		}

		String encode() {
			return KeysetCursor.encode(sort.name(), id, value);
		}

		/** Reads a cursor made by {@link #encode} for the same sort; anything else is the client's mistake. */
		static Position decode(String cursor, Sort expected) {
			try {
				String[] parts = KeysetCursor.decode(cursor, 3).orElse(null);
				if (parts == null || !parts[0].equals(expected.name())) {
					throw RejectedRequest.invalidField("cursor", "directory.cursor.invalid");
				}
				Object value = expected.byTime() ? Timestamp.from(Instant.parse(parts[2])) : parts[2];
				return new Position(expected, value, Long.parseLong(parts[1]));
			}
			catch (IllegalArgumentException | DateTimeParseException malformed) {
				throw RejectedRequest.invalidField("cursor", "directory.cursor.invalid");
			}
		}
	}
}
