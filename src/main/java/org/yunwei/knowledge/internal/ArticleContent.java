package org.yunwei.knowledge.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.yunwei.web.FieldErrors;

/**
 * What an author writes: validated on construction through {@link #of}, so that an aggregate never holds content
 * that would be refused.
 */
public record ArticleContent(String title, String body, String category, List<String> tags, List<Long> serviceIds,
		Visibility visibility, LocalDate reviewDate, List<Long> itemIds) {

	static final int TITLE_MAX = 200;
	static final int BODY_MAX = 100_000;
	// field.max.<n> keys of the bundles: messages.properties (200, 30) and i18n/knowledge (100000, 60)
	static final int CATEGORY_MAX = 60;
	static final int TAG_MAX = 30;
	static final int TAGS_MAX = 20;
	static final int ITEMS_MAX = 50;

	public ArticleContent {
		tags = List.copyOf(tags);
		serviceIds = List.copyOf(serviceIds);
		itemIds = List.copyOf(itemIds);
	}

	/** The content without configuration items; or 422 naming every refused field. */
	public static ArticleContent of(String title, String body, String category, List<String> tags,
			List<Long> serviceIds, String visibility, LocalDate reviewDate) {
		return of(title, body, category, tags, serviceIds, visibility, reviewDate, null);
	}

	/**
	 * The content, or 422 naming every refused field. Whether the services and configuration items exist and are the
	 * author's to name is checked by {@link ArticleReferences}, which needs the database.
	 */
	public static ArticleContent of(String title, String body, String category, List<String> tags,
			List<Long> serviceIds, String visibility, LocalDate reviewDate, List<Long> itemIds) {
		FieldErrors errors = new FieldErrors();
		errors.required("title", FieldErrors.clean(title), TITLE_MAX);
		errors.required("body", FieldErrors.clean(body), BODY_MAX);
		errors.required("category", FieldErrors.clean(category), CATEGORY_MAX);
		List<String> cleanTags = tags == null ? List.of()
				: tags.stream().map(FieldErrors::clean).filter(t -> t != null).distinct().toList();
		if (itemIds != null && itemIds.stream().distinct().count() > ITEMS_MAX) {
			errors.add("configurationItemIds", "knowledge.items.too-many");
		}
		if (cleanTags.size() > TAGS_MAX || cleanTags.stream().anyMatch(t -> t.length() > TAG_MAX)) {
			errors.add("tags", "knowledge.tags.invalid");
		}
		Visibility seen = errors.constant(Visibility.class, visibility, "visibility");
		errors.throwIfAny();
		return new ArticleContent(FieldErrors.clean(title), body.strip(), FieldErrors.clean(category), cleanTags,
				serviceIds == null ? List.of() : serviceIds.stream().filter(i -> i != null).distinct().toList(), seen,
				reviewDate, itemIds == null ? List.of() : itemIds.stream().filter(i -> i != null).distinct().toList());
	}

	/**
	 * The hex SHA-256 of what readers would see of this version; an approval holds only for it. The review date is
	 * left out: moving it is no change of what was approved. Configuration items join the text only when there are
	 * some, so that a version written before they existed keeps its hash.
	 */
	public String hash() {
		String canonical = String.join("\u0000", title, body, category, String.join("\u0001", tags),
				serviceIds.toString(), visibility.name()) + (itemIds.isEmpty() ? "" : "\u0000" + itemIds);
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	Map<String, Object> audited() {
		return Map.of("title", title, "category", category, "visibility", visibility.name(), "hash", hash());
	}
}
