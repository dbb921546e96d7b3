package org.yunwei.knowledge.internal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.approval.ApprovalState;
import org.yunwei.knowledge.internal.ArticleReading.ArticleLine;
import org.yunwei.knowledge.internal.ArticleReading.ArticleView;
import org.yunwei.knowledge.internal.ArticleVersionRecords.ArticleVersion;
import org.yunwei.web.KeysetPage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/knowledge/articles")
@Tag(name = "Knowledge articles", description = "知识库: articles with a Markdown body, written by those with "
		+ "KNOWLEDGE_MANAGE of the article's party, published only through 入库审批 (the approval module), every "
		+ "publication a new version. Readers see the published version: customers those published for customers, "
		+ "staff their party's internal ones too; anything else is 404.")
class ArticleApiController {

	private final ArticleAuthoring authoring;
	private final ArticlePublication publication;
	private final ArticleReading reading;

	ArticleApiController(ArticleAuthoring authoring, ArticlePublication publication, ArticleReading reading) {
		this.authoring = authoring;
		this.publication = publication;
		this.reading = reading;
	}

	/** What an author writes. */
	record ArticleForm(String title, @Parameter(description = "Markdown; raw HTML is shown as text") String body,
			String category, List<String> tags, List<Long> serviceIds,
			@Parameter(description = "INTERNAL or CUSTOMER") String visibility, LocalDate reviewDate,
			@Parameter(description = "CMDB configuration items the article applies to, ones the author may see")
			List<Long> configurationItemIds) {

		ArticleContent content() {
			return ArticleContent.of(title, body, category, tags, serviceIds, visibility, reviewDate,
					configurationItemIds);
		}
	}

	private static ArticleContent content(ArticleForm form) {
		return form == null ? ArticleContent.of(null, null, null, null, null, null, null, null) : form.content();
	}

	@GetMapping
	@Operation(summary = "The articles of my party, newest change first (authors only)",
			description = "Keyset pages: pass `next` as `cursor`. `status`: DRAFT, IN_REVIEW, PUBLISHED, RETIRED.")
	KeysetPage<ArticleLine> list(@RequestParam(required = false) String status,
			@RequestParam(required = false) String cursor,
			@Parameter(description = "1 to 200, default 50") @RequestParam(required = false) Integer limit) {
		return reading.list(status, cursor, limit);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Write a new article, a draft", description = "422 naming the refused fields.")
	ArticleView create(@RequestBody(required = false) ArticleForm form) {
		return reading.view(authoring.create(() -> content(form)));
	}

	@GetMapping("/{id}")
	@Operation(summary = "An article: its working copy to its authors, else its published version")
	ArticleView get(@PathVariable long id) {
		return reading.view(id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Revise the working copy", description = "A published article gets a draft revision; "
			+ "readers keep the published version until the revision is approved. 409 in review or retired.")
	ArticleView revise(@PathVariable long id, @RequestBody(required = false) ArticleForm form) {
		authoring.revise(id, () -> content(form));
		return reading.view(id);
	}

	@PostMapping("/{id}/submit")
	@Operation(summary = "Submit the draft for 入库审批", description = "Records it as the next version and asks the "
			+ "approval module for that version's content hash; the decision publishes it or makes it a draft "
			+ "again with the reason. 409 for an article that is no draft.")
	ApprovalState submit(@PathVariable long id) {
		return publication.submit(id);
	}

	@PostMapping("/{id}/withdraw")
	@Operation(summary = "Withdraw the version under review", description = "409 when none is.")
	ApprovalState withdraw(@PathVariable long id) {
		return publication.withdraw(id);
	}

	@PostMapping("/{id}/retire")
	@Operation(summary = "Retire a published article: no reader finds it any more", description = "409 otherwise.")
	ArticleView retire(@PathVariable long id) {
		authoring.retire(id);
		return reading.view(id);
	}

	@GetMapping("/{id}/versions")
	@Operation(summary = "The versions of an article, newest first, with their approval request and decision")
	List<ArticleVersion> versions(@PathVariable long id) {
		return reading.versions(id);
	}

	@GetMapping("/{id}/diff")
	@Operation(summary = "The line diff between two versions of an article (title first, then the body)")
	List<LineDiff.Line> diff(@PathVariable long id,
			@Parameter(description = "the older version's id (required)") @RequestParam(required = false) Long from,
			@Parameter(description = "the newer version's id (required)") @RequestParam(required = false) Long to) {
		return reading.diff(id, from, to);
	}
}
