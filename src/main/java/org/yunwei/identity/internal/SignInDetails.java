package org.yunwei.identity.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationDetailsSource;

/**
 * What the sign-in form sends besides user name and password: the second-factor code, and where it came from.
 */
record SignInDetails(String totp, String clientAddress) {

	static AuthenticationDetailsSource<HttpServletRequest, SignInDetails> source() {
		return request -> new SignInDetails(request.getParameter("totp"), request.getRemoteAddr());
	}
}
