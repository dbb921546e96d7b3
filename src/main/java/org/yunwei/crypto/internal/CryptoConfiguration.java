package org.yunwei.crypto.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yunwei.crypto.Digester;
import org.yunwei.crypto.FieldCipher;

@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(CryptoConfiguration.class);

	@Bean
	Digester digester(@Value("${yunwei.crypto:standard}") String mode) {
		return new Digester(national(mode));
	}

	/**
	 * The field key: {@code yunwei.field-key} (Base64) when given, else the key file, which is created with a random
	 * key at the first start; never in the database, so that the database and its backups alone reveal no field.
	 */
	@Bean
	FieldCipher fieldCipher(@Value("${yunwei.crypto:standard}") String mode,
			@Value("${yunwei.field-key:}") String key, @Value("${yunwei.field-key-file:./data/field.key}") String file) {
		FieldCipher cipher = new FieldCipher(key.isBlank() ? fromFile(Path.of(file)) : decode(key, "yunwei.field-key"),
				national(mode));
		log.info("Personal fields are sealed with {} under the field key {}", cipher.algorithm(),
				cipher.keyFingerprint());
		return cipher;
	}

	private static boolean national(String mode) {
		if (!mode.equals("gm") && !mode.equals("standard")) {
			throw new IllegalStateException("yunwei.crypto must be 'standard' or 'gm', not '" + mode + "'");
		}
		return mode.equals("gm");
	}

	private static byte[] fromFile(Path file) {
		try {
			if (Files.exists(file)) {
				return decode(Files.readString(file, StandardCharsets.US_ASCII), "the field key file " + file);
			}
			byte[] key = new byte[FieldCipher.KEY_BYTES];
			new SecureRandom().nextBytes(key);
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			// owner-only from its creation, not after the key is in it: no moment in which others may read it
			try {
				Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			catch (UnsupportedOperationException notPosix) {
				// a file system without POSIX permissions: the directory's own protection has to do
				Files.createFile(file);
			}
			Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
			log.warn("Created a new field key in {}: back it up apart from the database; without it the staff's "
					+ "phone and ID numbers cannot be read", file);
			return key;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read or create the field key file " + file, e);
		}
	}

	private static byte[] decode(String base64, String where) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException(where + " is not Base64", e);
		}
		if (key.length != FieldCipher.KEY_BYTES) {
			throw new IllegalStateException(where + " must hold " + FieldCipher.KEY_BYTES + " bytes in Base64, not "
					+ key.length);
		}
		return key;
	}
}
