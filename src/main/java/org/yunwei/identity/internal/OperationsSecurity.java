package org.yunwei.identity.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.yunwei.crypto.Digester;

/**
 * The operations endpoints ({@code /actuator/**}, the OpenAPI document) answer a monitoring scraper with a bearer
 * token as well as a signed-in person's browser (Swagger UI reads the document with the session): read-only, so no
 * CSRF token; an existing session is used but none is created; refusals are 401/403 problem details, not a sign-in
 * page. {@link OperationsAccess} decides who may read what.
 */
@Configuration(proxyBeanMethods = false)
class OperationsSecurity {

	@Bean
	@Order(0)
	@ConditionalOnWebApplication
	SecurityFilterChain operations(HttpSecurity http, ApiTokens tokens, Digester digester, UserAccounts accounts,
			AccessDenials denials, OperationsAccess access) throws Exception {
		http.securityMatcher(OperationsAccess.PATHS)
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.requestCache(cache -> cache.disable())
			.addFilterBefore(new BearerTokenFilter(tokens, digester), BasicAuthenticationFilter.class)
			.addFilterBefore(new SessionValidityFilter(accounts), AuthorizationFilter.class)
			.authorizeHttpRequests(auth -> auth.anyRequest().access(access))
			.exceptionHandling(e -> e.authenticationEntryPoint(denials.apiEntryPoint()).accessDeniedHandler(denials))
			.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
		return http.build();
	}
}
