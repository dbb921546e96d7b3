package org.yunwei.identity.internal;

import jakarta.servlet.http.HttpSession;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.crypto.Digester;

/**
 * Two filter chains: the API ({@code /api/**}) is stateless and takes bearer tokens only, so it needs no CSRF
 * token; the UI signs in with a form and a session, with CSRF on every form and a strict content security policy.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; "
			+ "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

	/**
	 * No Micrometer observation around each security filter, authentication and authorization: with an observation
	 * registry present Spring Security wraps every filter of the chain in one, which cost about a tenth of an API
	 * request's CPU (TicketBenchmark, JFR). Requests are still timed as a whole ({@code http.server.requests}).
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AuthenticationManager authenticationManager(PasswordSignInProvider provider) {
		return new ProviderManager(provider);
	}

	// the filter chains exist only with the web server: commands such as generate start without one
	@Bean
	@Order(1)
	@ConditionalOnWebApplication
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, Digester digester, AccessDenials denials)
			throws Exception {
		http.securityMatcher("/api/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.addFilterBefore(new BearerTokenFilter(tokens, digester), BasicAuthenticationFilter.class)
			.authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.POST, "/api/v1/auth/tokens").permitAll()
				.anyRequest()
				.authenticated())
			.exceptionHandling(e -> e.authenticationEntryPoint(denials.apiEntryPoint()).accessDeniedHandler(denials))
			.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
		return http.build();
	}

	@Bean
	@Order(2)
	@ConditionalOnWebApplication
	SecurityFilterChain ui(HttpSecurity http, AuthenticationManager authenticationManager, UserAccounts accounts,
			AccessDenials denials, PendingObligations obligations, AuditTrail audit, OperationsAccess operations)
			throws Exception {
		var afterSignIn = new SavedRequestAwareAuthenticationSuccessHandler();
		afterSignIn.setDefaultTargetUrl("/");
		http.authenticationManager(authenticationManager)
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/images/**", "/favicon.ico", "/error")
				.permitAll()
				// the actuator and the API document have their own chain (OperationsSecurity); Swagger UI is a page
				.requestMatchers(OperationsAccess.SWAGGER_UI)
				.access(operations)
				.anyRequest()
				.authenticated())
			.formLogin(form -> form.loginPage("/login")
				.authenticationDetailsSource(SignInDetails.source())
				.successHandler((request, response, authentication) -> {
					markObligations(request.getSession(), authentication, obligations);
					afterSignIn.onAuthenticationSuccess(request, response, authentication);
				})
				.failureUrl("/login?error")
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout")
				.addLogoutHandler((request, response, authentication) -> {
					if (authentication != null) {
						audit.recordAlone(AuditEntry.of("SIGN_OUT", "user", userIdOf(authentication))
							.actor(authentication.getName()));
					}
				})
				.logoutSuccessUrl("/login?signedOut")
				.deleteCookies("YUNWEI_SESSION"))
			.sessionManagement(s -> s.invalidSessionUrl("/login?expired"))
			.addFilterBefore(new SessionValidityFilter(accounts), AuthorizationFilter.class)
			.addFilterBefore(new SignInObligations(), AuthorizationFilter.class)
			.exceptionHandling(e -> e.accessDeniedHandler(denials))
			.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.frameOptions(f -> f.deny()));
		return http.build();
	}

	private static void markObligations(HttpSession session, Authentication authentication,
			PendingObligations obligations) {
		var pending = obligations.of(((SignedInUser) authentication.getPrincipal()).actor());
		if (pending.contains(PendingObligations.Obligation.CHANGE_PASSWORD)) {
			session.setAttribute(SignInObligations.PASSWORD_CHANGE, true);
		}
		if (pending.contains(PendingObligations.Obligation.ENROL_SECOND_FACTOR)) {
			session.setAttribute(SignInObligations.TOTP_ENROLMENT, true);
		}
	}

	private static Long userIdOf(Authentication authentication) {
		return authentication.getPrincipal() instanceof SignedInUser user ? user.actor().userId() : null;
	}
}
