package org.yunwei.personnel.internal;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

/** What the confidentiality forms and the API submit. */
final class ConfidentialityDrafts {

	private ConfidentialityDrafts() {
	}

	/** A signed confidentiality agreement (保密协议书) of one staff member, in one version of its text. */
	public record ConfidentialityAgreementDraft(@Schema(description = "the staff record") Long staffId,
			@Schema(description = "the version of the agreement's text, e.g. 2026版") String version, LocalDate signedOn,
			@Schema(description = "empty: in force until another is signed") LocalDate expiresOn) {
	}

	/** A confidentiality check (保密检查) of a provider. */
	public record CheckDraft(@Schema(description = "the provider party; a provider's keeper may leave it out") Long partyId,
			LocalDate checkedOn, @Schema(description = "what was checked") String subject, String findings,
			Boolean passed) {
	}

	/** A leak incident (泄密事件) of a provider. */
	public record LeakDraft(@Schema(description = "the provider party; a provider's keeper may leave it out") Long partyId,
			LocalDate occurredOn, String summary, @Schema(description = "what was done about it") String measures) {
	}
}
