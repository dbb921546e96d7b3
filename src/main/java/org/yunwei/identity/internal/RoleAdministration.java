package org.yunwei.identity.internal;

import org.yunwei.web.FieldErrors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actors;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.Permission;
import org.yunwei.web.RejectedRequest;

/**
 * Custom roles and their permissions, defined by management for every party. The built-in roles of 三员分立 and supervision are fixed: their permissions
 * are what the separation of duties rests on, so nobody edits them here.
 */
@Service
class RoleAdministration {

	static final Pattern ROLE_CODE = Pattern.compile("^[A-Z][A-Z0-9_]{1,49}$");

	private final Roles roles;
	private final Actors actors;
	private final UserAccounts accounts;
	private final ApiTokens tokens;
	private final AuditTrail audit;

	RoleAdministration(Roles roles, Actors actors, AuditTrail audit, UserAccounts accounts, ApiTokens tokens) {
		this.roles = roles;
		this.accounts = accounts;
		this.tokens = tokens;
		this.actors = actors;
		this.audit = audit;
	}

	@PreAuthorize("hasAnyAuthority('ROLE_MANAGE', 'ROLE_ASSIGN', 'USER_READ', 'USER_MANAGE')")
	public List<Roles.Role> list() {
		return roles.all();
	}

	/** Every role's name by its code, for pages that show roles by name. */
	@PreAuthorize("hasAnyAuthority('ROLE_MANAGE', 'ROLE_ASSIGN', 'USER_READ', 'USER_MANAGE', 'ADMIN_GRANT_DECIDE')")
	public java.util.Map<String, String> names() {
		return roles.all().stream().collect(java.util.stream.Collectors.toMap(Roles.Role::code, Roles.Role::name));
	}

	@PreAuthorize("hasAnyAuthority('ROLE_MANAGE', 'ROLE_ASSIGN', 'USER_READ', 'USER_MANAGE')")
	public Roles.Role get(long id) {
		return roles.find(id).orElseThrow(() -> RejectedRequest.notFound("role"));
	}

	@PreAuthorize("hasAuthority('ROLE_MANAGE')")
	@Transactional
	public Roles.Role create(RoleDraft draft) {
		requireWritable();
		String code = FieldErrors.clean(draft.code());
		String name = FieldErrors.clean(draft.name());
		String description = FieldErrors.clean(draft.description());
		var violations = new FieldErrors().required("code", code, 50)
			.matches("code", code, ROLE_CODE, "directory.role.code.format")
			.required("name", name, 100)
			.optional("description", description, 500);
		List<Permission> permissions = permissions(draft.permissions(), violations);
		violations.throwIfAny();
		SeparationOfDuties.checkCustomPermissions(permissions);
		if (roles.codeTaken(code)) {
			throw FieldErrors.taken("code", "directory.role.code.taken");
		}
		if (roles.nameTaken(name, null)) {
			throw FieldErrors.taken("name", "directory.role.name.taken");
		}
		long id = roles.insert(code, name, description);
		roles.replacePermissions(id, permissions.stream().map(Enum::name).toList());
		Roles.Role created = roles.find(id).orElseThrow();
		audit.record(AuditEntry.of("ROLE_CREATE", "role", id).after(view(created)));
		return created;
	}

	@PreAuthorize("hasAuthority('ROLE_MANAGE')")
	@Transactional
	public Roles.Role update(long id, RoleChange change) {
		requireWritable();
		Roles.Role before = get(id);
		if (before.builtIn()) {
			throw FieldErrors.ruleBroken("built-in-role", null, "directory.role.built-in");
		}
		String name = FieldErrors.clean(change.name());
		String description = FieldErrors.clean(change.description());
		var violations = new FieldErrors().required("name", name, 100).optional("description", description, 500);
		List<Permission> permissions = permissions(change.permissions(), violations);
		violations.throwIfAny();
		SeparationOfDuties.checkCustomPermissions(permissions);
		for (List<String> others : roles.otherPermissionsOfHolders(id)) {
			List<String> combined = new ArrayList<>(others);
			permissions.forEach(permission -> combined.add(permission.name()));
			SeparationOfDuties.checkDuties(combined, "permissions");
		}
		if (roles.nameTaken(name, id)) {
			throw FieldErrors.taken("name", "directory.role.name.taken");
		}
		roles.update(id, name, description);
		roles.replacePermissions(id, permissions.stream().map(Enum::name).toList());
		Roles.Role after = roles.find(id).orElseThrow();
		Map<String, Object> afterView = new LinkedHashMap<>(view(after));
		if (!Set.copyOf(after.permissions()).equals(Set.copyOf(before.permissions()))) {
			afterView.put("holdersSignedOut", signOutHolders(id));
		}
		audit.record(AuditEntry.of("ROLE_UPDATE", "role", id).before(view(before)).after(afterView));
		return after;
	}

	/**
	 * A change of what a role permits is a change of every holder's rights, as if each had been given or taken a role:
	 * their sessions end and their API tokens are revoked in the same transaction, so that nobody works on with rights
	 * they were given under the old definition. Answers how many holders it signed out.
	 */
	private int signOutHolders(long roleId) {
		Instant now = Instant.now();
		List<Long> holders = roles.holdersOf(roleId);
		for (long holder : holders) {
			accounts.endSessions(holder, now);
			tokens.revokeAllOf(holder, now);
		}
		return holders.size();
	}

	/** Roles are shared by every party, so only management defines them. */
	private void requireWritable() {
		if (actors.writableScope().partyKind() != PartyKind.MANAGEMENT) {
			throw RejectedRequest.forbidden("problem.directory.management-only");
		}
	}

	private static List<Permission> permissions(List<String> names, FieldErrors violations) {
		List<Permission> permissions = new ArrayList<>();
		for (String name : names == null ? List.<String>of() : names) {
			try {
				Permission permission = Permission.valueOf(name);
				if (!permissions.contains(permission)) {
					permissions.add(permission);
				}
			}
			catch (IllegalArgumentException | NullPointerException unknown) {
				violations.add("permissions", "directory.role.permission.unknown");
			}
		}
		return permissions;
	}

	static Map<String, Object> view(Roles.Role role) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("code", role.code());
		view.put("name", role.name());
		view.put("description", role.description());
		view.put("permissions", role.permissions());
		return view;
	}
}
