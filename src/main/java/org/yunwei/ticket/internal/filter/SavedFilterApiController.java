package org.yunwei.ticket.internal.filter;

import io.swagger.v3.oas.annotations.Operation;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/ticket-filters")
@Tag(name = "Saved ticket filters", description = "保存的筛选 / 队列: named filters of the ticket list, private or "
		+ "shared with the owner's party. For agents, management and supervision; only the owner changes one.")
class SavedFilterApiController {

	private final SavedFilters filters;

	SavedFilterApiController(SavedFilters filters) {
		this.filters = filters;
	}

	@GetMapping
	@Operation(summary = "The caller's filters, then those shared in their party, by name",
			description = "`mine` tells which the caller owns. Pass `query` to `GET /api/v1/tickets` to run one.")
	List<SavedFilter> list() {
		return filters.list();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One filter the caller owns or that is shared with them")
	SavedFilter get(@PathVariable long id) {
		return filters.get(id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Save a filter",
			description = "`query` is the list's query string, e.g. `status=open&assignee=me&sort=due` (parameters: "
					+ "status, type, priority, groupId, assignee, customerOrgUnitId, serviceId, channel, major, overdue, "
					+ "q, sort); it is checked as the list would read it and stored in one order. 400 for an unknown "
					+ "parameter or value, 409 when the caller already has a filter of that name.")
	SavedFilter create(@RequestBody SavedFilterDraft draft) {
		return filters.create(draft);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a filter (owner only)", description = "403 for a colleague's shared filter.")
	SavedFilter update(@PathVariable long id, @RequestBody SavedFilterDraft draft) {
		return filters.update(id, draft);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a filter (owner only)")
	void delete(@PathVariable long id) {
		filters.delete(id);
	}
}
