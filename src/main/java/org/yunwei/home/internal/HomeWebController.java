package org.yunwei.home.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page of the signed-in person: the sections of {@link HomeSections} that are theirs. */
@Controller
class HomeWebController {

	private final HomeSections sections;

	HomeWebController(HomeSections sections) {
		this.sections = sections;
	}

	@GetMapping("/")
	String home(Model model) {
		HomePage page = sections.of();
		model.addAttribute("page", page);
		model.addAttribute("actor", page.actor());
		return "home/index";
	}
}
