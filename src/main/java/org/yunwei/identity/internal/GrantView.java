package org.yunwei.identity.internal;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A request to give an administrative role, as the officers who decide on it see it. */
@Schema(name = "AdministrativeGrant")
record GrantView(long id, long userId, @Schema(example = "wangwu") String username,
		@Schema(example = "王五") String displayName,
		@Schema(description = "the roles the person held when it was asked", example = "[]") List<String> rolesBefore,
		@Schema(description = "the complete set of roles asked for", example = "[\"AUDIT_ADMIN\"]") List<String> rolesAsked,
		long requestedBy, @Schema(example = "secadmin") String requestedByUsername, Instant requestedAt,
		@Schema(example = "PENDING", allowableValues = { "PENDING", "CONFIRMED", "REJECTED" }) String status,
		Long decidedBy, String decidedByUsername, Instant decidedAt) {
}
