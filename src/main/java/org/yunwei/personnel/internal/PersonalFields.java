package org.yunwei.personnel.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yunwei.crypto.FieldCipher;

/**
 * Seals and opens a staff member's phone and ID numbers. Each value is bound to its field and person, so that a
 * sealed value copied to another record does not open there. A value that does not open with this installation's key
 * is reported as unreadable, never shown as something else.
 */
@Component
class PersonalFields {

	private static final Logger log = LoggerFactory.getLogger(PersonalFields.class);

	private final FieldCipher cipher;

	PersonalFields(FieldCipher cipher) {
		this.cipher = cipher;
	}

	byte[] sealPhone(String phone, long userId) {
		return phone == null ? null : cipher.seal(phone, context("phone", userId));
	}

	byte[] sealIdNumber(String idNumber, long userId) {
		return idNumber == null ? null : cipher.seal(idNumber, context("id_number", userId));
	}

	/** The personal data of a record; {@link PersonalData#unreadable()} when a value does not open. */
	PersonalData open(StaffMember member) {
		try {
			return new PersonalData(open(member.phoneSealed(), "phone", member.userId()),
					open(member.idNumberSealed(), "id_number", member.userId()), false);
		}
		catch (FieldCipher.FieldKeyMismatch e) {
			log.warn("The personal data of staff record {} does not open: {}", member.id(), e.getMessage());
			return new PersonalData(null, null, true);
		}
	}

	private String open(byte[] sealed, String field, long userId) {
		return sealed == null ? null : cipher.open(sealed, context(field, userId));
	}

	private static String context(String field, long userId) {
		return "staff_member." + field + ":" + userId;
	}

	/**
	 * A staff member's personal data, opened.
	 *
	 * @param unreadable the sealed values do not open with this installation's field key (another key, or altered)
	 */
	record PersonalData(String phone, String idNumber, boolean unreadable) {
	}
}
