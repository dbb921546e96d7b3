package org.yunwei.database.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

import org.springframework.web.filter.OncePerRequestFilter;
import org.yunwei.web.ServiceUnavailable;

/**
 * Fails fast while the database is unavailable: every request but the health and metrics endpoints and the static
 * files is answered 503 with {@code Retry-After} at once, before Spring Security (whose token look-up needs the
 * database) and before any work that would wait for the pool's connection timeout. A request that fails anyway
 * because the database went away under it (a filter's query, before the controllers' advice could answer) gets the
 * same answer instead of a 500.
 */
final class OutageFilter extends OncePerRequestFilter {

	private static final String[] ALWAYS = { "/actuator/", "/css/", "/js/", "/webjars/", "/favicon" };

	private final DatabaseAvailability availability;
	private final ServiceUnavailable unavailable;

	OutageFilter(DatabaseAvailability availability, ServiceUnavailable unavailable) {
		this.availability = availability;
		this.unavailable = unavailable;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!availability.serving() && !always(request)) {
			unavailable.write(request, response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException failure) {
			if (!ServiceUnavailable.causedBy(failure) || response.isCommitted()) {
				throw failure;
			}
			logger.warn("Request " + request.getRequestURI() + " failed: the database cannot be reached ("
					+ failure.getMessage() + ")");
			unavailable.write(request, response);
		}
	}

	private static boolean always(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		for (String prefix : ALWAYS) {
			if (path.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}
}
