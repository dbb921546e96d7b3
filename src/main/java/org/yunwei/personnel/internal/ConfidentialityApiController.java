package org.yunwei.personnel.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.personnel.internal.Confidentiality.ConfidentialityAgreementView;
import org.yunwei.personnel.internal.Confidentiality.CheckView;
import org.yunwei.personnel.internal.Confidentiality.LeakIndicator;
import org.yunwei.personnel.internal.Confidentiality.LeakView;
import org.yunwei.personnel.internal.Confidentiality.UnsignedStaff;
import org.yunwei.personnel.internal.ConfidentialityDrafts.ConfidentialityAgreementDraft;
import org.yunwei.personnel.internal.ConfidentialityDrafts.CheckDraft;
import org.yunwei.personnel.internal.ConfidentialityDrafts.LeakDraft;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Confidentiality", description = "保密: confidentiality agreements signed per staff member and version "
		+ "(保密协议书), confidentiality checks (保密检查情况表) and the register of leak incidents with the zero-leaks "
		+ "indicator. PERSONNEL_READ reads those of one's scope, PERSONNEL_MANAGE records them. Lists give the newest "
		+ "200.")
class ConfidentialityApiController {

	private final Confidentiality confidentiality;

	ConfidentialityApiController(Confidentiality confidentiality) {
		this.confidentiality = confidentiality;
	}

	@GetMapping("/api/v1/confidentiality-agreements")
	@Operation(summary = "Signed agreements, newest first, in keyset pages", description = "`inForce`: signed and "
			+ "not expired today. `limit` 1 to 200 (50 by default); pass `next` back as `cursor` for the next page.")
	org.yunwei.web.KeysetPage<ConfidentialityAgreementView> agreements(@RequestParam(required = false) Long staffId,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
		return confidentiality.agreements(staffId, cursor, limit);
	}

	@PostMapping("/api/v1/confidentiality-agreements")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a signed agreement", description = "400 naming the refused fields; 409 when the "
			+ "person signed this version already.")
	Map<String, Long> sign(@RequestBody(required = false) ConfidentialityAgreementDraft draft) {
		return Map.of("id", confidentiality.sign(draft == null ? new ConfidentialityAgreementDraft(null, null, null, null) : draft));
	}

	@GetMapping("/api/v1/confidentiality-agreements/unsigned")
	@Operation(summary = "Staff members without an agreement in force today (flagged)")
	List<UnsignedStaff> unsigned() {
		return confidentiality.unsigned();
	}

	@GetMapping("/api/v1/confidentiality-checks")
	@Operation(summary = "Confidentiality checks, newest first")
	List<CheckView> checks() {
		return confidentiality.checks();
	}

	@PostMapping("/api/v1/confidentiality-checks")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a confidentiality check", description = "A provider's keeper records for their own "
			+ "party; management names the provider (`partyId`).")
	Map<String, Long> check(@RequestBody(required = false) CheckDraft draft) {
		return Map.of("id", confidentiality.check(draft == null ? new CheckDraft(null, null, null, null, null) : draft));
	}

	@GetMapping("/api/v1/leak-incidents")
	@Operation(summary = "Leak incidents, newest first")
	List<LeakView> leaks() {
		return confidentiality.leaks();
	}

	@PostMapping("/api/v1/leak-incidents")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a leak incident")
	Map<String, Long> leak(@RequestBody(required = false) LeakDraft draft) {
		return Map.of("id", confidentiality.leak(draft == null ? new LeakDraft(null, null, null, null) : draft));
	}

	@GetMapping("/api/v1/leak-incidents/indicator")
	@Operation(summary = "The zero-leaks indicator of a period", description = "Default: this year to today.")
	LeakIndicator indicator(@RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to) {
		return confidentiality.indicator(from, to);
	}
}
