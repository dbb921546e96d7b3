package org.yunwei.catalog.internal;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.web.RejectedRequest;

/** The forms for a new category and for changing, moving, disabling or enabling one. */
@Controller
@PreAuthorize("hasAuthority('CATALOG_MANAGE')")
class CategoryWebController {

	private final CategoryAdministration categories;

	CategoryWebController(CategoryAdministration categories) {
		this.categories = categories;
	}

	@GetMapping("/catalog/categories/new")
	String newCategory(@RequestParam(required = false) Long parentId, Model model) {
		return page(model, null, new CategoryDraft(parentId, null, null, null, 0), Map.of());
	}

	@PostMapping("/catalog/categories")
	String create(@ModelAttribute CategoryDraft draft, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		try {
			categories.create(draft);
			redirect.addFlashAttribute("notice", "catalog.saved");
			return "redirect:/catalog";
		}
		catch (RejectedRequest refused) {
			PageRefusals.show(model, refused, PageRefusals.unreadable(binding));
			return page(model, null, draft, null);
		}
	}

	@GetMapping("/catalog/categories/{id}")
	String edit(@PathVariable long id, Model model) {
		Categories.Category category = categories.get(id);
		return page(model, category, new CategoryDraft(category.parentId(), category.code(), category.name(),
				category.description(), category.sortOrder()), Map.of());
	}

	@PostMapping("/catalog/categories/{id}")
	String update(@PathVariable long id, @ModelAttribute CategoryDraft draft, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		try {
			categories.update(id, draft);
			redirect.addFlashAttribute("notice", "catalog.saved");
			return "redirect:/catalog";
		}
		catch (RejectedRequest refused) {
			PageRefusals.show(model, refused, PageRefusals.unreadable(binding));
			return page(model, categories.get(id), draft, null);
		}
	}

	@PostMapping("/catalog/categories/{id}/enabled")
	String setEnabled(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
		try {
			categories.setEnabled(id, enabled);
			redirect.addFlashAttribute("notice", "catalog.saved");
		}
		catch (RejectedRequest refused) {
			PageRefusals.flash(redirect, refused);
		}
		return "redirect:/catalog";
	}

	/** @param errors {@code null} when a refusal has already put them on the model */
	private String page(Model model, Categories.Category category, CategoryDraft form, Map<String, String> errors) {
		model.addAttribute("category", category);
		model.addAttribute("form", form);
		if (errors != null) {
			model.addAttribute("errors", errors);
		}
		// a category cannot move under itself or below itself: those are left out of the choice
		Set<Long> below = category == null ? Set.of() : categories.visible().stream()
			.filter(c -> c.path().startsWith(category.path()))
			.map(Categories.Category::id)
			.collect(Collectors.toSet());
		model.addAttribute("parents", CategoryChoice.of(categories.tree()).stream()
			.filter(c -> !below.contains(c.id()))
			.toList());
		return "catalog/category";
	}
}
