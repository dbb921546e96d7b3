package org.yunwei.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/posts")
@Tag(name = "Posts", description = "岗位: responsibilities, holder and backup person (岗位备份)")
class PostApiController {

	private final PostAdministration posts;

	PostApiController(PostAdministration posts) {
		this.posts = posts;
	}

	@GetMapping
	@Operation(summary = "The posts the caller may see")
	List<PostView> list(@Parameter(description = "only posts of this unit") @RequestParam(required = false) Long orgUnitId) {
		return posts.list(orgUnitId);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a post (POST_MANAGE)")
	PostView create(@RequestBody PostDraft draft) {
		return posts.create(draft);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One post")
	PostView get(@PathVariable long id) {
		return posts.get(id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a post (POST_MANAGE)")
	PostView update(@PathVariable long id, @RequestBody PostDraft draft) {
		return posts.update(id, draft);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a post (POST_MANAGE)")
	void delete(@PathVariable long id) {
		posts.delete(id);
	}
}
