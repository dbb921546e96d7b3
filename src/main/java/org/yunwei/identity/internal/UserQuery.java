package org.yunwei.identity.internal;

import org.yunwei.web.FieldErrors;
import io.swagger.v3.oas.annotations.Parameter;

/**
 * What a user list asks for. Unknown sort fields and limits out of range are refused rather than guessed.
 */
record UserQuery(@Parameter(description = "part of the user name or display name", example = "张") String q,
		@Parameter(description = "only users of this party") Long partyId,
		@Parameter(description = "only users of this unit and the units below it") Long orgUnitId,
		@Parameter(description = "only enabled (true) or disabled (false) users") Boolean enabled,
		@Parameter(description = "username, displayName or createdAt", example = "username") String sort,
		@Parameter(description = "asc or desc", example = "asc") String direction,
		@Parameter(description = "1 to 100, default 20", example = "20") Integer limit,
		@Parameter(description = "the `next` of the previous page") String cursor) {

	static final int DEFAULT_LIMIT = 20;
	static final int MAX_LIMIT = 100;

	/** Blank parameters, as a plain form or link sends them, mean the default. */
	UserRoster.Sort sortOrDefault() {
		return UserRoster.Sort.of(FieldErrors.clean(sort), FieldErrors.clean(direction));
	}

	int limitOrDefault() {
		return limit == null ? DEFAULT_LIMIT : limit;
	}

	/** Refuses a sort or limit the list cannot honour, naming the parameter. */
	void check() {
		var violations = new FieldErrors();
		if (sortOrDefault() == null) {
			violations.add(UserRoster.Sort.of(FieldErrors.clean(sort), null) == null ? "sort" : "direction",
					"directory.sort.invalid");
		}
		if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
			violations.add("limit", "directory.limit.invalid");
		}
		violations.optional("q", q, 100);
		violations.throwIfAny();
	}
}
