package org.yunwei.identity.internal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.web.RejectedRequest;

/**
 * The second officer's page: requests to give an administrative role, each with confirm and reject.
 */
@Controller
@RequestMapping("/admin/grants")
@PreAuthorize("hasAuthority('ADMIN_GRANT_DECIDE')")
class GrantWebController {

	private final GrantDecisions decisions;
	private final RoleAdministration roles;

	GrantWebController(GrantDecisions decisions, RoleAdministration roles) {
		this.decisions = decisions;
		this.roles = roles;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("grants", decisions.pending());
		model.addAttribute("roleNames", roles.names());
		return "identity/admin/grants";
	}

	@PostMapping("/{id}/confirm")
	String confirm(@PathVariable long id, RedirectAttributes redirect) {
		return decide(redirect, () -> decisions.confirm(id), "directory.grant.confirmed");
	}

	@PostMapping("/{id}/reject")
	String reject(@PathVariable long id, RedirectAttributes redirect) {
		return decide(redirect, () -> decisions.reject(id), "directory.grant.rejected");
	}

	private String decide(RedirectAttributes redirect, Runnable decision, String notice) {
		try {
			decision.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (RejectedRequest refused) {
			AdminForms.flashRefusal(redirect, refused);
		}
		return "redirect:/admin/grants";
	}
}
