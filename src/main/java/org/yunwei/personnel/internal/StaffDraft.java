package org.yunwei.personnel.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.yunwei.web.FieldErrors;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A staff record as a form or the API submits it. Lists may come as JSON arrays or, from a form, as one text of
 * comma- or line-separated entries.
 */
public record StaffDraft(@Schema(description = "the person (identity user id); only when recording") Long userId,
		@Schema(description = "the post (岗位) of the person's party") Long postId, LocalDate joinedOn,
		List<String> skills, @Schema(description = "信创 products known, e.g. 麒麟操作系统, 达梦数据库") List<String> xinchuangProducts,
		@Schema(description = "NONE, MACHINE_ROOM (核心机房) or CLASSIFIED_SITE (涉密场所)") String clearance,
		LocalDate clearanceUntil, @Schema(description = "personal data: sealed at rest") String phone,
		@Schema(description = "18-character resident identity number; personal data: sealed at rest") String idNumber) {

	static final int MAX_ENTRIES = 30;
	static final int MAX_ENTRY = 50;

	/** A form's list field: entries separated by commas (either width) or lines. */
	static List<String> split(String text) {
		List<String> entries = new ArrayList<>();
		if (text != null) {
			for (String entry : text.split("[,，、\\n]")) {
				entries.add(entry);
			}
		}
		return entries;
	}

	/** The content, or a refusal naming every wrong field. */
	StaffContent content() {
		FieldErrors errors = new FieldErrors();
		List<String> skillList = entries("skills", skills, errors);
		List<String> products = entries("xinchuangProducts", xinchuangProducts, errors);
		Clearance level = FieldErrors.clean(clearance) == null ? Clearance.NONE
				: errors.constant(Clearance.class, clearance, "clearance");
		if (level == Clearance.NONE && clearanceUntil != null) {
			errors.add("clearanceUntil", "personnel.clearance.until-without");
		}
		String phoneNumber = FieldErrors.clean(phone);
		errors.optional("phone", phoneNumber, 30).matches("phone", phoneNumber, FieldErrors.PHONE, "personnel.phone.invalid");
		String id = FieldErrors.clean(idNumber);
		String normalised = ChineseIdNumber.normalise(id);
		if (id != null && normalised == null) {
			errors.add("idNumber", "personnel.id-number.invalid");
		}
		errors.throwIfAny();
		return new StaffContent(postId, joinedOn, skillList, products, level, clearanceUntil, phoneNumber, normalised);
	}

	private static List<String> entries(String field, List<String> values, FieldErrors errors) {
		LinkedHashSet<String> kept = new LinkedHashSet<>();
		if (values != null) {
			for (String value : values) {
				String entry = FieldErrors.clean(value);
				if (entry != null) {
					errors.optional(field, entry, MAX_ENTRY);
					kept.add(entry);
				}
			}
		}
		if (kept.size() > MAX_ENTRIES) {
			errors.add(field, "personnel.list.too-many");
		}
		return List.copyOf(kept);
	}
}
