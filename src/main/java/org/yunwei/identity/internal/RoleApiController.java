package org.yunwei.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/roles")
@Tag(name = "Roles", description = "角色与权限: built-in and custom roles")
class RoleApiController {

	private final RoleAdministration roles;

	RoleApiController(RoleAdministration roles) {
		this.roles = roles;
	}

	@GetMapping
	@Operation(summary = "Every role with its permissions, built-in roles first")
	List<Roles.Role> list() {
		return roles.list();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a custom role (ROLE_MANAGE)",
			description = "AUDIT_READ and AUDIT_EXPORT are reserved for the built-in audit administrator and supervisor.")
	Roles.Role create(@RequestBody RoleDraft draft) {
		return roles.create(draft);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One role")
	Roles.Role get(@PathVariable long id) {
		return roles.get(id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a custom role's name, description and permissions (ROLE_MANAGE); built-in roles are fixed")
	Roles.Role update(@PathVariable long id, @RequestBody RoleChange change) {
		return roles.update(id, change);
	}
}
