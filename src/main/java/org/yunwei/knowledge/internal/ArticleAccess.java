package org.yunwei.knowledge.internal;

import org.springframework.stereotype.Component;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.Permission;
import org.yunwei.web.RejectedRequest;

/**
 * Who may do what with articles. Writing needs {@link Permission#KNOWLEDGE_MANAGE} and an article of the writer's
 * scope (its party). Reading needs no permission: a published article for customers is everyone's; an internal one,
 * or any unpublished working copy, is its party's staff's (management and supervision see every party's) and never
 * a customer's.
 */
@Component
public class ArticleAccess {

	private final Actors actors;

	ArticleAccess(Actors actors) {
		this.actors = actors;
	}

	/** The signed-in author, or 403. */
	public Actor requireManager() {
		Actor actor = actors.current();
		if (!actor.can(Permission.KNOWLEDGE_MANAGE)) {
			throw RejectedRequest.forbidden("knowledge.forbidden");
		}
		actors.writableScope();
		return actor;
	}

	/** The author of an article of their scope, or 403 / 404. */
	public Actor requireManagerOf(KnowledgeArticle article) {
		Actor actor = requireManager();
		actors.requireWritable(article.partyId(), article.orgUnitId());
		return actor;
	}

	/** The signed-in reader. */
	public Actor reader() {
		return actors.current();
	}

	/** Whether the reader is staff (no customer). */
	public static boolean staff(Actor reader) {
		return reader.partyKind() != PartyKind.CUSTOMER;
	}

	/** Whether the reader may see the working copy and the versions of an article (its authors' side). */
	public boolean seesWorkingCopy(Actor reader, KnowledgeArticle article) {
		return staff(reader) && actors.scopeOf(reader).includesParty(article.partyId());
	}

	/**
	 * Whether the reader is supervision (监理), which audits the knowledge base: it reads every article of its scope as
	 * it stands, working copies and versions included, and writes none.
	 */
	public boolean auditor(Actor reader) {
		return reader.partyKind() == PartyKind.SUPERVISION;
	}

	/** Whether the reader audits this article: supervision, with the article's party in its scope. */
	public boolean audits(Actor reader, KnowledgeArticle article) {
		return auditor(reader) && actors.scopeOf(reader).includesParty(article.partyId());
	}

	/** Whether the reader may read the published version of an article. */
	public boolean readsPublished(Actor reader, KnowledgeArticle article, Visibility publishedVisibility) {
		if (article.publishedVersionId() == null || article.status() == ArticleStatus.RETIRED) {
			return false;
		}
		return publishedVisibility == Visibility.CUSTOMER || seesWorkingCopy(reader, article);
	}
}
