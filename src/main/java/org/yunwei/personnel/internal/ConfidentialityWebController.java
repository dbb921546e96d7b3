package org.yunwei.personnel.internal;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.identity.Permission;
import org.yunwei.personnel.internal.ConfidentialityDrafts.ConfidentialityAgreementDraft;
import org.yunwei.personnel.internal.ConfidentialityDrafts.CheckDraft;
import org.yunwei.personnel.internal.ConfidentialityDrafts.LeakDraft;
import org.yunwei.web.FormSubmission;

/**
 * The confidentiality page (保密管理): the zero-leaks indicator, the staff without an agreement in force, the signed
 * agreements, the checks and the leak register, each with its keeper's form.
 */
@Controller
class ConfidentialityWebController {

	private final Confidentiality confidentiality;
	private final StaffReading reading;
	private final StaffAccess access;

	ConfidentialityWebController(Confidentiality confidentiality, StaffReading reading, StaffAccess access) {
		this.confidentiality = confidentiality;
		this.reading = reading;
		this.access = access;
	}

	@GetMapping("/confidentiality")
	String page(@RequestParam(required = false) String cursor, Model model) {
		model.addAttribute("indicator", confidentiality.indicator(null, null));
		model.addAttribute("unsigned", confidentiality.unsigned());
		org.yunwei.web.KeysetPage<Confidentiality.ConfidentialityAgreementView> agreements = confidentiality
			.agreements(null, cursor, null);
		model.addAttribute("agreements", agreements.items());
		model.addAttribute("agreementsNext", agreements.next());
		model.addAttribute("checks", confidentiality.checks());
		model.addAttribute("leaks", confidentiality.leaks());
		boolean keeps = access.actor().can(Permission.PERSONNEL_MANAGE);
		model.addAttribute("mayManage", keeps);
		if (keeps) {
			model.addAttribute("parties", confidentiality.parties());
			model.addAttribute("staffChoices", reading.page(null, null, 200).items());
			model.addAttribute("providerKeeper",
					access.actor().partyKind() == org.yunwei.identity.PartyKind.PROVIDER);
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		model.addAttribute("today", reading.today());
		for (String form : new String[] { "agreement", "check", "leak" }) {
			if (!model.containsAttribute(form)) {
				model.addAttribute(form, null);
			}
		}
		return "personnel/confidentiality";
	}

	@PostMapping("/confidentiality/agreements")
	String sign(ConfidentialityAgreementDraft agreement, Model model, RedirectAttributes redirect) {
		return FormSubmission.save(() -> confidentiality.sign(agreement), "/confidentiality",
				"personnel.agreement.saved", redirect, "personnel.agreement.problem", model, errors -> {
					model.addAttribute("errors", prefixed("agreement", errors));
					model.addAttribute("agreement", agreement);
					return page(null, model);
				});
	}

	@PostMapping("/confidentiality/checks")
	String check(CheckDraft check, Model model, RedirectAttributes redirect) {
		return FormSubmission.save(() -> confidentiality.check(check), "/confidentiality", "personnel.check.saved",
				redirect, "personnel.check.problem", model, errors -> {
					model.addAttribute("errors", prefixed("check", errors));
					model.addAttribute("check", check);
					return page(null, model);
				});
	}

	@PostMapping("/confidentiality/leaks")
	String leak(LeakDraft leak, Model model, RedirectAttributes redirect) {
		return FormSubmission.save(() -> confidentiality.leak(leak), "/confidentiality", "personnel.leak.saved",
				redirect, "personnel.leak.problem", model, errors -> {
					model.addAttribute("errors", prefixed("leak", errors));
					model.addAttribute("leak", leak);
					return page(null, model);
				});
	}

	/** Three forms on one page share field names: each form's messages are kept under its own prefix. */
	private static Map<String, String> prefixed(String form, Map<String, String> errors) {
		Map<String, String> named = new java.util.LinkedHashMap<>();
		errors.forEach((field, key) -> named.put(form + "." + field, key));
		return named;
	}
}
