package org.yunwei.audit.internal;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunwei.audit.AuditChain;
import org.yunwei.audit.Outcome;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

/**
 * The audit trail page for the audit administrator and supervision: filters, the records newest first with a keyset
 * "more" (a fragment for htmx, a whole page as a plain link), Excel export and the state of the hash chain.
 */
@Controller
@RequestMapping("/audit")
class AuditWebController {

	private final AuditRecords records;
	private final AuditChain chain;
	private final AuditExport export;

	AuditWebController(AuditRecords records, AuditChain chain, AuditExport export) {
		this.records = records;
		this.chain = chain;
		this.export = export;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('AUDIT_READ')")
	public String page(@RequestParam Map<String, String> parameters, Authentication authentication, Model model) {
		model.addAttribute("outcomes", Outcome.values());
		model.addAttribute("zone", AuditQuery.ZONE);
		model.addAttribute("filters", AuditQuery.givenFilters(parameters::get));
		model.addAttribute("exportHref", AuditQuery.link("/audit/export", parameters::get, null));
		try {
			rows(AuditQuery.parse(parameters::get), parameters, model);
		}
		catch (RejectedRequest rejected) {
			model.addAttribute("errors", rejected.fieldErrors());
			model.addAttribute("page", new KeysetPage<AuditRecordView>(List.of(), null));
		}
		if (parameters.containsKey("verify") && authentication.getAuthorities().stream()
			.anyMatch(authority -> "AUDIT_VERIFY".equals(authority.getAuthority()))) {
			model.addAttribute("verification", chain.verify());
		}
		return "audit/index";
	}

	@GetMapping("/rows")
	@PreAuthorize("hasAuthority('AUDIT_READ')")
	public String more(@RequestParam Map<String, String> parameters, Model model) {
		rows(AuditQuery.parse(parameters::get), parameters, model);
		return "audit/index :: rows";
	}

	@GetMapping("/chain")
	@PreAuthorize("hasAuthority('AUDIT_VERIFY')")
	public String chain(Model model) {
		model.addAttribute("verification", chain.verify());
		return "audit/index :: chain";
	}

	@GetMapping("/export")
	@PreAuthorize("hasAuthority('AUDIT_EXPORT')")
	public void export(@RequestParam Map<String, String> parameters, HttpServletResponse response) throws IOException {
		export.respond(parameters, response);
	}

	private void rows(AuditQuery query, Map<String, String> parameters, Model model) {
		KeysetPage<AuditRecordView> page = records.page(query);
		model.addAttribute("page", page);
		model.addAttribute("zone", AuditQuery.ZONE);
		if (page.next() != null) {
			model.addAttribute("moreHref", AuditQuery.link("/audit", parameters::get, page.next()));
			model.addAttribute("moreRowsHref", AuditQuery.link("/audit/rows", parameters::get, page.next()));
		}
	}
}
