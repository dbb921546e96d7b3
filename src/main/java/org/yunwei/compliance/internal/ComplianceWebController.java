package org.yunwei.compliance.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunwei.web.DateRange;
import org.yunwei.web.RejectedRequest;

/**
 * The register's pages: every item by chapter ({@code /compliance}) and one item ({@code /compliance/items/{id}}),
 * for a period and, for management and supervision, a provider. An unreadable period or provider is shown beside its
 * field, with the current month and every provider instead.
 */
@Controller
@PreAuthorize("hasAuthority('COMPLIANCE_READ')")
class ComplianceWebController {

	private final ComplianceRegister register;

	ComplianceWebController(ComplianceRegister register) {
		this.register = register;
	}

	@GetMapping("/compliance")
	String register(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String provider, Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		DateRange period = period(from, to, errors);
		Long providerId = provider(provider, errors);
		ComplianceRegister.Register read;
		try {
			read = register.read(period, providerId, LocaleContextHolder.getLocale());
		}
		catch (RejectedRequest refused) {
			read = register.read(period, null, refusedField(refused, errors));
		}
		model.addAttribute("register", read);
		common(model, period, errors);
		return "compliance/register";
	}

	@GetMapping("/compliance/items/{id:.+}")
	String item(@PathVariable String id, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String provider, Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		DateRange period = period(from, to, errors);
		Long providerId = provider(provider, errors);
		ComplianceRegister.ItemAnswer answer;
		try {
			answer = register.item(id, period, providerId, LocaleContextHolder.getLocale());
		}
		catch (RejectedRequest refused) {
			answer = register.item(id, period, null, refusedField(refused, errors));
		}
		model.addAttribute("answer", answer);
		common(model, period, errors);
		return "compliance/item";
	}

	private void common(Model model, DateRange period, Map<String, String> errors) {
		model.addAttribute("period", period);
		model.addAttribute("zone", register.zone());
		model.addAttribute("errors", errors);
		model.addAttribute("providers", register.providers());
		model.addAttribute("presets", DateRange.presets(LocalDate.now(register.zone())));
	}

	private DateRange period(String from, String to, Map<String, String> errors) {
		try {
			return CompliancePeriod.parse(from, to, register.zone());
		}
		catch (RejectedRequest refused) {
			refusedField(refused, errors);
			return DateRange.currentMonth(register.zone());
		}
	}

	/** The picked provider; an unreadable one is reported and every provider shown. */
	private static Long provider(String provider, Map<String, String> errors) {
		if (provider == null || provider.isBlank()) {
			return null;
		}
		if (!provider.strip().matches("\\d{1,18}")) {
			errors.put("provider", "compliance.provider.unknown");
			return null;
		}
		return Long.parseLong(provider.strip());
	}

	/** A refusal of the input goes beside its field; any other (403, 404) is the page's answer. */
	private static java.util.Locale refusedField(RejectedRequest refused, Map<String, String> errors) {
		if (refused.status() != HttpStatus.BAD_REQUEST) {
			throw refused;
		}
		errors.putAll(refused.fieldErrors());
		return LocaleContextHolder.getLocale();
	}

	/** Quick choices of the period picker: this month, last month, the last 30 days. */
}
