package org.yunwei.identity.internal;

import jakarta.servlet.http.HttpServletRequest;

import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;
import org.yunwei.identity.Permission;

/**
 * Who may read the operations endpoints. Health is public (load balancers probe it). The Prometheus metrics need a
 * person or token with {@link Permission#METRICS_READ} unless {@code yunwei.public-metrics}
 * ({@code YUNWEI_PUBLIC_METRICS}, off by default) opens them to anyone who reaches the port. The API document and
 * Swagger UI are open unless {@code yunwei.public-api-docs} ({@code YUNWEI_PUBLIC_API_DOCS}, on by default: they
 * describe the interface, hold no data, and every operation still needs a token) closes them to signed-in people
 * and token holders.
 */
@Component
class OperationsAccess implements AuthorizationManager<RequestAuthorizationContext> {

	static final String[] PATHS = { "/actuator/**", "/v3/api-docs", "/v3/api-docs/**" };
	static final String[] SWAGGER_UI = { "/swagger-ui.html", "/swagger-ui/**" };

	private static final AuthenticationTrustResolverImpl TRUST = new AuthenticationTrustResolverImpl();

	private final boolean publicMetrics;
	private final boolean publicApiDocs;

	OperationsAccess(@Value("${yunwei.public-metrics:false}") boolean publicMetrics,
			@Value("${yunwei.public-api-docs:true}") boolean publicApiDocs) {
		this.publicMetrics = publicMetrics;
		this.publicApiDocs = publicApiDocs;
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		String path = path(context.getRequest());
		if (path.equals("/actuator/health") || path.startsWith("/actuator/health/")) {
			return new AuthorizationDecision(true);
		}
		if (path.equals("/actuator/prometheus")) {
			return new AuthorizationDecision(publicMetrics || holds(authentication.get(), Permission.METRICS_READ));
		}
		if (path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui")) {
			return new AuthorizationDecision(publicApiDocs || signedIn(authentication.get()));
		}
		return new AuthorizationDecision(signedIn(authentication.get()));
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	private static boolean signedIn(Authentication authentication) {
		return TRUST.isAuthenticated(authentication);
	}

	private static boolean holds(Authentication authentication, Permission permission) {
		return signedIn(authentication) && authentication.getAuthorities()
			.stream()
			.anyMatch(authority -> permission.name().equals(authority.getAuthority()));
	}
}
