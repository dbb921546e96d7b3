package org.yunwei.crypto.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yunwei.crypto.Digester;

@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

	@Bean
	Digester digester(@Value("${yunwei.crypto:standard}") String mode) {
		if (!mode.equals("gm") && !mode.equals("standard")) {
			throw new IllegalStateException("yunwei.crypto must be 'standard' or 'gm', not '" + mode + "'");
		}
		return new Digester(mode.equals("gm"));
	}
}
