package org.yunwei.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.yunwei.web.ControlCharacters;
import org.yunwei.web.RejectedRequest;

/**
 * Holds query parameters, form fields and the names of uploaded files to {@link ControlCharacters} before any
 * controller runs, so that no page or endpoint has to remember to: the refusal names every offending parameter.
 * JSON bodies are checked where they are read ({@link PlainTextJson}).
 */
@Configuration(proxyBeanMethods = false)
class RequestParameterCheck implements WebMvcConfigurer, HandlerInterceptor {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Map<String, String> errors = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			if (ControlCharacters.in(name) || List.of(values).stream().anyMatch(ControlCharacters::in)) {
				errors.putIfAbsent(printable(name), ControlCharacters.MESSAGE_KEY);
			}
		});
		if (request instanceof MultipartHttpServletRequest multipart) {
			multipart.getMultiFileMap().forEach((name, files) -> {
				if (ControlCharacters.in(name)
						|| files.stream().map(MultipartFile::getOriginalFilename).anyMatch(ControlCharacters::in)) {
					errors.putIfAbsent(printable(name), ControlCharacters.MESSAGE_KEY);
				}
			});
		}
		if (!errors.isEmpty()) {
			throw RejectedRequest.invalidFields(errors);
		}
		return true;
	}

	/** A parameter name fit to be shown back: its control characters as {@code ?}. */
	private static String printable(String name) {
		StringBuilder shown = new StringBuilder(name.length());
		name.codePoints().forEach(c -> shown.appendCodePoint(Character.getType(c) == Character.CONTROL ? '?' : c));
		return shown.toString();
	}
}
