package org.yunwei.identity.internal;

import io.swagger.v3.oas.annotations.media.Schema;

/** A temporary password an administrator sets for a user, who must change it at the next sign-in. */
@Schema(name = "PasswordReset")
record PasswordReset(@Schema(example = "Temp#2026-reset") String password) {
}
