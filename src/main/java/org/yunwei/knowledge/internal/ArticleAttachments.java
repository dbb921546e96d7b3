package org.yunwei.knowledge.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actor;
import org.yunwei.knowledge.internal.ArticleAttachmentRecords.ArticleAttachment;
import org.yunwei.knowledge.internal.ArticleAttachmentRecords.ArticleAttachmentFile;
import org.yunwei.web.FileFormat;
import org.yunwei.web.RejectedRequest;
import org.yunwei.web.UploadedFile;

/**
 * Files on articles (附件), under the uploads rules every module follows: a size limit, an accepted extension, content
 * that is the format its extension says by its bytes ({@link FileFormat}), a clean stored name ({@link UploadedFile}),
 * and a visibility. An internal file is seen by the article's party's staff and supervision alone, never by a
 * customer (404 as for a file that does not exist), and every download of one is audited. A file is for whoever reads
 * the article otherwise. The authors attach and remove files while the article is a draft or published (not while
 * its version is in review, nor once retired); files are not part of the approved version. Every change is audited.
 * The ticket module keeps its own attachments (its policy and records are its internals); what both share is the
 * web module's {@link UploadedFile}, {@link FileFormat} and download headers.
 */
@Service
public class ArticleAttachments {

	/** The largest file, 10 MB: spring.servlet.multipart.max-file-size (20 MB) stays above it. */
	static final long MAX_BYTES = 10L * 1024 * 1024;
	/** What may be attached: documents, images, text and archives, never anything a browser or a shell runs. */
	static final List<String> TYPES = List.of("pdf", "png", "jpg", "jpeg", "gif", "txt", "log", "csv", "doc", "docx",
			"xls", "xlsx", "ppt", "pptx", "zip");

	private final ArticleRecords articles;
	private final ArticleAttachmentRecords records;
	private final ArticleAccess access;
	private final ArticleReading reading;
	private final AuditTrail audit;

	ArticleAttachments(ArticleRecords articles, ArticleAttachmentRecords records, ArticleAccess access,
			ArticleReading reading, AuditTrail audit) {
		this.articles = articles;
		this.records = records;
		this.access = access;
		this.reading = reading;
		this.audit = audit;
	}

	/** Attaches a file to an article of the author's scope: 403/404 before the file is judged, 400/413/409 after. */
	@Transactional
	public ArticleAttachment attach(long articleId, UploadedFile upload, boolean internal) {
		access.requireManager();
		KnowledgeArticle article = articles.findForUpdate(articleId)
			.orElseThrow(() -> RejectedRequest.notFound("article"));
		Actor author = access.requireManagerOf(article);
		requireChangeable(article);
		String name = check(upload);
		String extension = UploadedFile.extension(name);
		String stored = UploadedFile.storedName(name, extension);
		String sha256 = UploadedFile.sha256(upload.content());
		long id = records.insert(articleId, stored, FileFormat.contentType(extension), upload.content(), sha256,
				internal, author.userId());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("attachmentId", id);
		after.put("filename", stored);
		after.put("sizeBytes", upload.content().length);
		after.put("sha256", sha256);
		after.put("internal", internal);
		audit.record(AuditEntry.of("KNOWLEDGE_ATTACHMENT_ADDED", "knowledge_article", articleId).after(after)
			.detail(article.content().title()));
		return records.find(articleId, id).orElseThrow();
	}

	/** Removes a file; the authors' alone, while the article may change. Audited with what was removed. */
	@Transactional
	public void remove(long articleId, long attachmentId) {
		access.requireManager();
		KnowledgeArticle article = articles.findForUpdate(articleId)
			.orElseThrow(() -> RejectedRequest.notFound("article"));
		access.requireManagerOf(article);
		ArticleAttachment attachment = records.find(articleId, attachmentId)
			.orElseThrow(() -> RejectedRequest.notFound("attachment"));
		requireChangeable(article);
		records.delete(attachmentId);
		audit.record(AuditEntry.of("KNOWLEDGE_ATTACHMENT_REMOVED", "knowledge_article", articleId)
			.before(Map.of("attachmentId", attachmentId, "filename", attachment.filename(), "sha256",
					attachment.sha256(), "internal", attachment.internal()))
			.detail(article.content().title()));
	}

	/** The files of an article the reader may read (404 otherwise), oldest first; internal ones for its staff. */
	@Transactional(readOnly = true)
	public List<ArticleAttachment> list(long articleId) {
		reading.view(articleId);
		return records.of(articleId, seesInternal(articleId));
	}

	/** A file of an article the reader may read; a download of an internal file is audited. */
	@Transactional
	public ArticleAttachmentFile download(long articleId, long attachmentId) {
		ArticleReading.ArticleView article = reading.view(articleId);
		ArticleAttachmentFile file = records.file(articleId, attachmentId)
			.filter(f -> !f.attachment().internal() || seesInternal(articleId))
			.orElseThrow(() -> RejectedRequest.notFound("attachment"));
		if (file.attachment().internal()) {
			audit.record(AuditEntry.of("KNOWLEDGE_INTERNAL_FILE_DOWNLOADED", "knowledge_article", articleId)
				.after(Map.of("attachmentId", attachmentId, "filename", file.attachment().filename()))
				.detail(article.title()));
		}
		return file;
	}

	/** Whether the signed-in reader sees the article's internal files: its party's staff, supervision. */
	boolean seesInternal(long articleId) {
		Actor reader = access.reader();
		KnowledgeArticle article = articles.find(articleId).map(ArticleRecords.Row::article)
			.orElseThrow(() -> RejectedRequest.notFound("article"));
		return access.seesWorkingCopy(reader, article) || access.audits(reader, article);
	}

	private static void requireChangeable(KnowledgeArticle article) {
		if (article.status() != ArticleStatus.DRAFT && article.status() != ArticleStatus.PUBLISHED) {
			throw RejectedRequest.conflict("knowledge-attachment-state", "knowledge.attachment.state");
		}
	}

	/** The clean name of an acceptable file, or the refusal (400, or 413 when too large), the field {@code file}. */
	static String check(UploadedFile upload) {
		String name = upload == null ? null : UploadedFile.cleanName(upload.filename());
		if (name == null) {
			throw field(HttpStatus.BAD_REQUEST, "validation", "problem.validation", null, "field.required");
		}
		if (name.length() > UploadedFile.MAX_NAME) {
			throw field(HttpStatus.BAD_REQUEST, "validation", "problem.validation", null, "attachment.name.too-long");
		}
		String extension = UploadedFile.extension(name);
		if (!TYPES.contains(extension)) {
			throw field(HttpStatus.BAD_REQUEST, "attachment-type", "attachment.type.refused",
					new Object[] { extension.isEmpty() ? "?" : extension, String.join(", ", TYPES) },
					"attachment.type.invalid");
		}
		if (upload.size() > MAX_BYTES || upload.content() == null || upload.content().length > MAX_BYTES) {
			throw field(HttpStatus.CONTENT_TOO_LARGE, "attachment-too-large", "attachment.too-large",
					new Object[] { UploadedFile.megabytes(MAX_BYTES) }, "attachment.too-large.field");
		}
		if (upload.content().length == 0) {
			throw field(HttpStatus.BAD_REQUEST, "validation", "problem.validation", null, "attachment.empty");
		}
		if (!FileFormat.matches(extension, upload.content())) {
			throw field(HttpStatus.BAD_REQUEST, "attachment-type", "attachment.type.mismatch",
					new Object[] { extension }, "attachment.type.mismatch.field");
		}
		return name;
	}

	private static RejectedRequest field(HttpStatus status, String type, String key, Object[] arguments,
			String fieldKey) {
		return new RejectedRequest(status, type, key, arguments, Map.of("file", fieldKey));
	}
}
