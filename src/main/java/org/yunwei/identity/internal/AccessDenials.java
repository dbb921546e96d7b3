package org.yunwei.identity.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.audit.Outcome;

/**
 * Answers a refused request: 401 or 403 problem details in the API, the sign-in page or the friendly 403 page in
 * the UI. Every denial to a signed-in person is put on the audit trail.
 */
@Component
class AccessDenials implements AccessDeniedHandler {

	private final AuditTrail audit;
	private final MessageSource messages;
	private final LocaleResolver locales;

	AccessDenials(AuditTrail audit, MessageSource messages, LocaleResolver locales) {
		this.audit = audit;
		this.messages = messages;
		this.locales = locales;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		audit.recordAlone(AuditEntry.of("ACCESS_DENIED", "request", null)
			.outcome(Outcome.DENIED)
			.detail(request.getMethod() + " " + request.getRequestURI()));
		if (isApi(request)) {
			writeProblem(request, response, 403, "forbidden", "problem.forbidden");
		}
		else {
			request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 403);
			response.setStatus(403);
			request.getRequestDispatcher("/error").forward(request, response);
		}
	}

	/** For API calls without valid credentials. */
	AuthenticationEntryPoint apiEntryPoint() {
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
			response.setHeader("WWW-Authenticate", "Bearer");
			writeProblem(request, response, 401, "unauthenticated", "problem.unauthenticated");
		};
	}

	private void writeProblem(HttpServletRequest request, HttpServletResponse response, int status, String type,
			String key) throws IOException {
		Locale locale = locales.resolveLocale(request);
		String detail = messages.getMessage(key, null, key, locale);
		String title = messages.getMessage("problem.title." + status, null, String.valueOf(status), locale);
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write("{\"type\":\"urn:yunwei:problem:" + type + "\",\"title\":\"" + escape(title)
				+ "\",\"status\":" + status + ",\"detail\":\"" + escape(detail) + "\",\"instance\":\""
				+ escape(request.getRequestURI()) + "\"}");
	}

	private static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	private static String escape(String text) {
		StringBuilder out = new StringBuilder();
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
					else out.append(c);
				}
			}
		}
		return out.toString();
	}

}
