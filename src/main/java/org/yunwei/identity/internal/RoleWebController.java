package org.yunwei.identity.internal;

import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.identity.Permission;
import org.yunwei.web.RejectedRequest;

/**
 * The role pages: the list of built-in and custom roles, and the form of a custom role with a checkbox per
 * permission. Built-in roles are shown read-only; reserved permissions are not offered to custom roles.
 */
@Controller
@PreAuthorize("hasAnyAuthority('ROLE_MANAGE', 'ROLE_ASSIGN')")
class RoleWebController {

	private final RoleAdministration roles;

	RoleWebController(RoleAdministration roles) {
		this.roles = roles;
	}

	@GetMapping("/admin/roles")
	String list(Model model) {
		model.addAttribute("roles", roles.list());
		return "identity/admin/roles";
	}

	@GetMapping("/admin/roles/new")
	@PreAuthorize("hasAuthority('ROLE_MANAGE')")
	String newRole(Model model) {
		return form(model, null, new RoleDraft(null, null, null, List.of()), AdminForms.noErrors());
	}

	@PostMapping("/admin/roles")
	@PreAuthorize("hasAuthority('ROLE_MANAGE')")
	String create(@ModelAttribute RoleDraft draft, Model model, RedirectAttributes redirect) {
		try {
			Roles.Role created = roles.create(draft);
			redirect.addFlashAttribute("notice", "directory.saved");
			return "redirect:/admin/roles/" + created.id();
		}
		catch (RejectedRequest refused) {
			AdminForms.showRefusal(model, refused);
			return form(model, null, draft, refused.fieldErrors());
		}
	}

	@GetMapping("/admin/roles/{id}")
	String edit(@PathVariable long id, Model model) {
		Roles.Role role = roles.get(id);
		return form(model, role, new RoleDraft(role.code(), role.name(), role.description(), role.permissions()),
				AdminForms.noErrors());
	}

	@PostMapping("/admin/roles/{id}")
	@PreAuthorize("hasAuthority('ROLE_MANAGE')")
	String update(@PathVariable long id, @ModelAttribute RoleChange change, Model model, RedirectAttributes redirect) {
		Roles.Role role = roles.get(id);
		try {
			roles.update(id, change);
			redirect.addFlashAttribute("notice", "directory.saved");
			return "redirect:/admin/roles/" + id;
		}
		catch (RejectedRequest refused) {
			AdminForms.showRefusal(model, refused);
			return form(model, role, new RoleDraft(role.code(), change.name(), change.description(),
					change.permissions()), refused.fieldErrors());
		}
	}

	private String form(Model model, Roles.Role role, RoleDraft form, Map<String, String> errors) {
		model.addAttribute("role", role);
		model.addAttribute("form", form);
		model.addAttribute("chosen", form.permissions() == null ? List.of() : form.permissions());
		model.addAttribute("permissions", role != null && role.builtIn() ? List.of(Permission.values())
				: java.util.Arrays.stream(Permission.values()).filter(p -> !p.reservedForBuiltInRoles()).toList());
		model.addAttribute("errors", errors);
		return "identity/admin/role";
	}
}
