package org.yunwei.identity.internal;

import java.time.Instant;

/** Lets tests outside this package compute the codes an authenticator app would show. */
public final class TestTotp {

	private TestTotp() {
	}

	public static String codeAt(String base32Secret, Instant time) {
		return TotpAlgorithm.codeAt(base32Secret, time);
	}
}
