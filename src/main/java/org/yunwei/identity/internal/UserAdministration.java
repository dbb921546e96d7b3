package org.yunwei.identity.internal;

import org.yunwei.web.FieldErrors;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actors;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.PersonChangedParty;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

/**
 * Users as administrators manage them: create with an initial password, edit the profile, disable and enable,
 * reset the password, unlock, end every session. Disabling, resetting the password and ending sessions also revoke
 * every API token in the same transaction, so that nothing the person holds works a moment later.
 */
@Service
class UserAdministration {

	private static final SecureRandom RANDOM = new SecureRandom();

	static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]{1,49}$");

	private final UserAccounts accounts;
	private final UserRoster roster;
	private final OrgUnits orgUnits;
	private final ApiTokens tokens;
	private final LastSystemAdministrator lastSystemAdministrator;
	private final Roles roles;
	private final PasswordPolicy passwordPolicy;
	private final PasswordEncoder encoder;
	private final Actors actors;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock = Clock.systemUTC();

	UserAdministration(UserAccounts accounts, UserRoster roster, OrgUnits orgUnits, ApiTokens tokens,
			LastSystemAdministrator lastSystemAdministrator, Roles roles,
			PasswordPolicy passwordPolicy, PasswordEncoder encoder, Actors actors, AuditTrail audit,
			ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.roster = roster;
		this.orgUnits = orgUnits;
		this.tokens = tokens;
		this.lastSystemAdministrator = lastSystemAdministrator;
		this.roles = roles;
		this.passwordPolicy = passwordPolicy;
		this.encoder = encoder;
		this.actors = actors;
		this.audit = audit;
		this.events = events;
	}

	@PreAuthorize("hasAnyAuthority('USER_READ', 'USER_MANAGE')")
	public KeysetPage<UserView> list(UserQuery query) {
		query.check();
		return roster.page(query, actors.scope().where("p.id", "u.org_unit_id"));
	}

	@PreAuthorize("hasAnyAuthority('USER_READ', 'USER_MANAGE')")
	public UserView get(long id) {
		DataScope scope = actors.scope();
		return roster.find(id).filter(u -> scope.includes(u.partyId(), u.orgUnitId()))
			.orElseThrow(() -> RejectedRequest.notFound("user"));
	}

	@PreAuthorize("hasAuthority('USER_MANAGE')")
	@Transactional
	public UserView create(UserDraft draft) {
		DataScope scope = actors.writableScope();
		String username = FieldErrors.clean(draft.username());
		String displayName = FieldErrors.clean(draft.displayName());
		String email = FieldErrors.clean(draft.email());
		String phone = FieldErrors.clean(draft.phone());
		var violations = new FieldErrors().required("username", username, 50)
			.matches("username", username, USERNAME, "directory.user.username.format");
		checkProfile(violations, displayName, email, phone, draft.orgUnitId(), scope);
		// a service account never signs in with a password: the one stored is random and known to nobody
		if (!draft.isServiceAccount() && (draft.password() == null || draft.password().isEmpty())) {
			violations.add("password", "field.required");
		}
		else if (!draft.isServiceAccount()) {
			try {
				passwordPolicy.check("password", username, draft.password(), List.of());
			}
			catch (RejectedRequest weak) {
				weak.fieldErrors().forEach(violations::add);
			}
		}
		violations.throwIfAny();
		if (accounts.usernameTaken(username)) {
			throw FieldErrors.taken("username", "directory.user.username.taken");
		}
		long id;
		try {
			id = accounts.insert(username, displayName, email, phone, draft.orgUnitId(),
					encoder.encode(draft.isServiceAccount() ? unknownPassword() : draft.password()),
					!draft.isServiceAccount(), null);
		}
		catch (DuplicateKeyException sameMoment) {
			// another administrator took the name between the check and the insert
			throw FieldErrors.taken("username", "directory.user.username.taken");
		}
		if (draft.isServiceAccount()) {
			accounts.markServiceAccount(id);
		}
		UserAccount created = accounts.findById(id).orElseThrow();
		audit.record(AuditEntry.of("USER_CREATE", "user", id).after(created.auditView()));
		return roster.find(id).orElseThrow();
	}

	@PreAuthorize("hasAuthority('USER_MANAGE')")
	@Transactional
	public UserView update(long id, UserChange change) {
		DataScope scope = actors.writableScope();
		UserAccount before = visibleAccount(id, scope);
		String displayName = FieldErrors.clean(change.displayName());
		String email = FieldErrors.clean(change.email());
		String phone = FieldErrors.clean(change.phone());
		var violations = new FieldErrors();
		checkProfile(violations, displayName, email, phone, change.orgUnitId(), scope);
		violations.throwIfAny();
		Long movedFrom = null;
		long partyId = 0;
		if (change.orgUnitId() != before.orgUnitId()) {
			// a move to another party must not leave a role that belongs to the old party's kind (SUPERVISOR)
			partyId = orgUnits.find(change.orgUnitId()).orElseThrow().partyId();
			SeparationOfDuties.checkRoles(roles.codesOf(id),
					PartyKind.valueOf(orgUnits.findParty(partyId).orElseThrow().kind()));
			long fromParty = orgUnits.find(before.orgUnitId()).orElseThrow().partyId();
			movedFrom = fromParty == partyId ? null : fromParty;
		}
		// a number that does not open with this key shows as empty: an empty field then keeps it rather than erase it
		boolean keepPhone = phone == null && roster.find(id).map(UserView::phoneUnreadable).orElse(false);
		accounts.updateProfile(id, displayName, email, phone, keepPhone, change.orgUnitId());
		if (movedFrom != null) {
			events.publishEvent(new PersonChangedParty(id, movedFrom, partyId));
		}
		audit.record(AuditEntry.of("USER_UPDATE", "user", id).before(before.auditView())
			.after(accounts.findById(id).orElseThrow().auditView()));
		return roster.find(id).orElseThrow();
	}

	/**
	 * Disables or enables an account. Disabling ends its sessions at their next request and revokes its tokens;
	 * nobody disables themselves, nor the last enabled system administrator.
	 */
	@PreAuthorize("hasAuthority('USER_MANAGE')")
	@Transactional
	public UserView setEnabled(long id, boolean enabled) {
		DataScope scope = actors.writableScope();
		UserAccount before = visibleAccount(id, scope);
		if (before.enabled() == enabled) {
			return roster.find(id).orElseThrow();
		}
		Instant now = clock.instant();
		int revoked = 0;
		if (!enabled) {
			if (id == actors.current().userId()) {
				throw FieldErrors.ruleBroken("self-disable", null, "directory.user.self-disable");
			}
			lastSystemAdministrator.requireAnotherBesides(id);
			revoked = tokens.revokeAllOf(id, now);
		}
		accounts.setEnabled(id, enabled, now);
		Map<String, Object> after = accounts.findById(id).orElseThrow().auditView();
		if (!enabled) {
			after.put("tokensRevoked", revoked);
		}
		audit.record(AuditEntry.of(enabled ? "USER_ENABLE" : "USER_DISABLE", "user", id).before(before.auditView())
			.after(after));
		return roster.find(id).orElseThrow();
	}

	/** Signs the person out everywhere (强制下线): every session ends, every token is revoked; the account stays. */
	@PreAuthorize("hasAnyAuthority('USER_MANAGE', 'USER_UNLOCK')")
	@Transactional
	public void endSessions(long id) {
		DataScope scope = actors.writableScope();
		UserAccount account = visibleAccount(id, scope);
		Instant now = clock.instant();
		accounts.endSessions(id, now);
		int revoked = tokens.revokeAllOf(id, now);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("sessionsValidAfter", now.toString());
		after.put("tokensRevoked", revoked);
		audit.record(AuditEntry.of("USER_END_SESSIONS", "user", id)
			.before(Map.of("sessionsValidAfter", account.sessionsValidAfter().toString()))
			.after(after));
	}

	/**
	 * Sets a temporary password (重置密码) that the person must change at the next sign-in; their sessions end and
	 * their tokens are revoked. The second factor stays, so that whoever resets a password cannot sign in as the
	 * person; an administrator without one is therefore refused. One's own password is changed on the account page.
	 */
	@PreAuthorize("hasAuthority('USER_MANAGE')")
	@Transactional
	public UserView resetPassword(long id, PasswordReset reset) {
		DataScope scope = actors.writableScope();
		UserAccount account = visibleAccount(id, scope);
		if (id == actors.current().userId()) {
			throw FieldErrors.ruleBroken("self-reset", "password", "directory.user.self-reset");
		}
		String password = reset == null ? null : reset.password();
		if (password == null || password.isEmpty()) {
			throw RejectedRequest.invalidField("password", "field.required");
		}
		passwordPolicy.check("password", account.username(), password,
				accounts.recentPasswordHashes(id, PasswordPolicy.HISTORY));
		boolean administrator = roles.codesOf(id).stream().anyMatch(SeparationOfDuties.ADMINISTRATORS::contains);
		if (administrator && !account.hasSecondFactor()) {
			throw FieldErrors.ruleBroken("separation-of-duties", "password", "directory.user.reset-administrator");
		}
		Instant now = clock.instant();
		accounts.changePassword(id, encoder.encode(password), true, now);
		accounts.endSessions(id, now);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("passwordChangedAt", now.toString());
		after.put("mustChangePassword", true);
		after.put("tokensRevoked", tokens.revokeAllOf(id, now));
		audit.record(AuditEntry.of("USER_PASSWORD_RESET", "user", id)
			.before(Map.of("passwordChangedAt", account.passwordChangedAt().toString()))
			.after(after));
		return roster.find(id).orElseThrow();
	}

	@PreAuthorize("hasAuthority('USER_UNLOCK')")
	@Transactional
	public UserView unlock(long id) {
		DataScope scope = actors.writableScope();
		UserAccount before = visibleAccount(id, scope);
		accounts.unlock(id);
		Map<String, Object> was = new LinkedHashMap<>();
		was.put("failedAttempts", before.failedAttempts());
		was.put("lockedUntil", before.lockedUntil() == null ? null : before.lockedUntil().toString());
		Map<String, Object> now = new LinkedHashMap<>();
		now.put("failedAttempts", 0);
		now.put("lockedUntil", null);
		audit.record(AuditEntry.of("USER_UNLOCK", "user", id).before(was).after(now));
		return roster.find(id).orElseThrow();
	}

	/** The account if the asker's scope includes it, else 404, so that nobody learns of users beyond their scope. */
	private UserAccount visibleAccount(long id, DataScope scope) {
		return roster.find(id).filter(u -> scope.includes(u.partyId(), u.orgUnitId()))
			.flatMap(u -> accounts.findById(id))
			.orElseThrow(() -> RejectedRequest.notFound("user"));
	}

	private void checkProfile(FieldErrors violations, String displayName, String email, String phone, Long orgUnitId,
			DataScope scope) {
		violations.required("displayName", displayName, 100)
			.optional("email", email, 200)
			.matches("email", email, FieldErrors.EMAIL, "directory.user.email.format")
			.optional("phone", phone, 30)
			.matches("phone", phone, FieldErrors.PHONE, "directory.user.phone.format")
			.required("orgUnitId", orgUnitId);
		if (orgUnitId != null) {
			var unit = orgUnits.find(orgUnitId).filter(u -> scope.includes(u.partyId(), u.id()));
			if (unit.isEmpty()) {
				violations.add("orgUnitId", "directory.user.unit.unknown");
			}
			else if (!unit.get().enabled()) {
				violations.add("orgUnitId", "directory.user.unit.disabled");
			}
		}
	}


	private static String unknownPassword() {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		return Base64.getEncoder().encodeToString(secret);
	}
}
