package org.yunwei.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.identity.Actors;
import org.yunwei.web.RejectedRequest;

@RestController
@RequestMapping("/api/v1/auth/tokens")
@Tag(name = "Authentication", description = "API tokens for scripts and integrations (个人访问令牌)")
class TokenApiController {

	private final SignIn signIn;
	private final PersonalTokens tokens;
	private final ActorDirectory directory;
	private final PendingObligations obligations;
	private final Actors actors;

	TokenApiController(SignIn signIn, PersonalTokens tokens, ActorDirectory directory, PendingObligations obligations,
			Actors actors) {
		this.signIn = signIn;
		this.tokens = tokens;
		this.directory = directory;
		this.obligations = obligations;
		this.actors = actors;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@SecurityRequirements
	@Operation(summary = "Sign in with user name, password and (if enrolled) the current TOTP code, and get a token",
			description = "The token is shown only in this answer. Send it as `Authorization: Bearer <token>`. "
					+ "A TOTP code is accepted once: a second request needs the next code. Administrators (system, "
					+ "security, audit) get a token only with a second factor enrolled and its code; a change of the "
					+ "user's roles revokes every token they hold.")
	TokenIssued create(@RequestBody TokenRequest request, HttpServletRequest http) {
		long userId;
		try {
			userId = signIn.verify(request.username(), request.password(), request.totp(), http.getRemoteAddr());
		}
		catch (BadCredentialsException refused) {
			throw new RejectedRequest(HttpStatus.UNAUTHORIZED, "sign-in-failed", "signin.failed", null, null);
		}
		var actor = directory.load(userId);
		var pending = obligations.beforeToken(actor);
		if (pending.contains(PendingObligations.Obligation.CHANGE_PASSWORD)) {
			throw RejectedRequest.forbidden("token.password-change-required");
		}
		if (pending.contains(PendingObligations.Obligation.ENROL_SECOND_FACTOR)) {
			throw RejectedRequest.forbidden("token.second-factor-required");
		}
		var issued = tokens.issue(userId, actor.username(), request.name(), request.expiresInDays());
		return new TokenIssued(issued.id(), issued.token(), issued.expiresAt());
	}

	@GetMapping
	@Operation(summary = "The caller's own tokens (never the token values)")
	List<ApiTokens.TokenView> mine() {
		return tokens.of(actors.current().userId());
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke one of the caller's tokens; it stops working at once")
	void revoke(@PathVariable long id) {
		tokens.revoke(actors.current().userId(), id);
	}

	record TokenRequest(@Schema(example = "zhangsan") String username, @Schema(example = "S3cure!pass") String password,
			@Schema(example = "123456", description = "current 6-digit code, when the account has a second factor") String totp,
			@Schema(example = "monitoring script") String name, @Schema(example = "90") Integer expiresInDays) {
	}

	record TokenIssued(long id, String token, Instant expiresAt) {
	}
}
