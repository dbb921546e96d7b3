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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.identity.Actors;
import org.yunwei.identity.Permission;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

/**
 * The user administration pages: a searchable, sortable list read by keyset ("more" loads the next rows with htmx
 * or, as a plain link, shows the next page), the create and edit forms, and the account actions.
 */
@Controller
@RequestMapping("/admin/users")
class UserWebController {

	private final UserAdministration users;
	private final RoleAssignments assignments;
	private final RoleAdministration roles;
	private final RoleNames roleNames;
	private final OrgUnitAdministration units;
	private final PartyAdministration parties;
	private final GrantDecisions grants;
	private final UserEnrolment enrolment;
	private final ServiceAccountTokens serviceTokens;
	private final Actors actors;

	UserWebController(UserAdministration users, RoleAssignments assignments, RoleAdministration roles,
			RoleNames roleNames, OrgUnitAdministration units, PartyAdministration parties, GrantDecisions grants,
			UserEnrolment enrolment, ServiceAccountTokens serviceTokens, Actors actors) {
		this.users = users;
		this.serviceTokens = serviceTokens;
		this.actors = actors;
		this.enrolment = enrolment;
		this.grants = grants;
		this.assignments = assignments;
		this.roles = roles;
		this.roleNames = roleNames;
		this.units = units;
		this.parties = parties;
	}

	@GetMapping
	@PreAuthorize("hasAnyAuthority('USER_READ', 'USER_MANAGE')")
	String list(@ModelAttribute("query") UserQuery query, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx) {
		KeysetPage<UserView> page;
		try {
			page = users.list(query);
		}
		catch (RejectedRequest refused) {
			AdminForms.showRefusal(model, refused);
			page = new KeysetPage<>(List.of(), null);
		}
		model.addAttribute("page", page);
		model.addAttribute("roleNames", roleNames.byCode());
		if (htmx != null && query.cursor() != null) {
			return "identity/admin/users :: rows";
		}
		model.addAttribute("parties", parties.list());
		addUnits(model);
		return "identity/admin/users";
	}

	@GetMapping("/new")
	@PreAuthorize("hasAuthority('USER_MANAGE')")
	String newUser(Model model) {
		return userForm(model, UserDraft.empty(), AdminForms.noErrors());
	}

	@PostMapping
	@PreAuthorize("hasAuthority('USER_MANAGE')")
	String create(@ModelAttribute UserDraft draft, Model model, RedirectAttributes redirect) {
		try {
			var enrolled = enrolment.enrol(draft);
			redirect.addFlashAttribute("notice",
					enrolled.pendingGrant() == null ? "directory.saved" : "directory.grant.requested");
			return "redirect:/admin/users/" + enrolled.user().id();
		}
		catch (RejectedRequest refused) {
			AdminForms.showRefusal(model, refused);
			return userForm(model, draft.withoutPassword(), refused.fieldErrors());
		}
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAnyAuthority('USER_READ', 'USER_MANAGE')")
	String edit(@PathVariable long id, Model model) {
		UserView user = users.get(id);
		return editForm(model, user, new UserChange(user.displayName(), user.email(), user.phone(), user.orgUnitId()),
				AdminForms.noErrors());
	}

	@PostMapping("/{id}")
	@PreAuthorize("hasAuthority('USER_MANAGE')")
	String update(@PathVariable long id, @ModelAttribute UserChange change, Model model, RedirectAttributes redirect) {
		try {
			users.update(id, change);
			redirect.addFlashAttribute("notice", "directory.saved");
			return "redirect:/admin/users/" + id;
		}
		catch (RejectedRequest refused) {
			AdminForms.showRefusal(model, refused);
			return editForm(model, users.get(id), change, refused.fieldErrors());
		}
	}

	@PostMapping("/{id}/disable")
	String disable(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> users.setEnabled(id, false));
	}

	@PostMapping("/{id}/enable")
	String enable(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> users.setEnabled(id, true));
	}

	@PostMapping("/{id}/unlock")
	String unlock(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> users.unlock(id));
	}

	@PostMapping("/{id}/password-reset")
	String resetPassword(@PathVariable long id, @ModelAttribute PasswordReset reset, RedirectAttributes redirect) {
		return act(id, redirect, () -> users.resetPassword(id, reset));
	}

	@PostMapping("/{id}/end-sessions")
	String endSessions(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> users.endSessions(id));
	}

	@PostMapping("/{id}/roles")
	String assignRoles(@PathVariable long id, @ModelAttribute RoleAssignment assignment, RedirectAttributes redirect) {
		try {
			var outcome = assignments.assign(id, assignment);
			redirect.addFlashAttribute("notice",
					outcome.pendingGrant() == null ? "directory.saved" : "directory.grant.requested");
		}
		catch (RejectedRequest refused) {
			AdminForms.flashRefusal(redirect, refused);
		}
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/tokens")
	String issueToken(@PathVariable long id, @ModelAttribute ServiceAccountTokenApiController.ServiceTokenRequest request,
			RedirectAttributes redirect) {
		try {
			// shown once, on the page the redirect leads to, and never again
			redirect.addFlashAttribute("issuedToken",
					serviceTokens.issue(id, request.name(), request.expiresInDays()).token());
		}
		catch (RejectedRequest refused) {
			AdminForms.flashRefusal(redirect, refused);
		}
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/tokens/{tokenId}/revoke")
	String revokeToken(@PathVariable long id, @PathVariable long tokenId, RedirectAttributes redirect) {
		return act(id, redirect, () -> serviceTokens.revoke(id, tokenId));
	}

	private String act(long id, RedirectAttributes redirect, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", "directory.saved");
		}
		catch (RejectedRequest refused) {
			AdminForms.flashRefusal(redirect, refused);
		}
		return "redirect:/admin/users/" + id;
	}

	private String userForm(Model model, UserDraft form, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("roles", roles.list());
		addUnits(model);
		return "identity/admin/user-new";
	}

	private String editForm(Model model, UserView user, UserChange form, Map<String, String> errors) {
		model.addAttribute("user", user);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("roles", roles.list());
		model.addAttribute("pendingGrant", grants.pendingFor(user.id()).orElse(null));
		model.addAttribute("roleNames", roles.names());
		if (user.serviceAccount() && actors.current().can(Permission.ROLE_ASSIGN)) {
			model.addAttribute("serviceTokens", serviceTokens.of(user.id()));
			model.addAttribute("now", java.time.Instant.now());
		}
		addUnits(model);
		return "identity/admin/user";
	}

	private void addUnits(Model model) {
		model.addAttribute("units", units.list(null));
		model.addAttribute("partyNames",
				parties.list().stream().collect(Collectors.toMap(OrgUnits.Party::id, OrgUnits.Party::name)));
	}
}
