package org.yunwei.document.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.web.FileDownload;
import org.yunwei.web.FormSubmission;
import org.yunwei.web.RejectedRequest;
import org.yunwei.web.UploadedFile;

/**
 * The library's pages: the list with its filters, a document's page with its versions (the current one first, older
 * ones readable), the forms of its keepers, the version pages, and who confirmed having read a version.
 */
@Controller
class DocumentWebController {

	private final DocumentLibrary library;
	private final DocumentPublication publication;
	private final Acknowledgements acknowledgements;
	private final DocumentCategories categories;
	private final DocumentAccess access;
	private final DocumentFilePolicy files;
	private final DocumentPickers pickers;

	DocumentWebController(DocumentLibrary library, DocumentPublication publication, Acknowledgements acknowledgements,
			DocumentCategories categories, DocumentAccess access, DocumentFilePolicy files, DocumentPickers pickers) {
		this.library = library;
		this.publication = publication;
		this.acknowledgements = acknowledgements;
		this.categories = categories;
		this.access = access;
		this.files = files;
		this.pickers = pickers;
	}

	@GetMapping("/documents")
	String list(@RequestParam(required = false) Long categoryId, @RequestParam(required = false) String q,
			@RequestParam(required = false) String state, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String cursor, Model model, Locale locale) {
		DocumentQuery query = DocumentQuery.of(categoryId, q, state, sort, cursor, null);
		model.addAttribute("result", library.list(query));
		model.addAttribute("query", query);
		model.addAttribute("categories", categories.all(locale));
		model.addAttribute("mayManage", access.mayManage());
		model.addAttribute("mayManageCategories", access.mayManageCategories());
		model.addAttribute("today", library.today());
		return "document/documents";
	}

	@GetMapping("/documents/new")
	String newDocument(@RequestParam(required = false) Long categoryId, Model model, Locale locale) {
		access.requireManager();
		return form(model, null, new DocumentDraft(categoryId, null, null, null, null, null, null), Map.of(), locale);
	}

	@PostMapping("/documents")
	String create(@RequestParam(required = false) Long categoryId, @RequestParam(required = false) String title,
			@RequestParam(required = false) Long ownerId, @RequestParam(required = false) String summary,
			@RequestParam(required = false) LocalDate reviewDate,
			@RequestParam(required = false) List<Long> partyIds, @RequestParam(required = false) List<Long> orgUnitIds,
			Model model, RedirectAttributes redirect, Locale locale) {
		DocumentDraft draft = new DocumentDraft(categoryId, title, ownerId, summary, reviewDate, partyIds, orgUnitIds);
		long[] created = new long[1];
		String next = FormSubmission.save(() -> created[0] = library.create(draft), "/documents", "document.saved",
				redirect, "document.form.problem", model, errors -> form(model, null, draft, errors, locale));
		return next.startsWith("redirect:") ? "redirect:/documents/" + created[0] : next;
	}

	@GetMapping("/documents/{id}/edit")
	String edit(@PathVariable long id, Model model, Locale locale) {
		// the right first, then the record: no one learns which documents exist from a form they may not use
		access.requireManager();
		DocumentLibrary.DocumentDetail detail = library.detail(id);
		if (!detail.keeps()) {
			throw RejectedRequest.forbidden("document.manage.forbidden");
		}
		PolicyDocument d = detail.document();
		return form(model, detail, new DocumentDraft(d.categoryId(), d.title(), d.ownerId(), d.summary(), d.reviewDate(),
				detail.parties().stream().map(org.yunwei.identity.Party::id).toList(),
				detail.units().stream().map(org.yunwei.identity.OrganisationUnit::id).toList()), Map.of(), locale);
	}

	@PostMapping("/documents/{id}")
	String update(@PathVariable long id, @RequestParam(required = false) Long categoryId,
			@RequestParam(required = false) String title, @RequestParam(required = false) Long ownerId,
			@RequestParam(required = false) String summary, @RequestParam(required = false) LocalDate reviewDate,
			@RequestParam(required = false) List<Long> partyIds, @RequestParam(required = false) List<Long> orgUnitIds,
			Model model, RedirectAttributes redirect, Locale locale) {
		DocumentDraft draft = new DocumentDraft(categoryId, title, ownerId, summary, reviewDate, partyIds, orgUnitIds);
		return FormSubmission.save(() -> library.update(id, draft), "/documents/" + id, "document.saved", redirect,
				"document.form.problem", model, errors -> form(model, library.detail(id), draft, errors, locale));
	}

	@GetMapping("/documents/{id}")
	String detail(@PathVariable long id, Model model, Locale locale) {
		DocumentLibrary.DocumentDetail detail = library.detail(id);
		model.addAttribute("detail", detail);
		model.addAttribute("category", categories.find(detail.document().categoryId(), locale));
		DocumentVersion current = detail.versions().stream()
			.filter(v -> v.status() == DocumentVersion.VersionStatus.PUBLISHED)
			.findFirst()
			.orElse(null);
		model.addAttribute("current", current);
		model.addAttribute("confirmed", current != null && acknowledgements.confirmed(current.id(), access.actor().userId()));
		model.addAttribute("oversees", acknowledgements.oversees(library.visible(id)));
		model.addAttribute("maxMegabytes", files.maxMegabytes());
		if (detail.keeps()) {
			model.addAttribute("readerPeople", pickers.readers(access.actor()));
			model.addAttribute("readerUnits", pickers.units());
			model.addAttribute("readerRoles", acknowledgements.readerRoles(locale));
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "document/document";
	}

	@PostMapping("/documents/{id}/versions")
	String addVersion(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String body, @RequestParam(required = false) Boolean internal,
			@RequestParam(required = false) String changeNote, @RequestParam(required = false) LocalDate effectiveDate,
			Model model, RedirectAttributes redirect, Locale locale) {
		VersionDraft draft = new VersionDraft(body, internal, changeNote, effectiveDate);
		return FormSubmission.save(() -> library.addVersion(id, draft, UploadedFile.of(file, files.maxBytes())),
				"/documents/" + id, "document.version.saved", redirect, "document.version.problem", model, errors -> {
					model.addAttribute("errors", errors);
					model.addAttribute("versionForm", draft);
					return detail(id, model, locale);
				});
	}

	@PostMapping("/documents/{id}/versions/{versionId}/submit")
	String submit(@PathVariable long id, @PathVariable long versionId, RedirectAttributes redirect) {
		return act(() -> publication.submit(id, versionId), id, "document.version.submitted", redirect);
	}

	@PostMapping("/documents/{id}/versions/{versionId}/withdraw")
	String withdraw(@PathVariable long id, @PathVariable long versionId, RedirectAttributes redirect) {
		return act(() -> publication.withdraw(id, versionId), id, "document.version.withdrawn", redirect);
	}

	@PostMapping("/documents/{id}/versions/{versionId}/acknowledge")
	String acknowledge(@PathVariable long id, @PathVariable long versionId, RedirectAttributes redirect) {
		return act(() -> acknowledgements.acknowledge(id, versionId), id, "document.acknowledged", redirect);
	}

	@PostMapping("/documents/{id}/versions/{versionId}/readers")
	String readers(@PathVariable long id, @PathVariable long versionId,
			@RequestParam(required = false) List<Long> userIds, @RequestParam(required = false) List<String> roleCodes,
			@RequestParam(required = false) List<Long> orgUnitIds, RedirectAttributes redirect) {
		return act(() -> acknowledgements.setReaders(id, versionId, new ReadersDraft(userIds, roleCodes, orgUnitIds)),
				id, "document.readers.saved", redirect);
	}

	@PostMapping("/documents/{id}/versions/{versionId}/remind")
	String remind(@PathVariable long id, @PathVariable long versionId, RedirectAttributes redirect) {
		acknowledgements.remind(id, versionId);
		redirect.addFlashAttribute("notice", "document.reminded");
		return "redirect:/documents/" + id + "/versions/" + versionId + "/acknowledgements";
	}

	@GetMapping("/documents/{id}/versions/{versionId}")
	String version(@PathVariable long id, @PathVariable long versionId, Model model, Locale locale) {
		DocumentLibrary.DocumentDetail detail = library.detail(id);
		VersionRecords.Content content = library.content(id, versionId);
		model.addAttribute("detail", detail);
		model.addAttribute("version", content.version());
		model.addAttribute("body", content.body());
		return "document/version";
	}

	@GetMapping("/documents/{id}/versions/{versionId}/content")
	ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long versionId) {
		VersionRecords.Content content = library.content(id, versionId);
		DocumentVersion v = content.version();
		if (!v.file()) {
			return FileDownload.of("document-" + id + "-v" + v.number() + ".html", "text/html;charset=UTF-8",
					v.sha256(), content.body().getBytes(StandardCharsets.UTF_8));
		}
		return FileDownload.of(v.filename(), v.contentType(), v.sha256(), content.file());
	}

	@GetMapping("/documents/{id}/versions/{versionId}/acknowledgements")
	String acknowledgements(@PathVariable long id, @PathVariable long versionId, Model model) {
		// the right first (inside status), then the record
		model.addAttribute("status", acknowledgements.status(id, versionId));
		model.addAttribute("detail", library.detail(id));
		return "document/acknowledgements";
	}

	@GetMapping("/documents/{id}/versions/{versionId}/acknowledgements/export")
	ResponseEntity<byte[]> export(@PathVariable long id, @PathVariable long versionId, Locale locale) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("acknowledgements-" + id + "-" + versionId + ".xlsx").build().toString())
			.body(acknowledgements.export(id, versionId, locale));
	}

	private String act(Runnable action, long id, String notice, RedirectAttributes redirect) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (RejectedRequest refused) {
			if (refused.status() == org.springframework.http.HttpStatus.NOT_FOUND
					|| refused.status() == org.springframework.http.HttpStatus.FORBIDDEN) {
				throw refused;
			}
			redirect.addFlashAttribute("problem", refused.messageKey());
		}
		return "redirect:/documents/" + id;
	}

	private String form(Model model, DocumentLibrary.DocumentDetail detail, DocumentDraft draft,
			Map<String, String> errors, Locale locale) {
		model.addAttribute("detail", detail);
		model.addAttribute("form", draft);
		model.addAttribute("errors", errors);
		// a retired category is offered only to the document already filed under it
		model.addAttribute("categories", categories.all(locale)
			.stream()
			.filter(c -> !c.retired() || Long.valueOf(c.id()).equals(draft.categoryId()))
			.toList());
		model.addAttribute("owners", pickers.owners(access.actor()));
		model.addAttribute("parties", pickers.parties());
		model.addAttribute("units", pickers.units());
		return "document/form";
	}
}
