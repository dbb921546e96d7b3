package org.yunwei.personnel.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A staff record's row as the database holds it, for tests that look for plaintext personal data at rest. The sealed
 * columns are read as bytes, not as the row's hex text: hex can hold any run of digits by chance (CI once found
 * "13912" in a sealed phone number's hex).
 */
final class StaffRowText {

	private StaffRowText() {
	}

	/** Every column but the sealed ones as text, then each sealed column's bytes as Latin-1 characters. */
	static String of(JdbcClient jdbc, long id) {
		StringBuilder text = new StringBuilder(jdbc
			.sql("select (to_jsonb(s) - 'phone_sealed' - 'id_number_sealed')::text from staff_member s where id = ?")
			.param(id)
			.query(String.class)
			.single());
		for (String column : List.of("phone_sealed", "id_number_sealed")) {
			List<byte[]> sealed = jdbc.sql("select " + column + " from staff_member where id = ?")
				.param(id)
				.query(byte[].class)
				.list();
			if (!sealed.isEmpty() && sealed.get(0) != null) {
				text.append(' ').append(new String(sealed.get(0), StandardCharsets.ISO_8859_1));
			}
		}
		return text.toString();
	}

}
