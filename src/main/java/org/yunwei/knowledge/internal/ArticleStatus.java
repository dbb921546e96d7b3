package org.yunwei.knowledge.internal;

/** Where an article's working copy stands: 草稿, 审核中, 已发布, 已停用. */
public enum ArticleStatus {
	DRAFT, IN_REVIEW, PUBLISHED, RETIRED
}
