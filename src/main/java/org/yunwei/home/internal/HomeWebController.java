package org.yunwei.home.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.yunwei.identity.Actors;

@Controller
class HomeWebController {

	private final Actors actors;

	HomeWebController(Actors actors) {
		this.actors = actors;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("actor", actors.current());
		return "home/index";
	}
}
