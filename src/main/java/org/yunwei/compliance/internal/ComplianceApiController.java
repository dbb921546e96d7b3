package org.yunwei.compliance.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The register, read only: there is no endpoint that writes it. */
@RestController
@RequestMapping("/api/v1/compliance/items")
@PreAuthorize("hasAuthority('COMPLIANCE_READ')")
@Tag(name = "Assessment evidence", description = "考核证据: the 89 key assessment items (关键考核项) of the Hunan "
		+ "O&M standard, chapters 4–10, each EVIDENCED (live figures of the period, latest records, links), PARTIAL "
		+ "(what is there and what is missing) or MISSING (not yet provided), with the gaps a module detects. "
		+ "COMPLIANCE_READ; management and supervision read every provider or the one they pick, a provider its "
		+ "own party's, customers nothing (403).")
class ComplianceApiController {

	private static final String FROM = "first day, ISO date; with `to`; default: the current month (Asia/Shanghai)";
	private static final String TO = "last day, included; at most 366 days after `from`";
	private static final String PROVIDER = "a provider party's id: only its evidence (management and supervision; a "
			+ "provider always reads its own, whatever it names here)";

	private final ComplianceRegister register;

	ComplianceApiController(ComplianceRegister register) {
		this.register = register;
	}

	@GetMapping
	@Operation(summary = "Every key assessment item with its state and evidence, grouped by chapter",
			description = "An item's `id` is its clause and item joined (`6.1.2e`, `5.6.2a.1`); `state` is EVIDENCED, "
					+ "PARTIAL or MISSING; `counts` sums them up. Figures count the records of the period; their "
					+ "`link` lists them (in the reader's own scope). 400 naming `from`, `to` or `provider` when "
					+ "unreadable.")
	ComplianceRegister.Register items(
			@Parameter(example = "2026-11-01", description = FROM) @RequestParam(required = false) String from,
			@Parameter(example = "2026-11-30", description = TO) @RequestParam(required = false) String to,
			@Parameter(example = "3", description = PROVIDER) @RequestParam(required = false) Long provider) {
		return register.read(CompliancePeriod.parse(from, to, register.zone()), provider,
				LocaleContextHolder.getLocale());
	}

	@GetMapping("/{id:.+}")
	@Operation(summary = "One key assessment item with its state and evidence",
			description = "404 for an id that is no key assessment item.")
	ComplianceRegister.ItemAnswer item(@Parameter(example = "6.1.2e") @PathVariable String id,
			@Parameter(example = "2026-11-01", description = FROM) @RequestParam(required = false) String from,
			@Parameter(example = "2026-11-30", description = TO) @RequestParam(required = false) String to,
			@Parameter(example = "3", description = PROVIDER) @RequestParam(required = false) Long provider) {
		return register.item(id, CompliancePeriod.parse(from, to, register.zone()), provider,
				LocaleContextHolder.getLocale());
	}
}
