package org.yunwei.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.yunwei.web.RejectedRequest;

class KnowledgeArticleTests {

	static ArticleContent content(String title) {
		return ArticleContent.of(title, "正文", "网络", List.of("VPN"), List.of(), "CUSTOMER", null);
	}

	@Test
	void aDraftGoesThroughReviewToPublishedAndRetired() {
		KnowledgeArticle article = KnowledgeArticle.draft(1, 2, 3, content("打印机连接失败的处理方法"));
		article.submit(10);
		assertThat(article.status()).isEqualTo(ArticleStatus.IN_REVIEW);
		assertThat(article.publish(10)).isNull();
		assertThat(article.status()).isEqualTo(ArticleStatus.PUBLISHED);
		assertThat(article.publishedVersionId()).isEqualTo(10L);
		article.retire();
		assertThat(article.status()).isEqualTo(ArticleStatus.RETIRED);
		assertThatThrownBy(() -> article.revise(content("新")))
			.isInstanceOfSatisfying(RejectedRequest.class, e -> assertThat(e.status().value()).isEqualTo(409));
	}

	@Test
	void nothingIsPublishedWithoutTheGrantOfTheVersionUnderReview() {
		KnowledgeArticle article = KnowledgeArticle.draft(1, 2, 3, content("VPN 连接超时"));
		assertThatThrownBy(() -> article.publish(10)).isInstanceOf(RejectedRequest.class);
		article.submit(10);
		assertThatThrownBy(() -> article.publish(11)).isInstanceOf(RejectedRequest.class);
		assertThat(article.publishedVersionId()).isNull();
		assertThat(article.status()).isEqualTo(ArticleStatus.IN_REVIEW);
	}

	@Test
	void aRevisionOfAPublishedArticleLeavesThePublishedVersionUntilItsOwnGrant() {
		KnowledgeArticle article = KnowledgeArticle.draft(1, 2, 3, content("v1"));
		article.submit(10);
		article.publish(10);
		article.revise(content("v2"));
		assertThat(article.status()).isEqualTo(ArticleStatus.DRAFT);
		assertThat(article.publishedVersionId()).isEqualTo(10L);
		article.submit(11);
		assertThatThrownBy(() -> article.revise(content("v3"))).isInstanceOf(RejectedRequest.class);
		article.notApproved(11, "步骤不完整");
		assertThat(article.status()).isEqualTo(ArticleStatus.DRAFT);
		assertThat(article.returnReason()).isEqualTo("步骤不完整");
		assertThat(article.publishedVersionId()).isEqualTo(10L);
		article.submit(12);
		assertThat(article.publish(12)).isEqualTo(10L);
	}

	@Test
	void aNeverPublishedArticleCannotBeRetired() {
		KnowledgeArticle article = KnowledgeArticle.draft(1, 2, 3, content("草稿"));
		assertThatThrownBy(article::retire).isInstanceOf(RejectedRequest.class);
	}

	@Test
	void contentIsValidatedAndHashedOnWhatReadersSee() {
		assertThatThrownBy(() -> ArticleContent.of(" ", "", null, null, null, "SECRET", null))
			.isInstanceOfSatisfying(RejectedRequest.class, e -> assertThat(e.fieldErrors())
				.containsKeys("title", "body", "category", "visibility"));
		ArticleContent one = content("标题");
		ArticleContent moved = ArticleContent.of("标题", "正文", "网络", List.of("VPN"), List.of(), "CUSTOMER",
				java.time.LocalDate.of(2030, 1, 1));
		assertThat(one.hash()).hasSize(64).isEqualTo(moved.hash());
		assertThat(content("标题2").hash()).isNotEqualTo(one.hash());
	}
}
