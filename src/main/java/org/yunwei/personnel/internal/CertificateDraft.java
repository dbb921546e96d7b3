package org.yunwei.personnel.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.yunwei.web.FieldErrors;

/** A certificate as a form or the API submits it. */
public record CertificateDraft(String name, String issuer, String number, LocalDate issuedOn, LocalDate expiresOn) {

	/** The draft cleaned, or a refusal naming every wrong field. */
	CertificateDraft validated() {
		FieldErrors errors = new FieldErrors();
		String n = FieldErrors.clean(name);
		String i = FieldErrors.clean(issuer);
		String no = FieldErrors.clean(number);
		errors.required("name", n, 100).optional("issuer", i, 100).optional("number", no, 50);
		if (issuedOn != null && expiresOn != null && expiresOn.isBefore(issuedOn)) {
			errors.add("expiresOn", "personnel.certificate.expires-before-issued");
		}
		errors.throwIfAny();
		return new CertificateDraft(n, i, no, issuedOn, expiresOn);
	}

	Map<String, Object> audited() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("name", name);
		values.put("issuer", issuer);
		values.put("number", number);
		values.put("issuedOn", issuedOn == null ? null : issuedOn.toString());
		values.put("expiresOn", expiresOn == null ? null : expiresOn.toString());
		return values;
	}
}
