package org.yunwei.knowledge.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * What the article form sends, as typed: shown again unchanged when refused. Tags are one text, separated by commas
 * or spaces; the review date a text the browser's date field fills in.
 */
record WrittenArticle(String title, String body, String category, String tags, List<Long> serviceIds,
		List<Long> configurationItemIds, String visibility, String reviewDate) {

	WrittenArticle {
		serviceIds = serviceIds == null ? List.of() : serviceIds;
		configurationItemIds = configurationItemIds == null ? List.of() : configurationItemIds;
	}

	static WrittenArticle blank() {
		return new WrittenArticle("", "", "", "", List.of(), List.of(), Visibility.INTERNAL.name(), "");
	}

	static WrittenArticle of(ArticleReading.ArticleView view) {
		return new WrittenArticle(view.title(), view.body(), view.category(), String.join(", ", view.tags()),
				view.serviceIds(), view.configurationItemIds(), view.visibility(),
				view.reviewDate() == null ? "" : view.reviewDate().toString());
	}

	/** The content, or 400 naming every refused field (a review date that is no date among them). */
	ArticleContent content() {
		LocalDate review = null;
		boolean badDate = false;
		String date = FieldErrors.clean(reviewDate);
		if (date != null) {
			try {
				review = LocalDate.parse(date);
			}
			catch (DateTimeParseException e) {
				badDate = true;
			}
		}
		List<String> tagList = tags == null ? List.of()
				: Arrays.stream(tags.split("[,，、;；\\s]+")).filter(t -> !t.isBlank()).toList();
		Map<String, String> refused = new LinkedHashMap<>();
		ArticleContent content = null;
		try {
			content = ArticleContent.of(title, body, category, tagList, serviceIds, visibility, review,
					configurationItemIds);
		}
		catch (RejectedRequest invalid) {
			refused.putAll(invalid.fieldErrors());
		}
		if (badDate) {
			refused.put("reviewDate", "knowledge.review-date.invalid");
		}
		if (!refused.isEmpty()) {
			throw RejectedRequest.invalidFields(refused);
		}
		return content;
	}
}
