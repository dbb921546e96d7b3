package org.yunwei.personnel.internal;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.personnel.internal.StaffReading.StaffView;
import org.yunwei.web.FormSubmission;
import org.yunwei.web.RejectedRequest;

/**
 * The staff records in the browser: the list of the reader's scope, a record with its certificates, the keepers'
 * forms, and everyone's own record ({@code /staff/me}).
 */
@Controller
class StaffWebController {

	static final String CLEARANCES = "NONE,MACHINE_ROOM,CLASSIFIED_SITE";

	private final StaffRegister register;
	private final StaffReading reading;
	private final StaffAccess access;
	private final Confidentiality confidentiality;
	private final Training training;
	private final Appraisals appraisals;

	StaffWebController(StaffRegister register, StaffReading reading, StaffAccess access,
			Confidentiality confidentiality, Training training, Appraisals appraisals) {
		this.appraisals = appraisals;
		this.register = register;
		this.reading = reading;
		this.access = access;
		this.confidentiality = confidentiality;
		this.training = training;
	}

	/** What the record form holds, as typed: the lists as one text each. */
	public record StaffForm(Long userId, Long postId, LocalDate joinedOn, String skills, String xinchuangProducts,
			String clearance, LocalDate clearanceUntil, String phone, String idNumber) {

		StaffDraft draft() {
			return new StaffDraft(userId, postId, joinedOn, StaffDraft.split(skills), StaffDraft.split(xinchuangProducts),
					clearance, clearanceUntil, phone, idNumber);
		}

		static StaffForm of(StaffView v) {
			return new StaffForm(v.userId(), v.postId(), v.joinedOn(), String.join("，", v.skills()),
					String.join("，", v.xinchuangProducts()), v.clearance(), v.clearanceUntil(), v.phone(), v.idNumber());
		}
	}

	@GetMapping("/staff")
	String list(@RequestParam(required = false) Long partyId, @RequestParam(required = false) String cursor,
			Model model) {
		model.addAttribute("page", reading.page(partyId, cursor, null));
		model.addAttribute("parties", reading.providerParties());
		model.addAttribute("partyId", partyId);
		model.addAttribute("mayManage", access.actor().can(org.yunwei.identity.Permission.PERSONNEL_MANAGE));
		return "personnel/staff-list";
	}

	@GetMapping("/staff/me")
	String mine(Model model) {
		StaffView mine = reading.mine().orElse(null);
		model.addAttribute("staff", mine);
		model.addAttribute("trainings", mine == null ? java.util.List.of() : training.recordOf(mine.id()));
		model.addAttribute("appraisals", mine == null ? java.util.List.of() : appraisals.historyOf(mine.id()));
		model.addAttribute("today", reading.today());
		return "personnel/staff-me";
	}

	@GetMapping("/staff/new")
	String newRecord(Model model) {
		access.requireKeeper();
		return form(model, null, new StaffForm(null, null, null, null, null, "NONE", null, null, null), Map.of());
	}

	@PostMapping("/staff")
	String create(StaffForm form, Model model, RedirectAttributes redirect) {
		long[] created = new long[1];
		String next = FormSubmission.save(() -> created[0] = register.record(form.draft()), "/staff",
				"personnel.staff.saved", redirect, "personnel.form.problem", model,
				errors -> form(model, null, form, errors));
		return next.startsWith("redirect:") ? "redirect:/staff/" + created[0] : next;
	}

	@GetMapping("/staff/{id:\\d+}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("staff", reading.view(id));
		model.addAttribute("agreements", confidentiality.agreementsOf(id));
		model.addAttribute("trainings", training.recordOf(id));
		model.addAttribute("appraisals", appraisals.historyOf(id));
		model.addAttribute("today", reading.today());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		if (!model.containsAttribute("certificate")) {
			model.addAttribute("certificate", new CertificateDraft(null, null, null, null, null));
		}
		return "personnel/staff";
	}

	@GetMapping("/staff/{id:\\d+}/edit")
	String edit(@PathVariable long id, Model model) {
		// the right first, then the record: no one learns which records exist from a form they may not use
		access.requireKeeper();
		StaffView view = reading.view(id);
		if (!view.mayManage()) {
			throw RejectedRequest.notFound("staff");
		}
		return form(model, view, StaffForm.of(view), Map.of());
	}

	@PostMapping("/staff/{id:\\d+}")
	String update(@PathVariable long id, StaffForm form, Model model, RedirectAttributes redirect) {
		return FormSubmission.save(() -> register.revise(id, form.draft()), "/staff/" + id, "personnel.staff.saved",
				redirect, "personnel.form.problem", model, errors -> form(model, reading.view(id), form, errors));
	}

	@PostMapping("/staff/{id:\\d+}/certificates")
	String addCertificate(@PathVariable long id, CertificateDraft certificate, Model model,
			RedirectAttributes redirect) {
		return FormSubmission.save(() -> register.addCertificate(id, certificate), "/staff/" + id,
				"personnel.certificate.saved", redirect, "personnel.certificate.problem", model, errors -> {
					model.addAttribute("errors", errors);
					model.addAttribute("certificate", certificate);
					return detail(id, model);
				});
	}

	@PostMapping("/staff/{id:\\d+}/certificates/{certificateId:\\d+}/delete")
	String removeCertificate(@PathVariable long id, @PathVariable long certificateId, RedirectAttributes redirect) {
		try {
			register.removeCertificate(id, certificateId);
			redirect.addFlashAttribute("notice", "personnel.certificate.removed");
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			redirect.addFlashAttribute("problem", refused.messageKey());
		}
		return "redirect:/staff/" + id;
	}

	private String form(Model model, StaffView staff, StaffForm form, Map<String, String> errors) {
		model.addAttribute("staff", staff);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("clearances", CLEARANCES.split(","));
		model.addAttribute("posts", reading.postChoices());
		if (staff == null) {
			model.addAttribute("people", reading.unrecordedPeople());
		}
		return "personnel/staff-form";
	}
}
