package org.yunwei.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Encrypts single fields of personal data at rest (a staff member's phone and ID numbers): AES-256-GCM, or SM4-GCM in
 * {@code gm} mode (国密). The key lives outside the database ({@code yunwei.field-key} or the key file), so that a copy
 * of the database or of its backups alone reveals nothing.
 * <p>
 * A sealed value carries its algorithm and the fingerprint of the key that sealed it: a value sealed before the
 * installation switched modes is still read, and a value sealed with another key is refused with
 * {@link FieldKeyMismatch} before any decryption is tried, never answered with garbage. The {@code context} (e.g. the
 * field and the record it belongs to) is authenticated with the value, so that a value copied into another record or
 * field fails to open as well.
 */
public final class FieldCipher {

	private static final byte FORMAT = 1;
	private static final byte AES_GCM = 1;
	private static final byte SM4_GCM = 2;
	private static final int FINGERPRINT_BYTES = 4;
	private static final int NONCE_BYTES = 12;
	private static final int TAG_BITS = 128;
	private static final int HEADER_BYTES = 2 + FINGERPRINT_BYTES + NONCE_BYTES;
	/** The length of the key in bytes (AES-256); SM4's 128-bit key is derived from it. */
	public static final int KEY_BYTES = 32;

	private final byte[] aesKey;
	private final byte[] sm4Key;
	private final byte[] fingerprint;
	private final byte[] lookupKey;
	private final boolean nationalAlgorithms;
	private final SecureRandom random = new SecureRandom();

	/**
	 * @param key {@value #KEY_BYTES} bytes; copied
	 * @param nationalAlgorithms seal with SM4-GCM ({@code gm} mode) rather than AES-256-GCM
	 */
	public FieldCipher(byte[] key, boolean nationalAlgorithms) {
		if (key == null || key.length != KEY_BYTES) {
			throw new IllegalArgumentException("The field key must be " + KEY_BYTES + " bytes, not "
					+ (key == null ? "missing" : key.length));
		}
		this.aesKey = key.clone();
		this.sm4Key = Arrays.copyOf(sm3("yunwei-field-sm4", key), 16);
		this.fingerprint = Arrays.copyOf(sm3("yunwei-field-key-id", key), FINGERPRINT_BYTES);
		this.lookupKey = sm3("yunwei-field-lookup", key);
		this.nationalAlgorithms = nationalAlgorithms;
	}

	/** @return "SM4-GCM" or "AES-256-GCM": what new values are sealed with */
	public String algorithm() {
		return nationalAlgorithms ? "SM4-GCM" : "AES-256-GCM";
	}

	/** The key's fingerprint in hex: tells keys apart without revealing them (for logs and errors). */
	public String keyFingerprint() {
		return HexFormat.of().formatHex(fingerprint);
	}

	/**
	 * Seals a value.
	 *
	 * @param plaintext never {@code null}
	 * @param context what the value is, authenticated with it: the same context opens it again
	 */
	public byte[] seal(String plaintext, String context) {
		byte algorithm = nationalAlgorithms ? SM4_GCM : AES_GCM;
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		byte[] header = ByteBuffer.allocate(HEADER_BYTES).put(FORMAT).put(algorithm).put(fingerprint).put(nonce).array();
		GCMModeCipher gcm = gcm(algorithm, true, nonce, context);
		byte[] input = plaintext.getBytes(StandardCharsets.UTF_8);
		byte[] out = new byte[HEADER_BYTES + gcm.getOutputSize(input.length)];
		System.arraycopy(header, 0, out, 0, HEADER_BYTES);
		int length = gcm.processBytes(input, 0, input.length, out, HEADER_BYTES);
		try {
			gcm.doFinal(out, HEADER_BYTES + length);
		}
		catch (InvalidCipherTextException e) {
			throw new IllegalStateException("GCM never refuses to encrypt", e);
		}
		return out;
	}

	/**
	 * Opens a sealed value.
	 *
	 * @throws FieldKeyMismatch when the value was sealed with another key, or was altered, or belongs to another
	 *         context: never a wrong plaintext
	 */
	public String open(byte[] sealed, String context) {
		if (sealed == null || sealed.length < HEADER_BYTES + TAG_BITS / 8 || sealed[0] != FORMAT
				|| (sealed[1] != AES_GCM && sealed[1] != SM4_GCM)) {
			throw new FieldKeyMismatch("The value is not a sealed field of this application");
		}
		byte[] sealedBy = Arrays.copyOfRange(sealed, 2, 2 + FINGERPRINT_BYTES);
		if (!Arrays.equals(sealedBy, fingerprint)) {
			throw new FieldKeyMismatch("The value was sealed with another key (key " + HexFormat.of().formatHex(sealedBy)
					+ "); this installation's field key is " + keyFingerprint());
		}
		byte[] nonce = Arrays.copyOfRange(sealed, 2 + FINGERPRINT_BYTES, HEADER_BYTES);
		GCMModeCipher gcm = gcm(sealed[1], false, nonce, context);
		byte[] out = new byte[gcm.getOutputSize(sealed.length - HEADER_BYTES)];
		int length = gcm.processBytes(sealed, HEADER_BYTES, sealed.length - HEADER_BYTES, out, 0);
		try {
			length += gcm.doFinal(out, length);
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(out, 0, length))
				.toString();
		}
		catch (InvalidCipherTextException | CharacterCodingException e) {
			throw new FieldKeyMismatch("The value does not open with this installation's field key: it was altered "
					+ "or belongs to another record");
		}
	}

	/**
	 * A keyed digest (HMAC-SM3 under a key derived from the field key) of a value, for finding records by a sealed
	 * field without opening every one: equal values of one purpose give equal digests, and without the field key a
	 * digest cannot be tried against guesses (a phone number alone would be guessed from a plain hash in minutes).
	 * The same algorithm in both modes, so that switching to {@code gm} keeps the stored digests valid.
	 *
	 * @param value never {@code null}; the caller normalises it (e.g. a phone number's digits)
	 * @param purpose what the value is (e.g. {@code "app_user.phone"}): the same value of another field differs
	 */
	public byte[] lookupDigest(String value, String purpose) {
		HMac mac = new HMac(new SM3Digest());
		mac.init(new KeyParameter(lookupKey));
		byte[] input = (purpose + "\u0000" + value).getBytes(StandardCharsets.UTF_8);
		mac.update(input, 0, input.length);
		byte[] out = new byte[mac.getMacSize()];
		mac.doFinal(out, 0);
		return out;
	}

	private GCMModeCipher gcm(byte algorithm, boolean encrypt, byte[] nonce, String context) {
		BlockCipher engine = algorithm == SM4_GCM ? new SM4Engine() : AESEngine.newInstance();
		byte[] key = algorithm == SM4_GCM ? sm4Key : aesKey;
		GCMModeCipher gcm = GCMBlockCipher.newInstance(engine);
		gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce,
				context.getBytes(StandardCharsets.UTF_8)));
		return gcm;
	}

	private static byte[] sm3(String label, byte[] key) {
		SM3Digest sm3 = new SM3Digest();
		byte[] prefix = label.getBytes(StandardCharsets.UTF_8);
		sm3.update(prefix, 0, prefix.length);
		sm3.update(key, 0, key.length);
		byte[] out = new byte[sm3.getDigestSize()];
		sm3.doFinal(out, 0);
		return out;
	}

	/**
	 * A sealed value that this installation's key does not open: sealed with another key, altered, or moved from
	 * another record. The message says which, without any of the value.
	 */
	public static final class FieldKeyMismatch extends RuntimeException {

		public FieldKeyMismatch(String message) {
			super(message);
		}
	}
}
