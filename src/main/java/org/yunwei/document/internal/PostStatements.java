package org.yunwei.document.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.People;
import org.yunwei.identity.Positions;
import org.yunwei.identity.Staffing;
import org.yunwei.web.RejectedRequest;

/**
 * The responsibility statement (岗位职责说明书) of each post (岗位): a document of the POST_DUTIES category the post
 * points at. The link lives here ({@code document_post_statement}) so that identity, which owns posts, needs nothing
 * of documents. A post's page also shows the records of its backup taking over while the holder was absent (岗位备份
 * records, kept by identity and read through {@link Positions}). Customers do not see the providers' posts.
 */
@Service
class PostStatements {

	/** The most posts a picker offers. */
	static final int POSTS = 500;
	/** Backup records a post's page shows. */
	static final int ABSENCES = 50;

	private final JdbcClient jdbc;
	private final Staffing staffing;
	private final Positions positions;
	private final People people;
	private final DocumentAccess access;
	private final DocumentRecords documents;
	private final CategoryRecords categories;
	private final AuditTrail audit;

	PostStatements(JdbcClient jdbc, Staffing staffing, Positions positions, People people, DocumentAccess access,
			DocumentRecords documents,
			CategoryRecords categories, AuditTrail audit) {
		this.jdbc = jdbc;
		this.staffing = staffing;
		this.positions = positions;
		this.people = people;
		this.access = access;
		this.documents = documents;
		this.categories = categories;
		this.audit = audit;
	}

	/** A post with its statement, if one is linked and the reader sees it. */
	public record PostStatement(Staffing.StaffedPost post, Long documentId, String documentTitle,
			boolean documentCurrent) {
	}

	/** A record of the post's holder being absent, the backup acting meanwhile (岗位备份), with the names shown. */
	public record BackupRecord(String holder, String acting, java.time.Instant from, java.time.Instant until,
			String reason) {
	}

	/** The latest records of the post's backup taking over, newest first. */
	@Transactional(readOnly = true)
	public List<BackupRecord> backups(long postId) {
		requireStaffSide();
		Staffing.StaffedPost post = post(postId);
		Long backupId = positions.post(postId).map(Positions.PostHolding::backupId).orElse(null);
		List<Positions.PostAbsence> absences = positions.absences(post.id(), ABSENCES);
		java.util.Set<Long> ids = new java.util.HashSet<>();
		absences.forEach(a -> ids.add(a.holderId()));
		if (backupId != null) {
			ids.add(backupId);
		}
		java.util.Map<Long, String> names = new java.util.HashMap<>();
		people.findAll(ids).forEach(p -> names.put(p.id(), p.displayName()));
		return absences.stream()
			.map(a -> new BackupRecord(names.getOrDefault(a.holderId(), "—"),
					backupId == null ? "—" : names.getOrDefault(backupId, "—"), a.from(), a.until(), a.reason()))
			.toList();
	}

	@Transactional(readOnly = true)
	public List<PostStatement> posts() {
		requireStaffSide();
		return staffing.posts(providerOfReader(), POSTS).stream().map(this::statement).toList();
	}

	@Transactional(readOnly = true)
	public PostStatement of(long postId) {
		requireStaffSide();
		return statement(post(postId));
	}

	/** Links a post to a responsibility statement; {@code documentId} {@code null} removes the link. */
	@Transactional
	public PostStatement link(long postId, Long documentId) {
		access.requireManager();
		Staffing.StaffedPost post = post(postId);
		if (documentId != null) {
			DocumentRecords.Row row = documents.find(documentId, access.readerScope(), false)
				.orElseThrow(() -> RejectedRequest.invalidField("documentId", "document.post.document.unknown"));
			access.requireManagerOf(row);
			String code = categories.find(row.categoryId()).map(DocumentCategory::code).orElse(null);
			if (!"POST_DUTIES".equals(code)) {
				throw RejectedRequest.invalidField("documentId", "document.post.document.category");
			}
			jdbc.sql("insert into document_post_statement (post_id, document_id) values (?, ?)"
					+ " on conflict (post_id) do update set document_id = excluded.document_id")
				.params(postId, documentId)
				.update();
		}
		else {
			jdbc.sql("delete from document_post_statement where post_id = ?").param(postId).update();
		}
		audit.record(AuditEntry.of("DOCUMENT_POST_STATEMENT_LINKED", "post", postId)
			.after(documentId == null ? Map.of("documentId", "") : Map.of("documentId", documentId))
			.detail(post.name()));
		return statement(post);
	}

	private PostStatement statement(Staffing.StaffedPost post) {
		Optional<Long> linked = jdbc.sql("select document_id from document_post_statement where post_id = ?")
			.param(post.id())
			.query(Long.class)
			.optional();
		Optional<DocumentRecords.Row> row = linked.flatMap(id -> documents.find(id, access.readerScope(), false));
		return new PostStatement(post, row.map(DocumentRecords.Row::id).orElse(null),
				row.map(DocumentRecords.Row::title).orElse(null), row.map(r -> r.currentVersionId() != null).orElse(false));
	}

	private Staffing.StaffedPost post(long postId) {
		return staffing.posts(providerOfReader(), POSTS).stream()
			.filter(p -> p.id() == postId)
			.findFirst()
			.orElseThrow(() -> RejectedRequest.notFound("post"));
	}

	/** A provider reads its own posts; management and supervision every provider's. */
	private Long providerOfReader() {
		var actor = access.actor();
		return actor.partyKind() == PartyKind.PROVIDER ? actor.partyId() : null;
	}

	private void requireStaffSide() {
		if (access.actor().partyKind() == PartyKind.CUSTOMER) {
			throw RejectedRequest.forbidden("document.post.forbidden");
		}
	}
}
