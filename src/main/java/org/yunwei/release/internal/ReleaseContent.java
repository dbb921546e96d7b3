package org.yunwei.release.internal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.yunwei.web.FieldErrors;

/**
 * What a release manager writes into a release: its title, type and version, the items in scope, the changes it
 * delivers, the release plan (发布方案) with its planned date and the known errors (已知错误) it goes out with. Text is
 * trimmed, blank is absent.
 */
record ReleaseContent(String title, ReleaseType type, String releaseVersion, List<Long> ciIds, List<Long> changeIds,
		String plan, Instant plannedAt, String knownErrors) {

	static final int MAX_ITEMS = 200;
	static final int MAX_CHANGES = 200;

	ReleaseContent {
		ciIds = ciIds == null ? List.of() : ciIds.stream().filter(Objects::nonNull).distinct().toList();
		changeIds = changeIds == null ? List.of() : changeIds.stream().filter(Objects::nonNull).distinct().toList();
	}

	/**
	 * Reads a submitted form or body, collecting every mistake of the fields this record can judge alone; the items
	 * and the changes are checked against the CMDB and change management by the caller. A planned date in the past
	 * is refused: a plan is for what is still to be done.
	 */
	static ReleaseContent read(String title, String type, String releaseVersion, List<Long> ciIds,
			List<Long> changeIds, String plan, Instant plannedAt, String knownErrors, Instant now,
			FieldErrors errors) {
		String cleanTitle = FieldErrors.clean(title);
		String cleanVersion = FieldErrors.clean(releaseVersion);
		String cleanPlan = FieldErrors.clean(plan);
		String cleanErrors = FieldErrors.clean(knownErrors);
		errors.required("title", cleanTitle, 200)
			.required("releaseVersion", cleanVersion, 50)
			.optional("plan", cleanPlan, 10000)
			.optional("knownErrors", cleanErrors, 10000);
		ReleaseType parsedType = errors.constant(ReleaseType.class, type, "type");
		if (ciIds != null && ciIds.size() > MAX_ITEMS) {
			errors.add("ciIds", "release.items.too-many");
		}
		if (changeIds != null && changeIds.size() > MAX_CHANGES) {
			errors.add("changeIds", "release.changes.too-many");
		}
		if (plannedAt != null && plannedAt.isBefore(now)) {
			errors.add("plannedAt", "release.planned.past");
		}
		return new ReleaseContent(cleanTitle, parsedType, cleanVersion, ciIds, changeIds, cleanPlan, plannedAt,
				cleanErrors);
	}
}
