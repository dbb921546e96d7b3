package org.yunwei.document.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Who a version asks to confirm having read it (阅知确认): named people, the holders of a role in the parties the
 * document applies to, the members of a unit and the units below it.
 */
public record ReadersDraft(
		@Schema(description = "people by id") List<Long> userIds,
		@Schema(description = "role codes, built-in (SERVICE_DESK_AGENT, SUPERVISOR …) or custom (GET /api/v1/roles)")
		List<String> roleCodes,
		@Schema(description = "units by id; their members and those of the units below them") List<Long> orgUnitIds) {

	public ReadersDraft {
		userIds = userIds == null ? List.of() : List.copyOf(userIds);
		roleCodes = roleCodes == null ? List.of() : List.copyOf(roleCodes);
		orgUnitIds = orgUnitIds == null ? List.of() : List.copyOf(orgUnitIds);
	}
}
