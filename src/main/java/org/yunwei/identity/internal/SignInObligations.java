package org.yunwei.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a person must do before anything else after signing in: change a temporary or expired password, then enrol
 * a second factor where the 等保 profile requires one. Until then every page leads there.
 */
class SignInObligations extends OncePerRequestFilter {

	static final String PASSWORD_CHANGE = "yunwei.obligation.password";
	static final String TOTP_ENROLMENT = "yunwei.obligation.totp";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		HttpSession session = request.getSession(false);
		if (session != null && authentication != null && authentication.getPrincipal() instanceof SignedInUser) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			String target = session.getAttribute(PASSWORD_CHANGE) != null ? "/account/password"
					: session.getAttribute(TOTP_ENROLMENT) != null ? "/account/totp" : null;
			if (target != null && !path.startsWith(target) && !path.equals("/logout") && !isAsset(path)) {
				response.sendRedirect(request.getContextPath() + target);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static boolean isAsset(String path) {
		return path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
				|| path.startsWith("/images/") || path.equals("/error") || path.equals("/favicon.ico");
	}
}
