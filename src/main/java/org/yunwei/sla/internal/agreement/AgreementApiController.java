package org.yunwei.sla.internal.agreement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.sla.AppliedAgreement;
import org.yunwei.sla.Priority;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

@RestController
@RequestMapping("/api/v1/sla")
@Tag(name = "Service level agreements", description = "服务级别协议 (GZ 9.1.2): targets per priority P1–P4, warning "
		+ "thresholds, escalation steps, and which agreement applies to a record")
class AgreementApiController {

	private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

	private final AgreementAdministration agreements;

	AgreementApiController(AgreementAdministration agreements) {
		this.agreements = agreements;
	}

	@GetMapping("/agreements")
	@Operation(summary = "The agreements the caller may read, by code",
			description = "Management and supervision read all; a provider those naming it; a customer those covering "
					+ "its unit. Keyset paging: pass the returned 'next' as 'after'.")
	KeysetPage<AgreementSummary> list(
			@Parameter(example = "12") @RequestParam(required = false) Long providerPartyId,
			@Parameter(example = "40") @RequestParam(required = false) Long customerOrgUnitId,
			@Parameter(example = "7") @RequestParam(required = false) Long serviceId,
			@Parameter(example = "true") @RequestParam(required = false) Boolean enabled,
			@Parameter(description = "the 'next' of the previous page") @RequestParam(required = false) String after,
			@Parameter(example = "50", description = "at most 200") @RequestParam(defaultValue = "50") int limit) {
		return agreements.list(new AgreementFilter(providerPartyId, customerOrgUnitId, serviceId, enabled, after,
				limit));
	}

	@GetMapping("/agreements/{id}")
	@Operation(summary = "One agreement with its services, targets and escalation steps")
	AgreementView get(@PathVariable long id) {
		return agreements.get(id);
	}

	@PostMapping("/agreements")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create an agreement (SLA_MANAGE)", description = "400 with a field error for each "
			+ "contradiction (e.g. 'targets.P2.response'), and for a functional escalation step that names neither "
			+ "SECOND_LINE nor an enabled group of the provider or of management ('escalations[0].target'); 409 when "
			+ "the code is taken or a default already exists")
	AgreementView create(@RequestBody AgreementDraft draft) {
		return agreements.create(draft);
	}

	@PutMapping("/agreements/{id}")
	@Operation(summary = "Change an agreement (SLA_MANAGE)", description = "Replaces services, targets and "
			+ "escalation steps; 409 when 'version' is not the current one")
	AgreementView update(@PathVariable long id, @RequestBody AgreementDraft draft) {
		return agreements.update(id, draft);
	}

	@PostMapping("/agreements/{id}/disable")
	@Operation(summary = "Disable an agreement (SLA_MANAGE): it no longer applies to anything")
	AgreementView disable(@PathVariable long id) {
		return agreements.setEnabled(id, false);
	}

	@PostMapping("/agreements/{id}/enable")
	@Operation(summary = "Enable an agreement (SLA_MANAGE)")
	AgreementView enable(@PathVariable long id) {
		return agreements.setEnabled(id, true);
	}

	@GetMapping("/resolve")
	@Operation(summary = "Which agreement applies to a record, and its target for the priority (SLA_MANAGE or "
			+ "SLA_REPORT)", description = "Most specific wins: customer and service, customer, service, default; "
					+ "then the deepest customer unit, the latest valid_from, the lowest id. 404 when none applies.")
	AppliedAgreementView resolve(
			@Parameter(example = "40", required = true) @RequestParam(required = false) Long customerOrgUnitId,
			@Parameter(example = "7") @RequestParam(required = false) Long serviceId,
			@Parameter(example = "P1", required = true) @RequestParam Priority priority,
			@Parameter(example = "2026-11-23", description = "default: today in Asia/Shanghai")
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
		LocalDate day = on == null ? LocalDate.now(BUSINESS_ZONE) : on;
		AppliedAgreement applied = agreements.resolve(customerOrgUnitId, serviceId, priority, day)
			.orElseThrow(() -> RejectedRequest.notFound("agreement"));
		return AppliedAgreementView.of(applied);
	}
}
