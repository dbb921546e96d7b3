package org.yunwei.identity.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.web.RejectedRequest;

/**
 * The post pages: the list, and the form whose holder and backup choices follow the chosen unit: htmx reloads the
 * two selects when the unit changes; without script, "new post" from a list filtered by unit opens the form with
 * that unit and its people.
 */
@Controller
@PreAuthorize("hasAuthority('POST_MANAGE')")
class PostWebController {

	private final PostAdministration posts;
	private final OrgUnitAdministration units;
	private final PartyAdministration parties;

	PostWebController(PostAdministration posts, OrgUnitAdministration units, PartyAdministration parties) {
		this.posts = posts;
		this.units = units;
		this.parties = parties;
	}

	@GetMapping("/admin/posts")
	String list(@RequestParam(required = false) Long orgUnitId, Model model) {
		model.addAttribute("posts", posts.list(orgUnitId));
		model.addAttribute("orgUnitId", orgUnitId);
		addUnits(model);
		return "identity/admin/posts";
	}

	@GetMapping("/admin/posts/new")
	String newPost(@RequestParam(required = false) Long orgUnitId, Model model) {
		return form(model, null, new PostDraft(orgUnitId, null, null, null, null), AdminForms.noErrors());
	}

	/** The holder and backup selects for a unit, for htmx to swap in when the unit changes. */
	@GetMapping("/admin/posts/people")
	String people(@RequestParam(required = false) Long orgUnitId, Model model) {
		model.addAttribute("form", new PostDraft(orgUnitId, null, null, null, null));
		model.addAttribute("people", orgUnitId == null ? List.of() : posts.candidates(orgUnitId));
		model.addAttribute("errors", AdminForms.noErrors());
		return "identity/admin/post :: people";
	}

	@PostMapping("/admin/posts")
	String create(@ModelAttribute PostDraft draft, Model model, RedirectAttributes redirect) {
		try {
			posts.create(draft);
			redirect.addFlashAttribute("notice", "directory.saved");
			return "redirect:/admin/posts";
		}
		catch (RejectedRequest refused) {
			AdminForms.showRefusal(model, refused);
			return form(model, null, draft, refused.fieldErrors());
		}
	}

	@GetMapping("/admin/posts/{id}")
	String edit(@PathVariable long id, Model model) {
		PostView post = posts.get(id);
		return form(model, post, new PostDraft(post.orgUnitId(), post.name(), post.responsibilities(), post.holderId(),
				post.backupId()), AdminForms.noErrors());
	}

	@PostMapping("/admin/posts/{id}")
	String update(@PathVariable long id, @ModelAttribute PostDraft draft, Model model, RedirectAttributes redirect) {
		try {
			posts.update(id, draft);
			redirect.addFlashAttribute("notice", "directory.saved");
			return "redirect:/admin/posts";
		}
		catch (RejectedRequest refused) {
			AdminForms.showRefusal(model, refused);
			return form(model, posts.get(id), draft, refused.fieldErrors());
		}
	}

	@PostMapping("/admin/posts/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		posts.delete(id);
		redirect.addFlashAttribute("notice", "directory.saved");
		return "redirect:/admin/posts";
	}

	private String form(Model model, PostView post, PostDraft form, Map<String, String> errors) {
		model.addAttribute("post", post);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("people", form.orgUnitId() == null ? List.of() : posts.candidates(form.orgUnitId()));
		addUnits(model);
		return "identity/admin/post";
	}

	private void addUnits(Model model) {
		model.addAttribute("units", units.list(null));
		model.addAttribute("partyNames",
				parties.list().stream().collect(Collectors.toMap(OrgUnits.Party::id, OrgUnits.Party::name)));
	}
}
