package org.yunwei.cmdb.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.web.KeysetPage;

@RestController
@RequestMapping("/api/v1/spare-parts")
@Tag(name = "Spare parts", description = "备品备件 and 低值易耗品: stock per storage location, receipts, issues and "
		+ "returns against tickets, low-stock warnings. Reading needs CMDB_READ (customers keep no stock: 403), "
		+ "keeping needs CMDB_MANAGE; a provider keeps and sees its own parts, management its own and sees all, "
		+ "supervision reads all. Another keeper's part is 404.")
class SpareApiController {

	private final SpareStore store;

	SpareApiController(SpareStore store) {
		this.store = store;
	}

	@GetMapping
	@Operation(summary = "The parts the caller sees, by name, each with its stock per location, its total and "
			+ "whether it is low (`low`: the total below `minimumStock`); `kind` and `low=true` filter")
	List<SparePart> list(@RequestParam(required = false) String kind, @RequestParam(required = false) Boolean low) {
		return store.list(kind, Boolean.TRUE.equals(low));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a kind of part", description = "400 naming the fields refused; a provider keeps "
			+ "its own parts, management may name the provider that keeps one.")
	SparePart create(@RequestBody SpareDrafts.PartDraft draft) {
		return store.create(draft);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One part with its stock")
	SparePart get(@PathVariable long id) {
		return store.get(id);
	}

	@GetMapping("/{id}/movements")
	@Operation(summary = "The part's movements, newest first, by keyset pages")
	KeysetPage<SpareMovement> movements(@PathVariable long id, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) Integer limit) {
		return store.movements(id, cursor, limit == null ? 50 : Math.max(1, Math.min(limit, 200)));
	}

	@PostMapping("/{id}/movements")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Receive, issue or return stock at a location",
			description = "RECEIVED adds stock; ISSUED takes it for a ticket (`ticketNumber`), refused with 422 "
					+ "(`spare-stock-short`) beyond what the location holds; RETURNED brings it back for the ticket "
					+ "it went to, refused with 422 (`spare-return-exceeds`) beyond what went to it. 400 for an "
					+ "unknown ticket or bad fields; nothing changes when refused.")
	SpareMovement move(@PathVariable long id, @RequestBody SpareDrafts.MovementDraft draft) {
		return store.move(id, draft);
	}
}
