package org.yunwei.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The message digest of this installation: SHA-256, or SM3 in {@code gm} mode. Used for the audit hash chain and for
 * looking up API tokens by digest; never for passwords, which take a slow adaptive hash.
 */
public final class Digester {

	private final boolean nationalAlgorithms;

	public Digester(boolean nationalAlgorithms) {
		this.nationalAlgorithms = nationalAlgorithms;
	}

	/** @return "SM3" or "SHA-256" */
	public String algorithm() {
		return nationalAlgorithms ? "SM3" : "SHA-256";
	}

	public byte[] digest(byte[] input) {
		if (nationalAlgorithms) {
			SM3Digest sm3 = new SM3Digest();
			sm3.update(input, 0, input.length);
			byte[] out = new byte[sm3.getDigestSize()];
			sm3.doFinal(out, 0);
			return out;
		}
		try {
			return MessageDigest.getInstance("SHA-256").digest(input);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every Java platform has SHA-256", e);
		}
	}

	/** @return the lower-case hex digest of the UTF-8 bytes of {@code text} */
	public String hexDigest(String text) {
		return HexFormat.of().formatHex(digest(text.getBytes(StandardCharsets.UTF_8)));
	}
}
