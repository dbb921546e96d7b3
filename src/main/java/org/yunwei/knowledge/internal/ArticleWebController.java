package org.yunwei.knowledge.internal;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.knowledge.internal.ArticleReading.ArticleView;
import org.yunwei.knowledge.internal.ArticleVersionRecords.ArticleVersion;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.FormSubmission;
import org.yunwei.web.RejectedRequest;

/**
 * The authors' pages: their party's articles, the form to write and revise one (Markdown with a preview, services,
 * configuration items through a CMDB picker, visibility, review date), submitting for 入库审批, withdrawing, retiring,
 * the versions and the diff of two. Each page checks the right to write before it reads the article.
 */
@Controller
class ArticleWebController {

	static final int PICKER_LIMIT = 20;

	private final ArticleAuthoring authoring;
	private final ArticlePublication publication;
	private final ArticleReading reading;
	private final ArticleAccess access;
	private final ArticleReferences references;

	ArticleWebController(ArticleAuthoring authoring, ArticlePublication publication, ArticleReading reading,
			ArticleAccess access, ArticleReferences references) {
		this.authoring = authoring;
		this.publication = publication;
		this.reading = reading;
		this.access = access;
		this.references = references;
	}

	@GetMapping("/knowledge/articles")
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String cursor,
			Model model) {
		access.requireManager();
		String wanted = FieldErrors.clean(status);
		boolean known = wanted == null || java.util.Arrays.stream(ArticleStatus.values())
			.anyMatch(s -> s.name().equals(wanted));
		model.addAttribute("status", known ? wanted : null);
		model.addAttribute("statuses", ArticleStatus.values());
		model.addAttribute("page", reading.list(known ? wanted : null, cursor, null));
		model.addAttribute("today", reading.today());
		return "knowledge/articles";
	}

	@GetMapping("/knowledge/new")
	String newArticle(Model model) {
		access.requireManager();
		return form(model, null, WrittenArticle.blank(), Map.of());
	}

	@PostMapping("/knowledge/articles")
	String create(WrittenArticle form, Model model, RedirectAttributes redirect) {
		// the right first: a refusal is 403, not the form shown again
		access.requireManager();
		long[] created = new long[1];
		String next = FormSubmission.save(() -> created[0] = authoring.create(form::content), "/knowledge/articles",
				"knowledge.saved", redirect, "knowledge.form.problem", model, errors -> form(model, null, form, errors));
		return next.startsWith("redirect:") ? "redirect:/knowledge/" + created[0] : next;
	}

	@GetMapping("/knowledge/{id:\\d+}/edit")
	String edit(@PathVariable long id, Model model) {
		ArticleView article = authored(id);
		return form(model, article, WrittenArticle.of(article), Map.of());
	}

	@PostMapping("/knowledge/{id:\\d+}")
	String revise(@PathVariable long id, WrittenArticle form, Model model, RedirectAttributes redirect) {
		authored(id);
		return FormSubmission.save(() -> authoring.revise(id, form::content), "/knowledge/" + id, "knowledge.saved",
				redirect, "knowledge.form.problem", model, errors -> form(model, authored(id), form, errors));
	}

	@PostMapping("/knowledge/{id:\\d+}/submit")
	String submit(@PathVariable long id, RedirectAttributes redirect) {
		return act(() -> publication.submit(id), id, "knowledge.submitted", redirect);
	}

	@PostMapping("/knowledge/{id:\\d+}/withdraw")
	String withdraw(@PathVariable long id, RedirectAttributes redirect) {
		return act(() -> publication.withdraw(id), id, "knowledge.withdrawn", redirect);
	}

	@PostMapping("/knowledge/{id:\\d+}/retire")
	String retire(@PathVariable long id, RedirectAttributes redirect) {
		return act(() -> authoring.retire(id), id, "knowledge.retired", redirect);
	}

	/** The Markdown as readers will see it (htmx, while the author writes). */
	@PostMapping("/knowledge/preview")
	String preview(@RequestParam(required = false) String body, Model model) {
		access.requireManager();
		String text = body == null ? "" : body;
		model.addAttribute("html", text.length() > ArticleContent.BODY_MAX ? "" : MarkdownBody.html(text));
		return "knowledge/form :: preview";
	}

	/** Configuration items for the picker: the ones chosen stay chosen, the ones found follow (htmx). */
	@GetMapping("/knowledge/items/picker")
	String picker(@RequestParam(required = false) String q,
			@RequestParam(required = false) List<Long> configurationItemIds, Model model) {
		access.requireManager();
		List<Long> chosen = configurationItemIds == null ? List.of() : configurationItemIds;
		String text = FieldErrors.clean(q);
		model.addAttribute("chosen", references.items(chosen));
		model.addAttribute("found", text == null || text.length() > 100 ? List.of()
				: references.search(text, PICKER_LIMIT).stream().filter(i -> !chosen.contains(i.id())).toList());
		model.addAttribute("q", text);
		return "knowledge/form :: item-options";
	}

	@GetMapping("/knowledge/{id:\\d+}/versions")
	String versions(@PathVariable long id, Model model) {
		ArticleView article = authoredOrAudited(id);
		model.addAttribute("article", article);
		model.addAttribute("versions", reading.versions(id));
		model.addAttribute("zone", ArticleReading.ZONE);
		return "knowledge/versions";
	}

	@GetMapping("/knowledge/{id:\\d+}/diff")
	String diff(@PathVariable long id, @RequestParam(required = false) Long from,
			@RequestParam(required = false) Long to, Model model) {
		ArticleView article = authoredOrAudited(id);
		List<ArticleVersion> versions = reading.versions(id);
		model.addAttribute("article", article);
		model.addAttribute("versions", versions);
		model.addAttribute("from", versions.stream().filter(v -> v.id() == (from == null ? -1 : from)).findFirst()
			.orElse(null));
		model.addAttribute("to", versions.stream().filter(v -> v.id() == (to == null ? -1 : to)).findFirst()
			.orElse(null));
		if (model.getAttribute("from") != null && model.getAttribute("to") != null) {
			model.addAttribute("lines", reading.diff(id, from, to));
		}
		return "knowledge/diff";
	}

	/** The article as its author sees it: 403 without the right (before reading it), 404 for another's. */
	private ArticleView authored(long id) {
		access.requireManager();
		ArticleView article = reading.view(id);
		if (!article.workingCopy()) {
			throw RejectedRequest.notFound("article");
		}
		return article;
	}

	/** The article for its versions and diffs: its authors', or supervision's read-only; 403/404 otherwise. */
	private ArticleView authoredOrAudited(long id) {
		if (!access.auditor(access.reader())) {
			return authored(id);
		}
		ArticleView article = reading.view(id);
		if (!article.audited()) {
			throw RejectedRequest.notFound("article");
		}
		return article;
	}

	private String act(Runnable action, long id, String notice, RedirectAttributes redirect) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			redirect.addFlashAttribute("problem", refused.messageKey());
		}
		return "redirect:/knowledge/" + id;
	}

	private String form(Model model, ArticleView article, WrittenArticle form, Map<String, String> errors) {
		model.addAttribute("article", article);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("services", references.enabledServices());
		model.addAttribute("chosenItems", references.items(form.configurationItemIds()));
		model.addAttribute("visibilities", Visibility.values());
		model.addAttribute("preview", MarkdownBody.html(form.body() == null ? "" : form.body()));
		return "knowledge/form";
	}
}
