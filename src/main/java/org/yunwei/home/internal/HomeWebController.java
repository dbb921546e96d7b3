package org.yunwei.home.internal;

import java.time.ZoneId;

import org.springframework.stereotype.Controller;
import org.yunwei.emergency.OnDuty;
import org.yunwei.document.PolicyDocuments;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page of the signed-in person: the sections of {@link HomeSections} that are theirs. */
@Controller
class HomeWebController {

	/** Documents to read listed on the home page. */
	static final int TO_READ = 5;
	/** Duty times are shown in the service's zone, as on the duty pages. */
	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final HomeSections sections;
	private final PolicyDocuments documents;
	private final OnDuty onDuty;

	HomeWebController(HomeSections sections, PolicyDocuments documents, OnDuty onDuty) {
		this.sections = sections;
		this.documents = documents;
		this.onDuty = onDuty;
	}

	@GetMapping("/")
	String home(Model model) {
		HomePage page = sections.of();
		model.addAttribute("page", page);
		model.addAttribute("actor", page.actor());
		model.addAttribute("toRead", documents.toRead(TO_READ));
		model.addAttribute("toReadCount", documents.toReadCount());
		// the desk roles (an agent's work, a desk manager's groups) see who is on duty now, if they may read rosters
		boolean desk = page.work() != null || page.desk() != null;
		model.addAttribute("onDuty", desk ? onDuty.forCurrentPerson().orElse(null) : null);
		model.addAttribute("zone", ZONE);
		return "home/index";
	}
}
