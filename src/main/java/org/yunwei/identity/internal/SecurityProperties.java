package org.yunwei.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code yunwei.security.*}: the 等保 level-3 sign-in rules, configurable per installation.
 *
 * @param dengbaoProfile when on (the default), administrators must have a second factor
 * @param passwordMaxAge after this a password must be changed at the next sign-in
 * @param lockoutThreshold failed attempts in a row that lock an account
 * @param lockoutDuration how long a locked account stays locked
 * @param addressThrottleFailures failed sign-ins from one client address, across accounts, that pause it
 * @param addressThrottleWindow the window over which those failures are counted
 */
@ConfigurationProperties("yunwei.security")
record SecurityProperties(@DefaultValue("true") boolean dengbaoProfile, @DefaultValue("90d") Duration passwordMaxAge,
		@DefaultValue("5") int lockoutThreshold, @DefaultValue("15m") Duration lockoutDuration,
		@DefaultValue("30") int addressThrottleFailures, @DefaultValue("10m") Duration addressThrottleWindow) {
}
