package org.yunwei.document.internal;

import java.util.HashSet;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.Permission;
import org.yunwei.web.RejectedRequest;

/**
 * Who reads and who keeps documents (docs/security.md): everyone signed in reads the documents that apply to them
 * ({@link DocumentReaderScope}); DOCUMENT_MANAGE keeps documents — management's every party's, a provider's its own
 * party's — and supervision, reading everything, keeps nothing. Adding categories is management's. An internal file
 * is for the keeping side only: a customer neither sees it listed nor downloads it.
 */
@Component
class DocumentAccess {

	private final Actors actors;
	private final Organisations organisations;

	DocumentAccess(Actors actors, Organisations organisations) {
		this.actors = actors;
		this.organisations = organisations;
	}

	Actor actor() {
		return actors.current();
	}

	DocumentReaderScope readerScope() {
		return readerScope(actors.current());
	}

	DocumentReaderScope readerScope(Actor actor) {
		Set<Long> units = new HashSet<>();
		units.add(actor.orgUnitId());
		organisations.find(actor.orgUnitId()).ifPresent(u -> units.addAll(u.ancestorIds()));
		return new DocumentReaderScope(actor.partyKind(), actor.partyId(), units);
	}

	/** Whether the signed-in person may keep documents at all: the pages show the buttons by it. */
	boolean mayManage() {
		return actors.find().map(DocumentAccess::manager).orElse(false);
	}

	boolean mayManageCategories() {
		return actors.find().map(a -> manager(a) && a.partyKind() == PartyKind.MANAGEMENT).orElse(false);
	}

	/** Refuses (403) anyone who may not keep documents. */
	Actor requireManager() {
		Actor actor = actors.current();
		if (!manager(actor)) {
			throw RejectedRequest.forbidden("document.manage.forbidden");
		}
		return actor;
	}

	/** Refuses (404, as for a document that is not there) a keeper of another party's document. */
	Actor requireManagerOf(DocumentRecords.Row document) {
		Actor actor = requireManager();
		if (actor.partyKind() != PartyKind.MANAGEMENT && actor.partyId() != document.partyId()) {
			throw RejectedRequest.notFound("document");
		}
		return actor;
	}

	Actor requireCategoryManager() {
		Actor actor = requireManager();
		if (actor.partyKind() != PartyKind.MANAGEMENT) {
			throw RejectedRequest.forbidden("document.category.forbidden");
		}
		return actor;
	}

	/** Whether the signed-in person keeps this document (for the page's buttons). */
	boolean keeps(DocumentRecords.Row document) {
		return actors.find()
			.map(a -> manager(a) && (a.partyKind() == PartyKind.MANAGEMENT || a.partyId() == document.partyId()))
			.orElse(false);
	}

	/** Whether internal files are shown: not to a customer. */
	boolean seesInternal() {
		return actors.current().partyKind() != PartyKind.CUSTOMER;
	}

	private static boolean manager(Actor actor) {
		return actor.can(Permission.DOCUMENT_MANAGE) && actor.partyKind() != PartyKind.SUPERVISION
				&& actor.partyKind() != PartyKind.CUSTOMER;
	}
}
