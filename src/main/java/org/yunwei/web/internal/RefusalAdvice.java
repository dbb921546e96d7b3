package org.yunwei.web.internal;

import jakarta.servlet.http.HttpServletRequest;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.yunwei.web.ControlCharacters;
import org.yunwei.web.RejectedRequest;
import org.yunwei.web.ServiceUnavailable;

import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every refusal and failure into what the requester can read: RFC 9457 problem details with a stable
 * {@code type} and a localised {@code detail} under {@code /api/}, the friendly error page elsewhere. Unexpected
 * failures are logged with their stack trace here and never shown.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RefusalAdvice {

	private static final Logger log = LoggerFactory.getLogger(RefusalAdvice.class);

	private final MessageSource messages;
	private final ServiceUnavailable unavailable;

	RefusalAdvice(MessageSource messages, ServiceUnavailable unavailable) {
		this.messages = messages;
		this.unavailable = unavailable;
	}

	@ExceptionHandler(RejectedRequest.class)
	Object rejected(RejectedRequest rejection, HttpServletRequest request) {
		Map<String, String> fields = new LinkedHashMap<>();
		rejection.fieldErrors().forEach((field, key) -> fields.put(field, text(key)));
		return respond(request, rejection.status(), rejection.type(),
				text(rejection.messageKey(), rejection.arguments()), fields);
	}

	@ExceptionHandler(BindException.class)
	Object invalid(BindException invalid, HttpServletRequest request) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (FieldError error : invalid.getFieldErrors()) {
			// a value that did not convert says what it should look like, never which Java type it missed
			MessageSourceResolvable message = error.contains(TypeMismatchException.class)
					? ExpectedForm.of(error.getField(), error.unwrap(TypeMismatchException.class).getRequiredType())
					: error;
			fields.putIfAbsent(error.getField(), messages.getMessage(message, LocaleContextHolder.getLocale()));
		}
		return respond(request, HttpStatus.BAD_REQUEST, "validation", text("problem.validation"), fields);
	}

	/** A query parameter or path segment that does not convert, such as {@code ?enabled=maybe}. */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	Object mismatched(MethodArgumentTypeMismatchException mismatch, HttpServletRequest request) {
		return invalidField(request, mismatch.getName(), ExpectedForm.of(mismatch.getName(), mismatch.getRequiredType()));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	Object missing(MissingServletRequestParameterException missing, HttpServletRequest request) {
		return invalidField(request, missing.getParameterName(),
				new DefaultMessageSourceResolvable(new String[] { "field.required" }, "field.required"));
	}

	/**
	 * A body that is not JSON at all is malformed; a JSON value of the wrong kind, or text holding control
	 * characters, is a mistake in the field Jackson was reading, and the answer names it.
	 */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	Object unreadable(HttpMessageNotReadableException unreadable, HttpServletRequest request) {
		MismatchedInputException mismatch = mismatchIn(unreadable);
		if (mismatch != null && !mismatch.getPath().isEmpty()) {
			String field = JsonPath.of(mismatch);
			MessageSourceResolvable message = mismatch instanceof PlainTextJson.ControlCharactersInText
					? new DefaultMessageSourceResolvable(new String[] { ControlCharacters.MESSAGE_KEY }, "")
					: ExpectedForm.of(field, mismatch.getTargetType());
			return invalidField(request, field, message);
		}
		return malformed(request);
	}

	/** Jackson's account of the failure, which a date or number parser's own exception may lie beneath. */
	private static MismatchedInputException mismatchIn(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof MismatchedInputException mismatch) {
				return mismatch;
			}
		}
		return null;
	}

	/** A multipart request that cannot be parsed: no boundary, a cut-off body. */
	@ExceptionHandler(MultipartException.class)
	Object malformed(HttpServletRequest request) {
		return respond(request, HttpStatus.BAD_REQUEST, "malformed-request", text("problem.malformed-request"),
				Map.of());
	}

	private Object invalidField(HttpServletRequest request, String field, MessageSourceResolvable message) {
		return respond(request, HttpStatus.BAD_REQUEST, "validation", text("problem.validation"),
				Map.of(field, messages.getMessage(message, LocaleContextHolder.getLocale())));
	}

	/**
	 * A unique or foreign-key constraint refused the write, typically two people creating the same name at once: the
	 * transaction rolled back, so nothing changed.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	Object constraint(DataIntegrityViolationException violation, HttpServletRequest request) {
		boolean duplicate = violation instanceof DuplicateKeyException;
		log.info("Write refused by a database constraint on {}: {}", request.getRequestURI(),
				violation.getMostSpecificCause().getMessage());
		return respond(request, HttpStatus.CONFLICT, duplicate ? "duplicate" : "conflict",
				text(duplicate ? "problem.duplicate" : "problem.conflict"), Map.of());
	}

	@ExceptionHandler(NoResourceFoundException.class)
	Object notFound(NoResourceFoundException notFound, HttpServletRequest request) {
		return respond(request, HttpStatus.NOT_FOUND, "not-found", text("problem.no-such-page"), Map.of());
	}

	@ExceptionHandler(AccessDeniedException.class)
	Object denied(AccessDeniedException denied, HttpServletRequest request) {
		// rethrown so that Spring Security's access-denied handling (which audits the denial) answers
		throw denied;
	}

	@ExceptionHandler({ jakarta.servlet.ServletException.class, org.springframework.web.ErrorResponseException.class,
			org.springframework.web.multipart.MaxUploadSizeExceededException.class })
	Object framework(Exception exception, HttpServletRequest request) {
		if (!(exception instanceof ErrorResponse response)) {
			return unexpected(exception, request);
		}
		HttpStatusCode status = response.getStatusCode();
		String type = status.value() == 405 ? "method-not-allowed"
				: status.value() == 415 ? "unsupported-media-type" : status.value() == 413 ? "too-large"
				: status.is4xxClientError() ? "bad-request" : "server-error";
		return respond(request, HttpStatus.valueOf(status.value()), type, text("problem." + type), Map.of());
	}

	@ExceptionHandler(Exception.class)
	Object unexpected(Exception failure, HttpServletRequest request) {
		if (ServiceUnavailable.causedBy(failure)) {
			// an outage, not a bug: the transaction rolled back, and the requester may try again
			log.warn("{} {} failed: the database cannot be reached ({})", request.getMethod(),
					request.getRequestURI(), failure.getMessage());
			return unreachable(request);
		}
		log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), failure);
		return respond(request, HttpStatus.INTERNAL_SERVER_ERROR, "server-error", text("problem.server-error"),
				Map.of());
	}

	private ResponseEntity<String> unreachable(HttpServletRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		boolean api = ServiceUnavailable.isApi(request);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header("Retry-After", Integer.toString(ServiceUnavailable.RETRY_AFTER_SECONDS))
			.header("Cache-Control", "no-store")
			.contentType(new MediaType(api ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.TEXT_HTML,
					java.nio.charset.StandardCharsets.UTF_8))
			.body(api ? unavailable.problem(locale) : unavailable.page(locale, "GET".equals(request.getMethod())));
	}

	private Object respond(HttpServletRequest request, HttpStatus status, String type, String detail,
			Map<String, String> fieldErrors) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
			problem.setType(URI.create("urn:yunwei:problem:" + type));
			problem.setTitle(text("problem.title." + status.value(), status.getReasonPhrase()));
			if (!fieldErrors.isEmpty()) {
				problem.setProperty("errors", fieldErrors);
			}
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		ModelAndView page = new ModelAndView("error");
		page.setStatus(status);
		page.addObject("status", status.value());
		page.addObject("detail", detail);
		page.addObject("fieldErrors", fieldErrors);
		return page;
	}

	private String text(String key, Object... arguments) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(key, arguments, key, locale);
	}

	private String text(String key, String fallback) {
		return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
	}
}
