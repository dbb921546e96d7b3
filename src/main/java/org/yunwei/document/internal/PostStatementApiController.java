package org.yunwei.document.internal;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/document-post-statements")
@Tag(name = "Post statements", description = "The responsibility statement (岗位职责说明书) of each post (岗位): a "
		+ "document of that category. The service's side reads them (a provider its own posts); DOCUMENT_MANAGE "
		+ "links them; customers get 403.")
class PostStatementApiController {

	private final PostStatements statements;

	PostStatementApiController(PostStatements statements) {
		this.statements = statements;
	}

	@GetMapping
	@Operation(summary = "The posts the caller sees, each with its statement")
	List<PostStatements.PostStatement> all() {
		return statements.posts();
	}

	@GetMapping("/{postId}")
	@Operation(summary = "One post with its statement")
	PostStatements.PostStatement one(@PathVariable long postId) {
		return statements.of(postId);
	}

	@GetMapping("/{postId}/backups")
	@Operation(summary = "The records of the post's backup taking over while its holder was absent, newest first")
	List<PostStatements.BackupRecord> backups(@PathVariable long postId) {
		return statements.backups(postId);
	}

	/** The document a post's statement is; {@code null} removes the link. */
	record StatementLink(Long documentId) {
	}

	@PutMapping("/{postId}")
	@Operation(summary = "Link a post to its statement (DOCUMENT_MANAGE)",
			description = "The document must be of the 岗位职责说明书 category and kept by the caller's party; 400 "
					+ "naming `documentId` otherwise.")
	PostStatements.PostStatement link(@PathVariable long postId, @RequestBody StatementLink link) {
		return statements.link(postId, link.documentId());
	}
}
