package org.yunwei.cmdb.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.FormSubmission;
import org.yunwei.web.RejectedRequest;

/**
 * The CI class pages: the tree of classes with a form for a new one (management's configuration administrators),
 * and one class with its inherited and own attributes and a form for a new attribute.
 */
@Controller
class CiClassWebController {

	private final CiClassAdministration administration;
	private final CmdbScope scope;

	CiClassWebController(CiClassAdministration administration, CmdbScope scope) {
		this.administration = administration;
		this.scope = scope;
	}

	@GetMapping("/cmdb/classes")
	String list(Model model) {
		return list(model, new ClassForm(null, null, null, null, null), Map.of());
	}

	@PostMapping("/cmdb/classes")
	String create(@ModelAttribute ClassForm form, Model model, RedirectAttributes redirect) {
		return FormSubmission.save(() -> administration.create(form.draft()), "/cmdb/classes", "cmdb.class.saved",
				redirect, "cmdb.class.failed", model, errors -> list(model, form, errors));
	}

	@GetMapping("/cmdb/classes/{id}")
	String show(@PathVariable long id, Model model) {
		return show(id, model, AttributeForm.blank(), Map.of());
	}

	@PostMapping("/cmdb/classes/{id}/attributes")
	String addAttribute(@PathVariable long id, @ModelAttribute AttributeForm form, Model model,
			RedirectAttributes redirect) {
		administration.get(id);
		return FormSubmission.save(() -> administration.addAttribute(id, form.draft()), "/cmdb/classes/" + id,
				"cmdb.class.saved", redirect, "cmdb.class.failed", model, errors -> show(id, model, form, errors));
	}

	@PostMapping("/cmdb/classes/{id}/review")
	String requireReview(@PathVariable long id, @RequestParam(required = false) Boolean required,
			RedirectAttributes redirect) {
		administration.requireReview(id, Boolean.TRUE.equals(required));
		redirect.addFlashAttribute("notice", "cmdb.class.saved");
		return "redirect:/cmdb/classes/" + id;
	}

	@PostMapping("/cmdb/classes/{id}/attributes/{attributeId}/delete")
	String deleteAttribute(@PathVariable long id, @PathVariable long attributeId, Model model,
			RedirectAttributes redirect) {
		try {
			administration.deleteAttribute(id, attributeId);
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.NOT_FOUND) {
				throw refused;
			}
			model.addAttribute("problem", refused.messageKey());
			return show(id, model, AttributeForm.blank(), Map.of());
		}
		redirect.addFlashAttribute("notice", "cmdb.attribute.deleted");
		return "redirect:/cmdb/classes/" + id;
	}

	private String list(Model model, ClassForm form, Map<String, String> errors) {
		model.addAttribute("classes", administration.list());
		model.addAttribute("form", form);
		model.addAttribute("errors", new LinkedHashMap<>(errors));
		model.addAttribute("mayDefine", scope.mayDefineClasses());
		return "cmdb/classes";
	}

	private String show(long id, Model model, AttributeForm form, Map<String, String> errors) {
		CiClass shown = administration.get(id);
		model.addAttribute("ciClass", shown);
		List<CiClass> all = administration.list();
		model.addAttribute("classes", all);
		Map<Long, CiClass> byId = new LinkedHashMap<>();
		all.forEach(c -> byId.put(c.id(), c));
		model.addAttribute("classById", byId);
		model.addAttribute("form", form);
		model.addAttribute("errors", new LinkedHashMap<>(errors));
		model.addAttribute("types", AttributeType.values());
		model.addAttribute("mayDefine", scope.mayDefineClasses());
		return "cmdb/class";
	}

	/** The new-class form as typed. */
	record ClassForm(String code, String name, String nameEn, Long parentId, String description) {

		CiClassDraft draft() {
			return new CiClassDraft(code, name, nameEn, parentId, description, true, null);
		}
	}

	/**
	 * The new-attribute form as typed; the choices of an enumeration one per line as {@code CODE=名称} (or
	 * {@code CODE=名称=Name}).
	 */
	record AttributeForm(String code, String name, String nameEn, String type, Boolean required, Boolean unique,
			String options, Long referenceClassId, String position) {

		static AttributeForm blank() {
			return new AttributeForm(null, null, null, AttributeType.TEXT.name(), false, false, null, null, "100");
		}

		AttributeDraft draft() {
			FieldErrors errors = new FieldErrors();
			Integer number = null;
			if (FieldErrors.clean(position) != null) {
				try {
					number = Integer.valueOf(position.strip());
				}
				catch (NumberFormatException notANumber) {
					errors.add("position", "field.number");
				}
			}
			List<EnumOption> choices = new ArrayList<>();
			if (options != null) {
				for (String line : options.split("\\R")) {
					if (line.isBlank()) {
						continue;
					}
					String[] parts = line.split("=", 3);
					if (parts.length < 2) {
						errors.add("options", "cmdb.attribute.options-format");
						continue;
					}
					choices.add(new EnumOption(parts[0].strip(), parts[1].strip(),
							parts.length > 2 ? parts[2].strip() : null));
				}
			}
			errors.throwIfAny();
			return new AttributeDraft(code, name, nameEn, type, Boolean.TRUE.equals(required),
					Boolean.TRUE.equals(unique), choices, referenceClassId, number);
		}
	}
}
