package org.yunwei.notification.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes a notice's link absolute for e-mail and robots with {@code yunwei.base-url}, the address people reach the
 * application at. Also tells which links the application may send a person to by redirect.
 */
@Component
class Links {

	private final String base;

	Links(@Value("${yunwei.base-url:http://localhost:8080}") String base) {
		String trimmed = base.strip();
		this.base = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
	}

	/** The link as an absolute URL; {@code null} for none. */
	String absolute(String link) {
		if (link == null || link.isBlank()) {
			return null;
		}
		String path = link.strip();
		if (path.startsWith("http://") || path.startsWith("https://")) {
			return path;
		}
		return base + (path.startsWith("/") ? path : "/" + path);
	}

	/** Whether the link is a path within this application, safe to redirect to (no other host, no scheme). */
	static boolean local(String link) {
		return link != null && link.startsWith("/") && !link.startsWith("//") && !link.contains("\\")
				&& link.chars().noneMatch(Character::isISOControl);
	}
}
