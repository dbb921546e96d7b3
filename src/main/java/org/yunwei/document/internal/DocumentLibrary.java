package org.yunwei.document.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.document.internal.DocumentRecords.Row;
import org.yunwei.document.internal.DocumentVersion.VersionStatus;
import org.yunwei.identity.Actor;
import org.yunwei.identity.OrganisationUnit;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.Party;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.People;
import org.yunwei.identity.Person;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;
import org.yunwei.web.UploadedFile;

/**
 * The library's documents and versions: lists and pages for their readers, and every write of their keepers, each
 * checked before anything is written and audited in its transaction. A document has at most one version being
 * written or approved at a time (409 otherwise), so that what an approver grants is what takes effect.
 */
@Service
class DocumentLibrary {

	private final DocumentRecords documents;
	private final VersionRecords versions;
	private final CategoryRecords categories;
	private final DocumentAccess access;
	private final DocumentFilePolicy files;
	private final People people;
	private final Organisations organisations;
	private final AuditTrail audit;
	private final Clock clock;

	DocumentLibrary(DocumentRecords documents, VersionRecords versions, CategoryRecords categories,
			DocumentAccess access, DocumentFilePolicy files, People people, Organisations organisations,
			AuditTrail audit, @Value("${yunwei.documents.zone:Asia/Shanghai}") ZoneId zone) {
		this.documents = documents;
		this.versions = versions;
		this.categories = categories;
		this.access = access;
		this.files = files;
		this.people = people;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = Clock.system(zone);
	}


	/** A document with the names a page shows. */
	public record DocumentView(PolicyDocument document, DocumentCategory category, boolean reviewOverdue) {
	}

	/** A document's page: itself, where it applies, its versions (without internal files for a customer). */
	public record DocumentDetail(PolicyDocument document, DocumentCategory category, boolean reviewOverdue,
			List<Party> parties, List<OrganisationUnit> units, List<DocumentVersion> versions, boolean keeps) {
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	@Transactional(readOnly = true)
	public KeysetPage<DocumentView> list(DocumentQuery query) {
		if (query.categoryId() != null && categories.find(query.categoryId()).isEmpty()) {
			throw DocumentQuery.unknownCategory();
		}
		List<Row> rows = documents.list(query, access.readerScope(), today());
		boolean more = rows.size() > query.size();
		List<Row> shown = more ? rows.subList(0, query.size()) : rows;
		return new KeysetPage<>(views(shown), more ? query.cursorAfter(shown.getLast()) : null);
	}

	@Transactional(readOnly = true)
	public DocumentDetail detail(long id) {
		Row row = visible(id);
		List<DocumentRecords.Applies> scope = documents.scope(id);
		List<Party> parties = scope.stream().filter(a -> a.partyId() != null)
			.flatMap(a -> organisations.findParty(a.partyId()).stream()).toList();
		List<OrganisationUnit> units = organisations.findAll(scope.stream().filter(a -> a.orgUnitId() != null)
			.map(DocumentRecords.Applies::orgUnitId).toList());
		boolean internal = access.seesInternal();
		List<DocumentVersion> all = versions.of(id).stream()
			.filter(v -> internal || !v.internal())
			.filter(v -> access.keeps(row) || v.status() == VersionStatus.PUBLISHED
					|| v.status() == VersionStatus.SUPERSEDED)
			.toList();
		PolicyDocument document = document(row, ownerNames(List.of(row)));
		return new DocumentDetail(document, category(row.categoryId()), document.reviewOverdue(today()), parties,
				units, all, access.keeps(row));
	}

	/** The document if the signed-in person reads it; 404 otherwise. */
	Row visible(long id) {
		return documents.find(id, access.readerScope(), false).orElseThrow(() -> RejectedRequest.notFound("document"));
	}

	@Transactional
	public long create(DocumentDraft draft) {
		Actor actor = access.requireManager();
		Checked checked = check(draft, actor, null);
		long id = documents.insert(checked.category().id(), checked.title(), checked.owner().id(), actor.partyId(),
				checked.summary(), draft.reviewDate());
		documents.replaceScope(id, checked.partyIds(), checked.unitIds());
		audit.record(AuditEntry.of("DOCUMENT_CREATED", "document", id).after(described(checked, draft))
			.detail(checked.title()));
		return id;
	}

	@Transactional
	public void update(long id, DocumentDraft draft) {
		access.requireManager();
		Row row = documents.find(id, access.readerScope(), true).orElseThrow(() -> RejectedRequest.notFound("document"));
		Actor actor = access.requireManagerOf(row);
		Checked checked = check(draft, actor, row.categoryId());
		documents.update(id, checked.category().id(), checked.title(), checked.owner().id(), checked.summary(),
				draft.reviewDate());
		documents.replaceScope(id, checked.partyIds(), checked.unitIds());
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("categoryId", row.categoryId());
		before.put("title", row.title());
		before.put("ownerId", row.ownerId());
		before.put("reviewDate", row.reviewDate());
		audit.record(AuditEntry.of("DOCUMENT_UPDATED", "document", id).before(before).after(described(checked, draft))
			.detail(checked.title()));
	}

	/**
	 * Adds a version as a draft: a file ({@code upload}) or rich text ({@code draft.body()}), never both. 409 while
	 * another version is being written or approved.
	 */
	@Transactional
	public long addVersion(long documentId, VersionDraft draft, UploadedFile upload) {
		access.requireManager();
		Row row = documents.find(documentId, access.readerScope(), true)
			.orElseThrow(() -> RejectedRequest.notFound("document"));
		Actor actor = access.requireManagerOf(row);
		FieldErrors errors = new FieldErrors();
		String note = FieldErrors.clean(draft.changeNote());
		errors.optional("changeNote", note, 500);
		String body = FieldErrors.clean(draft.body());
		if (upload != null && body != null) {
			errors.add("body", "document.version.file-or-text");
		}
		if (upload == null && body == null) {
			errors.add("file", "document.version.content.required");
		}
		if (body != null && body.length() > RichText.MAX_LENGTH) {
			errors.add("body", "document.version.body.too-long");
		}
		errors.throwIfAny();
		VersionContent content;
		if (upload != null) {
			content = files.check(upload);
		}
		else {
			String clean = RichText.sanitise(body);
			if (RichText.blank(clean)) {
				throw RejectedRequest.invalidField("body", "document.version.body.empty");
			}
			content = VersionContent.text(clean);
		}
		if (versions.hasOpen(documentId)) {
			throw RejectedRequest.conflict("document-version-open", "document.version.open");
		}
		boolean internal = Boolean.TRUE.equals(draft.internal()) && upload != null;
		long id = versions.insert(documentId, content, internal, note == null ? "" : note, draft.effectiveDate(),
				actor.userId(), actor.displayName());
		documents.touch(documentId);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("versionId", id);
		after.put("kind", content.kind());
		after.put("filename", content.filename());
		after.put("sha256", content.sha256());
		after.put("internal", internal);
		audit.record(AuditEntry.of("DOCUMENT_VERSION_ADDED", "document", documentId).after(after).detail(row.title()));
		return id;
	}

	/** A version the signed-in person may read: a draft only for the document's keepers, internal never for a customer. */
	@Transactional(readOnly = true)
	public DocumentVersion version(long documentId, long versionId) {
		Row row = visible(documentId);
		return readable(row, versions.find(documentId, versionId).orElse(null));
	}

	/** A version's content; a download of an internal file is audited. */
	@Transactional
	public VersionRecords.Content content(long documentId, long versionId) {
		Row row = visible(documentId);
		VersionRecords.Content content = versions.content(documentId, versionId)
			.orElseThrow(() -> RejectedRequest.notFound("document-version"));
		readable(row, content.version());
		if (content.version().internal()) {
			audit.record(AuditEntry.of("DOCUMENT_INTERNAL_FILE_DOWNLOADED", "document", documentId)
				.after(Map.of("versionId", versionId, "filename", content.version().filename()))
				.detail(row.title()));
		}
		return content;
	}

	private DocumentVersion readable(Row row, DocumentVersion version) {
		if (version == null || version.internal() && !access.seesInternal()) {
			throw RejectedRequest.notFound("document-version");
		}
		boolean released = version.status() == VersionStatus.PUBLISHED || version.status() == VersionStatus.SUPERSEDED;
		if (!released && !access.keeps(row)) {
			throw RejectedRequest.notFound("document-version");
		}
		return version;
	}

	DocumentCategory category(long id) {
		return categories.find(id).orElseThrow(() -> RejectedRequest.notFound("document-category"));
	}

	List<DocumentView> views(List<Row> rows) {
		Map<Long, String> owners = ownerNames(rows);
		Map<Long, DocumentCategory> byId = categories.all().stream()
			.collect(Collectors.toMap(DocumentCategory::id, Function.identity()));
		LocalDate today = today();
		return rows.stream().map(r -> {
			PolicyDocument d = document(r, owners);
			return new DocumentView(d, byId.get(r.categoryId()), d.reviewOverdue(today));
		}).toList();
	}

	Map<Long, String> ownerNames(List<Row> rows) {
		return people.findAll(rows.stream().map(Row::ownerId).collect(Collectors.toSet())).stream()
			.collect(Collectors.toMap(Person::id, Person::displayName));
	}

	static PolicyDocument document(Row r, Map<Long, String> owners) {
		return new PolicyDocument(r.id(), r.categoryId(), r.title(), r.ownerId(), owners.getOrDefault(r.ownerId(), "—"),
				r.partyId(), r.summary(), r.reviewDate(), r.effectiveDate(), r.currentVersionId(),
				r.currentVersionNumber(), r.createdAt(), r.updatedAt());
	}

	private record Checked(DocumentCategory category, String title, Person owner, String summary, Set<Long> partyIds,
			Set<Long> unitIds) {
	}

	/** The draft checked; {@code keptCategoryId}: the document's category now, which it may keep though retired. */
	private Checked check(DocumentDraft draft, Actor actor, Long keptCategoryId) {
		FieldErrors errors = new FieldErrors();
		String title = FieldErrors.clean(draft.title());
		errors.required("title", title, 200);
		String summary = FieldErrors.clean(draft.summary());
		errors.optional("summary", summary, 2000);
		errors.required("categoryId", draft.categoryId());
		DocumentCategory category = draft.categoryId() == null ? null
				: categories.find(draft.categoryId()).orElse(null);
		if (draft.categoryId() != null && category == null) {
			errors.add("categoryId", "document.category.unknown");
		}
		else if (category != null && category.retired() && !draft.categoryId().equals(keptCategoryId)) {
			errors.add("categoryId", "document.category.retired.refused");
		}
		Person owner = draft.ownerId() == null ? people.find(actor.userId()).orElseThrow()
				: people.find(draft.ownerId()).orElse(null);
		if (owner == null || !owner.enabled()
				|| actor.partyKind() != PartyKind.MANAGEMENT && owner.partyId() != actor.partyId()) {
			errors.add("ownerId", "document.owner.unknown");
		}
		Set<Long> partyIds = new LinkedHashSet<>(draft.partyIds());
		for (Long party : partyIds) {
			if (party == null || organisations.findParty(party).isEmpty()) {
				errors.add("partyIds", "document.scope.party.unknown");
			}
		}
		Set<Long> unitIds = new LinkedHashSet<>(draft.orgUnitIds());
		if (unitIds.contains(null) || organisations.findAll(new ArrayList<>(unitIds)).size() != unitIds.size()) {
			errors.add("orgUnitIds", "document.scope.unit.unknown");
		}
		errors.throwIfAny();
		return new Checked(category, title, owner, summary == null ? "" : summary, partyIds, unitIds);
	}

	private static Map<String, Object> described(Checked checked, DocumentDraft draft) {
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("categoryId", checked.category().id());
		after.put("title", checked.title());
		after.put("ownerId", checked.owner().id());
		after.put("reviewDate", draft.reviewDate());
		after.put("partyIds", checked.partyIds());
		after.put("orgUnitIds", checked.unitIds());
		return after;
	}
}
