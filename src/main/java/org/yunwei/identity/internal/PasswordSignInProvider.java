package org.yunwei.identity.internal;

import java.time.Instant;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The sign-in form's authentication: {@link SignIn} decides, {@link ActorDirectory} supplies who signed in.
 */
@Component
class PasswordSignInProvider implements AuthenticationProvider {

	private final SignIn signIn;
	private final ActorDirectory directory;

	PasswordSignInProvider(SignIn signIn, ActorDirectory directory) {
		this.signIn = signIn;
		this.directory = directory;
	}

	@Override
	public Authentication authenticate(Authentication attempt) {
		SignInDetails details = attempt.getDetails() instanceof SignInDetails d ? d : new SignInDetails(null, null);
		long userId = signIn.verify(attempt.getName(), String.valueOf(attempt.getCredentials()), details.totp(),
				details.clientAddress());
		return directory.authenticationOf(userId, Instant.now());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
