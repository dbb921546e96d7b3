package org.yunwei.web.internal;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Text pasted from a word processor into a page's form brings its manual line breaks (vertical tab, U+000B) and page
 * breaks (form feed, U+000C) along, invisible to the person who pasted it. In a form post of a page each becomes a
 * space before anything reads the form, so that the text is saved as it reads; every other control character is still
 * refused ({@link RequestParameterCheck}), and so are these two in the API, whose callers are programs that send what
 * they mean (docs/security.md, "input").
 */
@Component
class PastedBreaks extends OncePerRequestFilter {

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod())
				|| request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new Smoothed(request), response);
	}

	/** The value with each vertical tab and form feed as a space; null stays null. */
	static String smooth(String value) {
		return value == null ? null : value.replace('\u000B', ' ').replace('\u000C', ' ');
	}

	/** The request whose form fields read as smoothed. */
	private static final class Smoothed extends HttpServletRequestWrapper {

		private Map<String, String[]> parameters;

		Smoothed(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getParameter(String name) {
			String[] values = getParameterMap().get(name);
			return values == null || values.length == 0 ? null : values[0];
		}

		@Override
		public String[] getParameterValues(String name) {
			String[] values = getParameterMap().get(name);
			return values == null ? null : values.clone();
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			if (parameters == null) {
				Map<String, String[]> smoothed = new LinkedHashMap<>();
				super.getParameterMap().forEach((name, values) -> {
					String[] copy = new String[values.length];
					for (int i = 0; i < values.length; i++) {
						copy[i] = smooth(values[i]);
					}
					smoothed.put(name, copy);
				});
				parameters = Collections.unmodifiableMap(smoothed);
			}
			return parameters;
		}
	}
}
