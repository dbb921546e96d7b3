package org.yunwei.identity.internal;

import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yunwei.crypto.FieldCipher;

/**
 * The directory's phone numbers ({@code app_user.phone_sealed}) sealed at rest with the crypto module's field cipher,
 * as the staff records' are, each bound to its person ({@code app_user.phone:<user id>}); and their keyed lookup
 * digest ({@code app_user.phone_digest}), by which a user is found by number without opening every row. Public only
 * for the module's own {@link org.yunwei.identity.People}; other modules read phones through {@code People}.
 */
@Component
public class DirectoryPhones {

	static final String PURPOSE = "app_user.phone";
	private static final Logger log = LoggerFactory.getLogger(DirectoryPhones.class);

	private final FieldCipher cipher;

	DirectoryPhones(FieldCipher cipher) {
		this.cipher = cipher;
	}

	/** A phone number as stored: sealed, with its lookup digest; both {@code null} for no number. */
	record SealedPhone(byte[] sealed, byte[] digest) {
	}

	/** What a stored number reads as: the number, or that it is there but does not open with this key. */
	public record OpenedPhone(String number, boolean unreadable) {

		static final OpenedPhone NONE = new OpenedPhone(null, false);
	}

	SealedPhone seal(String phone, long userId) {
		if (phone == null) {
			return new SealedPhone(null, null);
		}
		return new SealedPhone(cipher.seal(phone, PURPOSE + ":" + userId), digest(phone));
	}

	/**
	 * The lookup digest of a number as typed: only its digits count (and a leading +), so that 138-0013-8000 and
	 * 138 0013 8000 find the same person.
	 */
	byte[] digest(String phone) {
		return cipher.lookupDigest(normalised(phone), PURPOSE);
	}

	static String normalised(String phone) {
		String digits = phone.replaceAll("[^0-9]", "");
		return phone.strip().startsWith("+") ? "+" + digits : digits;
	}

	/**
	 * Opens a stored number. A row not yet sealed (between the upgrade and the start-up sealing) still holds the
	 * plain column, which is read as it is.
	 *
	 * @param sealed the sealed column, or {@code null}
	 * @param plain the plain column of a row not yet sealed, or {@code null}
	 */
	public OpenedPhone open(byte[] sealed, String plain, long userId) {
		if (sealed == null) {
			return plain == null ? OpenedPhone.NONE : new OpenedPhone(plain, false);
		}
		try {
			return new OpenedPhone(cipher.open(sealed, PURPOSE + ":" + userId), false);
		}
		catch (FieldCipher.FieldKeyMismatch mismatch) {
			log.warn("The phone number of user {} does not open with this installation's field key {}: {}", userId,
					cipher.keyFingerprint(), mismatch.getMessage());
			return new OpenedPhone(null, true);
		}
	}

	/** How an audit record names a number without holding it: a short prefix of its keyed digest. */
	static String auditMark(byte[] digest, String plain) {
		if (digest != null) {
			return "sealed:" + HexFormat.of().formatHex(digest, 0, 4);
		}
		return plain == null ? null : "pending";
	}
}
