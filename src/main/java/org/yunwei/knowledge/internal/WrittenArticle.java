package org.yunwei.knowledge.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import org.yunwei.web.FieldErrors;

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

	/** The content, or 422 naming every refused field (a review date that is no date among them). */
	ArticleContent content() {
		LocalDate review = null;
		String date = FieldErrors.clean(reviewDate);
		if (date != null) {
			try {
				review = LocalDate.parse(date);
			}
			catch (DateTimeParseException e) {
				new FieldErrors().add("reviewDate", "knowledge.review-date.invalid").throwIfAny();
			}
		}
		List<String> tagList = tags == null ? List.of()
				: Arrays.stream(tags.split("[,，、;；\\s]+")).filter(t -> !t.isBlank()).toList();
		return ArticleContent.of(title, body, category, tagList, serviceIds, visibility, review, configurationItemIds);
	}
}
