package org.yunwei.home.internal;

import org.springframework.stereotype.Controller;
import org.yunwei.document.PolicyDocuments;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page of the signed-in person: the sections of {@link HomeSections} that are theirs. */
@Controller
class HomeWebController {

	/** Documents to read listed on the home page. */
	static final int TO_READ = 5;

	private final HomeSections sections;
	private final PolicyDocuments documents;

	HomeWebController(HomeSections sections, PolicyDocuments documents) {
		this.sections = sections;
		this.documents = documents;
	}

	@GetMapping("/")
	String home(Model model) {
		HomePage page = sections.of();
		model.addAttribute("page", page);
		model.addAttribute("actor", page.actor());
		model.addAttribute("toRead", documents.toRead(TO_READ));
		model.addAttribute("toReadCount", documents.toReadCount());
		return "home/index";
	}
}
