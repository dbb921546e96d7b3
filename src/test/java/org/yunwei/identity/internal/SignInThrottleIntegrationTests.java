package org.yunwei.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;

/**
 * One address's failures (a whole office behind one NAT) pause password spraying from it without shutting out the
 * people who work there. Sign-in is called directly with an address of the documentation range, so that no other
 * test's address is paused.
 */
class SignInThrottleIntegrationTests extends IntegrationTestSupport {

	@Autowired
	SignIn signIn;

	@Autowired
	AddressThrottle throttle;

	@Autowired
	SecurityProperties properties;

	@Test
	void failuresFromOneAddressDoNotLockOutAnotherAccountsCorrectSignInButStillStopSpraying() {
		var directory = new TestDirectory(jdbc);
		long unit = directory.orgUnit(directory.party("CUSTOMER", "市政务服务中心"), null, "综合科");
		String colleague = directory.user(unit);
		String newcomer = directory.user(unit);
		String office = TestDirectory.unique("198.51.100.");
		signIn.verify(colleague, TestDirectory.PASSWORD, null, office);

		for (int i = 0; i < properties.addressThrottleFailures(); i++) {
			throttle.recordFailure(office);
		}

		assertThat(throttle.isPaused(office)).isTrue();
		assertThat(signIn.verify(colleague, TestDirectory.PASSWORD, null, office))
			.isEqualTo(directory.userId(colleague));
		assertThatThrownBy(() -> signIn.verify(newcomer, TestDirectory.PASSWORD, null, office))
			.as("an account never signed in from the paused address is refused there")
			.isInstanceOf(BadCredentialsException.class);
		assertThat(signIn.verify(newcomer, TestDirectory.PASSWORD, null, TestDirectory.unique("203.0.113.")))
			.isEqualTo(directory.userId(newcomer));
		assertThat(jdbc.sql("""
				select count(*) from audit_record where action = 'SIGN_IN' and outcome = 'FAILURE' and actor = ?
				and detail like 'address throttled%'""").param(newcomer).query(Long.class).single()).isOne();
	}
}
