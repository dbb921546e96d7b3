package org.yunwei.web.internal;

import jakarta.servlet.http.HttpServletRequest;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * zh-CN unless the person chose English with the language switch ({@code ?lang=en}, remembered in a cookie). API
 * clients that send {@code Accept-Language} get problem details in that language.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration implements WebMvcConfigurer {

	static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("YUNWEI_LANG");
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setDefaultLocaleFunction(LanguageConfiguration::defaultFor);
		return resolver;
	}

	private static Locale defaultFor(HttpServletRequest request) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")
				&& request.getHeader("Accept-Language") != null) {
			return request.getLocale().getLanguage().equals("en") ? Locale.ENGLISH : DEFAULT;
		}
		return DEFAULT;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor();
		change.setParamName("lang");
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change);
	}
}
