package org.yunwei.cmdb.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.FormSubmission;
import org.yunwei.web.RejectedRequest;

/**
 * The spare parts pages: the parts the reader sees with their stock and low-stock warnings (and a form for a new
 * part), and one part with its stock per location, its movements and the forms to receive, issue and return stock.
 */
@Controller
class SpareWebController {

	private final SpareStore store;
	private final CmdbScope scope;
	private final ItemChoices choices;

	SpareWebController(SpareStore store, CmdbScope scope, ItemChoices choices) {
		this.store = store;
		this.scope = scope;
		this.choices = choices;
	}

	@GetMapping("/cmdb/spares")
	String list(@RequestParam(required = false) String kind, @RequestParam(required = false) Boolean low,
			Model model) {
		return list(kind, low, model, new PartForm(null, "SPARE_PART", null, null, null, null), Map.of());
	}

	@PostMapping("/cmdb/spares")
	String create(PartForm form, Model model, RedirectAttributes redirect) {
		long[] created = new long[1];
		String page = FormSubmission.save(() -> created[0] = store.create(form.draft()).id(), "/cmdb/spares/",
				"cmdb.spare.saved", redirect, "cmdb.spare.failed", model,
				errors -> list(null, null, model, form, errors));
		return page.equals("redirect:/cmdb/spares/") ? page + created[0] : page;
	}

	@GetMapping("/cmdb/spares/{id}")
	String part(@PathVariable long id, @RequestParam(required = false) String cursor, Model model) {
		return part(id, cursor, model, new MovementForm("RECEIVED", null, null, null, null), Map.of());
	}

	@PostMapping("/cmdb/spares/{id}/movements")
	String move(@PathVariable long id, MovementForm form, Model model, RedirectAttributes redirect) {
		store.get(id);
		return FormSubmission.save(() -> store.move(id, form.draft()), "/cmdb/spares/" + id, "cmdb.spare.moved",
				redirect, "cmdb.spare.move-failed", model, errors -> part(id, null, model, form, errors));
	}

	private String list(String kind, Boolean low, Model model, PartForm form, Map<String, String> errors) {
		try {
			model.addAttribute("parts", store.list(kind, Boolean.TRUE.equals(low)));
		}
		catch (RejectedRequest refused) {
			if (refused.status() != HttpStatus.BAD_REQUEST) {
				throw refused;
			}
			model.addAttribute("parts", store.list(null, Boolean.TRUE.equals(low)));
		}
		model.addAttribute("kind", FieldErrors.clean(kind));
		model.addAttribute("low", Boolean.TRUE.equals(low));
		model.addAttribute("kinds", SpareStore.KINDS);
		model.addAttribute("mayKeep", store.mayKeep());
		if (store.mayKeep()) {
			CmdbScope.View writer = scope.writer();
			model.addAttribute("providers", choices.providers(writer));
			model.addAttribute("chooseProvider", !writer.provider());
		}
		model.addAttribute("form", form);
		model.addAttribute("errors", new LinkedHashMap<>(errors));
		return "cmdb/spares";
	}

	private String part(long id, String cursor, Model model, MovementForm form, Map<String, String> errors) {
		model.addAttribute("part", store.get(id));
		model.addAttribute("movements", store.movements(id, cursor, 30));
		model.addAttribute("mayKeep", store.mayKeep());
		model.addAttribute("form", form);
		model.addAttribute("errors", new LinkedHashMap<>(errors));
		return "cmdb/spare";
	}

	/** The new-part form as typed. */
	record PartForm(String name, String kind, String model, String unitName, String minimumStock,
			Long providerPartyId) {

		SpareDrafts.PartDraft draft() {
			return new SpareDrafts.PartDraft(name, kind, model, unitName, number(minimumStock, "minimumStock"),
					providerPartyId);
		}
	}

	/** The movement form as typed. */
	record MovementForm(String kind, String location, String quantity, String ticketNumber, String reason) {

		SpareDrafts.MovementDraft draft() {
			return new SpareDrafts.MovementDraft(kind, location, number(quantity, "quantity"), ticketNumber, reason);
		}
	}

	private static Integer number(String text, String field) {
		String cleaned = FieldErrors.clean(text);
		if (cleaned == null) {
			return null;
		}
		try {
			return Integer.valueOf(cleaned);
		}
		catch (NumberFormatException notANumber) {
			throw RejectedRequest.invalidField(field, "cmdb.spare.quantity");
		}
	}
}
