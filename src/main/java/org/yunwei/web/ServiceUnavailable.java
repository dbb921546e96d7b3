package org.yunwei.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The answer while the database cannot be reached: 503 with {@code Retry-After}, an RFC 9457 problem document under
 * {@code /api/}, the "temporarily unavailable" page (暂时无法服务) elsewhere. Neither needs the database: the page is
 * standalone (no navigation, no signed-in person), so that it renders while everything else would fail.
 * <p>
 * {@link #causedBy(Throwable)} tells a failure to reach the database (no connection, the connection lost, the
 * server shutting down) from other failures, so that it is answered as an outage, not as a bug (500).
 */
@Component
public class ServiceUnavailable {

	/** What {@code Retry-After} says, in seconds: an embedded database is back within a few. */
	public static final int RETRY_AFTER_SECONDS = 5;

	private static final String TYPE = "urn:yunwei:problem:unavailable";

	private final MessageSource messages;
	private final LocaleResolver locales;
	private final ITemplateEngine templates;

	public ServiceUnavailable(MessageSource messages, LocaleResolver locales, ITemplateEngine templates) {
		this.messages = messages;
		this.locales = locales;
		this.templates = templates;
	}

	/**
	 * Whether the failure, or one of its causes, is the database being unreachable: no connection could be had, or
	 * the one in use was lost (SQL state class 08), or the server is shutting down or starting (57P01–57P03).
	 */
	public static boolean causedBy(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException || cause instanceof ConnectException) {
				return true;
			}
			// a rollback that failed on the lost connection hides the failure that made it roll back
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& causedBy(rollback.getApplicationException())) {
				return true;
			}
			// a commit that failed on the lost connection, and then its rollback: Spring throws the rollback's
			// failure alone ("Connection is closed", with no SQL state), so the rollback failing is what tells
			if (cause instanceof TransactionSystemException failed && failed.getCause() instanceof SQLException
					&& failed.getMessage() != null && failed.getMessage().contains("rollback")) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
				return true;
			}
		}
		return false;
	}

	/** Writes the answer: the problem document for the API, the page for everything else. */
	public void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Locale locale = locales.resolveLocale(request);
		response.resetBuffer();
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
		response.setHeader("Cache-Control", "no-store");
		response.setCharacterEncoding("UTF-8");
		if (isApi(request)) {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter().write(problem(locale));
		}
		else {
			response.setContentType(MediaType.TEXT_HTML_VALUE);
			response.getWriter().write(page(locale, "GET".equals(request.getMethod())));
		}
		response.flushBuffer();
	}

	/**
	 * The page alone. {@code reload}: it loads itself again after {@link #RETRY_AFTER_SECONDS} (never for a form's
	 * POST, which the person sends again themselves).
	 */
	public String page(Locale locale, boolean reload) {
		return templates.process("unavailable", new Context(locale, Map.of("retryAfter", RETRY_AFTER_SECONDS,
				"english", locale.getLanguage().equals("en"), "reload", reload)));
	}

	/** The problem document alone, as JSON. */
	public String problem(Locale locale) {
		return "{\"type\":\"" + TYPE + "\",\"title\":\"" + json(text("problem.title.503", locale))
				+ "\",\"status\":503,\"detail\":\"" + json(text("problem.unavailable", locale)) + "\",\"retryAfter\":"
				+ RETRY_AFTER_SECONDS + "}";
	}

	public static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	private static String json(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 8);
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> escaped.append("\\\"");
				case '\\' -> escaped.append("\\\\");
				default -> {
					if (c < 0x20) {
						escaped.append(String.format("\\u%04x", (int) c));
					}
					else {
						escaped.append(c);
					}
				}
			}
		}
		return escaped.toString();
	}
}
