package org.yunwei.identity.internal;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.identity.Actors;
import org.yunwei.identity.DataScope;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * The API tokens of a service account, which never signs in to get one itself. A token carries the account's
 * roles, so under 三员分立 whoever gives roles (ROLE_ASSIGN, the security administrator) issues and revokes them,
 * within their data scope; an account holding an administrative role gets none this way, since such a token must
 * come from a sign-in with a second factor.
 */
@Service
class ServiceAccountTokens {

	private final UserRoster roster;
	private final PersonalTokens tokens;
	private final Actors actors;

	ServiceAccountTokens(UserRoster roster, PersonalTokens tokens, Actors actors) {
		this.roster = roster;
		this.tokens = tokens;
		this.actors = actors;
	}

	@PreAuthorize("hasAuthority('ROLE_ASSIGN')")
	@Transactional
	public PersonalTokens.IssuedToken issue(long userId, String name, Integer expiresInDays) {
		UserView account = serviceAccount(userId);
		if (!account.enabled()) {
			throw FieldErrors.ruleBroken("account-disabled", "userId", "directory.service-account.disabled");
		}
		if (account.roles().stream().anyMatch(SeparationOfDuties.ADMINISTRATORS::contains)) {
			throw FieldErrors.ruleBroken("separation-of-duties", "userId", "directory.service-account.administrator");
		}
		return tokens.issue(userId, actors.current().username(), name, expiresInDays);
	}

	@PreAuthorize("hasAuthority('ROLE_ASSIGN')")
	public List<ApiTokens.TokenView> of(long userId) {
		return tokens.of(serviceAccount(userId).id());
	}

	@PreAuthorize("hasAuthority('ROLE_ASSIGN')")
	@Transactional
	public void revoke(long userId, long tokenId) {
		tokens.revoke(serviceAccount(userId).id(), tokenId);
	}

	private UserView serviceAccount(long userId) {
		DataScope scope = actors.writableScope();
		UserView user = roster.find(userId).filter(u -> scope.includes(u.partyId(), u.orgUnitId()))
			.orElseThrow(() -> RejectedRequest.notFound("user"));
		if (!user.serviceAccount()) {
			throw FieldErrors.ruleBroken("not-service-account", "userId", "directory.service-account.required");
		}
		return user;
	}
}
