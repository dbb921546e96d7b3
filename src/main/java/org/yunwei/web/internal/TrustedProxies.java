package org.yunwei.web.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code X-Forwarded-For}, {@code -Proto}, {@code -Host} and {@code -Port} are believed only when the connection
 * comes from one of the proxies listed in {@code yunwei.trusted-proxies} ({@code YUNWEI_TRUSTED_PROXIES}: addresses
 * or CIDR ranges, comma-separated; none by default, so the headers are ignored). From such a proxy a request that
 * reached it over TLS is secure for the whole application: the session cookie gets {@code Secure}, Spring Security
 * sends HSTS, and the client's address (not the proxy's) is what sign-in throttling and the audit trail see. Anyone
 * else sending the headers only lies about themselves to nobody.
 */
@Configuration(proxyBeanMethods = false)
class TrustedProxies {

	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> trustedProxiesCustomizer(
			@Value("${yunwei.trusted-proxies:}") List<String> proxies) {
		RemoteIpValve valve = valveFor(proxies);
		return factory -> {
			if (valve != null) {
				factory.addEngineValves(valve);
			}
		};
	}

	/** Tomcat's forwarded-header handling limited to {@code proxies}; {@code null} when none is listed. */
	static RemoteIpValve valveFor(List<String> proxies) {
		String ranges = proxies == null ? "" : proxies.stream()
			.map(String::strip)
			.filter(proxy -> !proxy.isEmpty())
			.map(TrustedProxies::range)
			.collect(Collectors.joining(","));
		if (ranges.isEmpty()) {
			return null;
		}
		RemoteIpValve valve = new RemoteIpValve();
		// a list with a slash is read as CIDR ranges, exact and unambiguous, never as a regular expression
		valve.setInternalProxies(ranges);
		valve.setTrustedProxies(null);
		valve.setRemoteIpHeader("X-Forwarded-For");
		valve.setProtocolHeader("X-Forwarded-Proto");
		valve.setProtocolHeaderHttpsValue("https");
		valve.setHostHeader("X-Forwarded-Host");
		valve.setPortHeader("X-Forwarded-Port");
		return valve;
	}

	/** A single address as the range holding only it. */
	private static String range(String proxy) {
		if (proxy.contains("/")) {
			return proxy;
		}
		return proxy + (proxy.contains(":") ? "/128" : "/32");
	}
}
