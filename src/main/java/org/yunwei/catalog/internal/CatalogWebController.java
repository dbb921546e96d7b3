package org.yunwei.catalog.internal;

import org.yunwei.web.FieldErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The catalogue as everyone signed in reads it: categories as a tree, each with the services the reader may see. A
 * customer sees what their unit may order; holders of CATALOG_MANAGE also get the buttons to change it.
 */
@Controller
class CatalogWebController {

	private final CatalogBrowsing browsing;

	CatalogWebController(CatalogBrowsing browsing) {
		this.browsing = browsing;
	}

	@GetMapping("/catalog")
	String catalog(@RequestParam(required = false) String q, @RequestParam(required = false) String object,
			Model model) {
		// an unknown object in a hand-edited link just shows everything
		ServiceObjectKind kind = ServiceObjectKind.parse(object).orElse(null);
		var shelves = browsing.portal(q, kind);
		model.addAttribute("shelves", shelves);
		model.addAttribute("serviceCount", shelves.stream().mapToInt(CatalogBrowsing.Shelf::count).sum());
		model.addAttribute("filtered", FieldErrors.clean(q) != null || kind != null);
		model.addAttribute("q", q);
		model.addAttribute("object", kind == null ? null : kind.name());
		model.addAttribute("kinds", ServiceObjectKind.values());
		return "catalog/index";
	}
}
