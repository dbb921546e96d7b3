package org.yunwei.personnel.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a staff record says, validated ({@link StaffDraft#content()}). {@code phone} and {@code idNumber} are the
 * personal data, sealed before they are stored.
 */
record StaffContent(Long postId, LocalDate joinedOn, List<String> skills, List<String> xinchuangProducts,
		Clearance clearance, LocalDate clearanceUntil, String phone, String idNumber) {

	StaffContent {
		skills = List.copyOf(skills);
		xinchuangProducts = List.copyOf(xinchuangProducts);
	}

	/** For the audit trail: the personal data only as "present or not", never its value. */
	Map<String, Object> audited() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("postId", postId);
		values.put("joinedOn", joinedOn == null ? null : joinedOn.toString());
		values.put("skills", skills);
		values.put("xinchuangProducts", xinchuangProducts);
		values.put("clearance", clearance.name());
		values.put("clearanceUntil", clearanceUntil == null ? null : clearanceUntil.toString());
		values.put("phone", phone == null ? "none" : "sealed");
		values.put("idNumber", idNumber == null ? "none" : "sealed");
		return values;
	}
}
