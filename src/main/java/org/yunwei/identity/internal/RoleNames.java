package org.yunwei.identity.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Roles by name in the reader's language: a built-in role through {@code role.<CODE>} in the directory bundle, a
 * role an administrator created by the name given to it. Pages never show a role's code in its place.
 */
@Component("roleNames")
public class RoleNames {

	private final Roles roles;
	private final MessageSource messages;

	RoleNames(Roles roles, MessageSource messages) {
		this.roles = roles;
		this.messages = messages;
	}

	public String name(Roles.Role role) {
		return messages.getMessage("role." + role.code(), null, role.name(), LocaleContextHolder.getLocale());
	}

	/** Every role's name by its code, for a list of people. */
	Map<String, String> byCode() {
		Map<String, String> names = new LinkedHashMap<>();
		roles.all().forEach(role -> names.put(role.code(), name(role)));
		return names;
	}
}
