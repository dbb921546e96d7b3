package org.yunwei.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Instant;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.yunwei.crypto.Digester;

/**
 * Authenticates {@code Authorization: Bearer <token>} on API calls by the token's digest: one indexed lookup that
 * also loads the person, their roles and permissions; no slow hash per request. An unknown, expired or revoked token leaves the request anonymous, so it gets a 401.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;
	private final Digester digester;

	BearerTokenFilter(ApiTokens tokens, Digester digester) {
		this.tokens = tokens;
		this.digester = digester;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			String token = header.substring(7).trim();
			if (!token.isEmpty() && token.length() <= 200) {
				String digest = digester.hexDigest(token);
				Instant now = Instant.now();
				tokens.activeUser(digest, now).ifPresent(active -> {
					if (active.useToNote(now)) {
						tokens.noteUse(digest, now);
					}
					var context = SecurityContextHolder.createEmptyContext();
					context.setAuthentication(ActorDirectory.authenticationOf(active.actor(), now));
					SecurityContextHolder.setContext(context);
				});
			}
		}
		chain.doFilter(request, response);
	}
}
