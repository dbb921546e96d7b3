package org.yunwei.identity.internal;

import io.swagger.v3.oas.annotations.media.Schema;

/** A post with the names of its unit, holder and backup person. */
@Schema(name = "Post")
record PostView(long id, long orgUnitId, String orgUnitName, long partyId,
		@Schema(example = "服务台值班员") String name, @Schema(example = "受理并登记服务请求") String responsibilities,
		Long holderId, String holderName, Long backupId, String backupName) {
}
