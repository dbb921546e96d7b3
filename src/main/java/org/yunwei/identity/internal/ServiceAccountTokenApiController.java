package org.yunwei.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users/{id}/tokens")
@Tag(name = "Users", description = "用户: accounts, their state and their roles")
class ServiceAccountTokenApiController {

	private final ServiceAccountTokens tokens;

	ServiceAccountTokenApiController(ServiceAccountTokens tokens) {
		this.tokens = tokens;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Issue an API token for a service account (ROLE_ASSIGN)",
			description = "The token is shown only in this answer and carries the account's roles, e.g. ALERT_INTAKE "
					+ "for a monitoring integration. Only service accounts get tokens this way; they never sign in.")
	TokenApiController.TokenIssued issue(@PathVariable long id, @RequestBody ServiceTokenRequest request) {
		var issued = tokens.issue(id, request.name(), request.expiresInDays());
		return new TokenApiController.TokenIssued(issued.id(), issued.token(), issued.expiresAt());
	}

	@GetMapping
	@Operation(summary = "A service account's tokens (never the token values) (ROLE_ASSIGN)")
	List<ApiTokens.TokenView> list(@PathVariable long id) {
		return tokens.of(id);
	}

	@DeleteMapping("/{tokenId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke a service account's token; it stops working at once (ROLE_ASSIGN)")
	void revoke(@PathVariable long id, @PathVariable long tokenId) {
		tokens.revoke(id, tokenId);
	}

	record ServiceTokenRequest(@Schema(example = "Alertmanager") String name,
			@Schema(example = "365", minimum = "1", maximum = "365") Integer expiresInDays) {
	}
}
