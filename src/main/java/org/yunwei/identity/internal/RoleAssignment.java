package org.yunwei.identity.internal;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The complete set of roles a user is to hold, by code. */
@Schema(name = "RoleAssignment")
record RoleAssignment(@ArraySchema(schema = @Schema(example = "SECURITY_ADMIN")) List<String> roles) {
}
