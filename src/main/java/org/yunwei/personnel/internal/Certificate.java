package org.yunwei.personnel.internal;

import java.time.LocalDate;

/** A certificate (资质证书) of a staff member; {@code expiresOn} {@code null}: it does not expire. */
record Certificate(long id, long staffId, String name, String issuer, String number, LocalDate issuedOn,
		LocalDate expiresOn) {

	/** Whether it has expired by {@code today} (a certificate is valid through its expiry day). */
	boolean expired(LocalDate today) {
		return expiresOn != null && expiresOn.isBefore(today);
	}

	/** Whether it expires within {@code days} from {@code today}, not yet expired. */
	boolean expiring(LocalDate today, int days) {
		return expiresOn != null && !expired(today) && !expiresOn.isAfter(today.plusDays(days));
	}
}
