package org.yunwei.notification.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which webhook addresses a robot may have: https anywhere, plain http only within the intranet (a relay or a
 * private deployment), where a government network often has no other way out. Host names are not resolved.
 */
final class WebhookAddress {

	private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");

	private WebhookAddress() {
	}

	/** The message key of what is wrong with the address, or {@code null} when it is acceptable. */
	static String problemWith(String url) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException malformed) {
			return "notification.robot.url.invalid";
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		String host = uri.getHost();
		if (!(scheme.equals("https") || scheme.equals("http")) || host == null || uri.getRawUserInfo() != null
				|| uri.getRawFragment() != null) {
			return "notification.robot.url.invalid";
		}
		if (scheme.equals("http") && !intranet(host)) {
			return "notification.robot.url.insecure";
		}
		return null;
	}

	/** Loopback, private (RFC 1918, RFC 4193) and link-local addresses, {@code localhost}, names without a dot. */
	static boolean intranet(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		if (name.startsWith("[")) {
			String v6 = name.substring(1, name.length() - 1);
			return v6.equals("::1") || v6.startsWith("fc") || v6.startsWith("fd") || v6.startsWith("fe80:");
		}
		var v4 = IPV4.matcher(name);
		if (v4.matches()) {
			int a = Integer.parseInt(v4.group(1));
			int b = Integer.parseInt(v4.group(2));
			return a == 10 || a == 127 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168)
					|| (a == 169 && b == 254);
		}
		return name.equals("localhost") || !name.contains(".");
	}
}
