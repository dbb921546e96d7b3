package org.yunwei.identity;

import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.yunwei.identity.internal.OrgUnits;
import org.yunwei.identity.internal.SignedInUser;
import org.yunwei.web.RejectedRequest;

/**
 * Who is asking, and what they may see. The one place where the data scope is decided.
 */
@Service
public class Actors {

	private final OrgUnits orgUnits;

	Actors(OrgUnits orgUnits) {
		this.orgUnits = orgUnits;
	}

	/** The signed-in person, if any. */
	public Optional<Actor> find() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
			return Optional.of(user.actor());
		}
		return Optional.empty();
	}

	/** The signed-in person; a request without one never reaches a controller that asks. */
	public Actor current() {
		return find().orElseThrow(() -> RejectedRequest.forbidden("problem.sign-in-required"));
	}

	/** The data scope of the signed-in person. */
	public DataScope scope() {
		return scopeOf(current());
	}

	public DataScope scopeOf(Actor actor) {
		return new DataScope(actor.partyKind(), actor.partyId(), actor.partyKind() == PartyKind.CUSTOMER
				? orgUnits.subtreeIds(actor.orgUnitId()) : java.util.Set.of());
	}

	/**
	 * The data scope of the signed-in person, who is about to change something; refuses (403, problem type
	 * {@code read-only-scope}) when their scope only reads.
	 */
	public DataScope writableScope() {
		DataScope scope = scope();
		if (!scope.mayWrite()) {
			throw new RejectedRequest(HttpStatus.FORBIDDEN, "read-only-scope", "problem.read-only-scope", null, null);
		}
		return scope;
	}

	/** Refuses a write by someone whose scope is read-only, or who may not touch a record so placed. */
	public void requireWritable(Long recordPartyId, Long recordOrgUnitId) {
		DataScope scope = writableScope();
		if (!scope.includes(recordPartyId, recordOrgUnitId)) {
			throw RejectedRequest.notFound("record");
		}
	}
}
