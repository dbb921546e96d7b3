package org.yunwei.cmdb.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.yunwei.cmdb.ConfigurationItemSummary;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

@RestController
@RequestMapping("/api/v1/cis")
@Tag(name = "Configuration items", description = "配置项 and the asset ledger (设备台账). Reading needs CMDB_READ (a "
		+ "customer reads its own unit's items); changing needs CMDB_MANAGE. A provider sees and keeps the items of "
		+ "the customer units it serves and those it maintains, a customer its own unit's and those below, "
		+ "management and supervision all (supervision reads only); an item outside the caller's scope is 404. "
		+ "Every change is kept in the item's history (配置项的变化记录) with who, when and why.")
class ItemApiController {

	private final ItemRegister register;
	private final Ledger ledger;
	private final LedgerExport export;
	private final RelationKeeping relations;
	private final ImpactAnalysis impact;
	private final ItemImport imports;
	private final CiReview review;
	private final ImportJobs jobs;

	ItemApiController(ItemRegister register, Ledger ledger, LedgerExport export, RelationKeeping relations,
			ImpactAnalysis impact, ItemImport imports, CiReview review, ImportJobs jobs) {
		this.jobs = jobs;
		this.imports = imports;
		this.review = review;
		this.register = register;
		this.ledger = ledger;
		this.export = export;
		this.relations = relations;
		this.impact = impact;
	}

	@GetMapping
	@Operation(summary = "The asset ledger: items in the caller's scope, filtered, sorted, by keyset pages",
			description = "400 with `errors` for an unknown class, unit, lifecycle or sort, a limit outside 1–200, "
					+ "a malformed cursor.")
	KeysetPage<LedgerRow> list(@Parameter(description = "a class: its items and its subclasses'")
	@RequestParam(required = false) Long classId,
			@Parameter(description = "PLANNED, IN_STOCK, IN_USE, UNDER_REPAIR, RETIRED or DISPOSED")
			@RequestParam(required = false) String lifecycle,
			@Parameter(description = "a customer unit: its items and the units' below it")
			@RequestParam(required = false) Long customerUnitId,
			@Parameter(description = "text in the building, floor, room or rack")
			@RequestParam(required = false) String location,
			@Parameter(description = "warranty ends between today and this many days ahead")
			@RequestParam(required = false) Integer warrantyWithinDays,
			@Parameter(description = "text in the name, IP address, serial number or asset tag")
			@RequestParam(required = false) String q,
			@Parameter(description = "name (default), updated (newest first), warranty (soonest first)")
			@RequestParam(required = false) String sort, @RequestParam(required = false) String cursor,
			@Parameter(description = "1–200, default 50") @RequestParam(required = false) Integer limit,
			@Parameter(description = "an attribute value as code:value, e.g. cpu_vendor:KUNPENG")
			@RequestParam(required = false) String attribute) {
		return ledger.page(new LedgerFilter(classId, lifecycle, customerUnitId, location, warrantyWithinDays, q, sort,
				attribute), cursor, limit);
	}

	@GetMapping("/export")
	@Operation(summary = "The filtered ledger as an Excel workbook (.xlsx)",
			description = "The list's filters and order; 422 (`export-too-large`) above 100,000 items.")
	ResponseEntity<byte[]> export(@RequestParam(required = false) Long classId,
			@RequestParam(required = false) String lifecycle, @RequestParam(required = false) Long customerUnitId,
			@RequestParam(required = false) String location,
			@RequestParam(required = false) Integer warrantyWithinDays, @RequestParam(required = false) String q,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String attribute,
			Locale locale) {
		byte[] workbook = export.export(new LedgerFilter(classId, lifecycle, customerUnitId, location,
				warrantyWithinDays, q, sort, attribute), locale);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(LedgerExport.XLSX))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("ledger.xlsx").build().toString())
			.body(workbook);
	}

	@PostMapping("/import")
	@Operation(summary = "Import items of one class from an Excel workbook made from the class's template",
			description = "Every row is checked as the create operation checks it, and against the other rows for "
					+ "the asset tag and unique attributes. When any row is refused nothing is imported (422 with the "
					+ "report: row, column, reason) unless `validRowsOnly` is true, which imports the valid rows "
					+ "(200). A file that is not an .xlsx workbook by its bytes is 415; a workbook that is not a "
					+ "template 422; more than 10,000 rows 422. The template is "
					+ "`GET /api/v1/ci-classes/{id}/import-template`.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
					mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
					schema = @Schema(implementation = ImportUpload.class))))
	ResponseEntity<ImportReport> importItems(@RequestParam(required = false) Long classId,
			@RequestParam(required = false) Boolean validRowsOnly,
			@RequestParam(required = false) org.springframework.web.multipart.MultipartFile file, Locale locale)
			throws java.io.IOException {
		ImportReport report = imports.importItems(classId, file == null ? null : file.getBytes(),
				Boolean.TRUE.equals(validRowsOnly), locale);
		boolean refused = report.invalidRows() > 0 && !Boolean.TRUE.equals(validRowsOnly);
		return ResponseEntity.status(refused ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK).body(report);
	}

	@PostMapping("/imports")
	@Operation(summary = "Start an import in the background; follow it with `GET /api/v1/cis/imports/{id}`",
			description = "For large workbooks: the file's type (415) and the class (400) are checked at once and "
					+ "202 answers the job; the rows are then checked and imported as `POST /api/v1/cis/import` does, "
					+ "the job telling how many rows were checked, and its report when done (`state` DONE) or why it "
					+ "failed (`state` FAILED, `problem`).",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
					mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
					schema = @Schema(implementation = ImportUpload.class))))
	ResponseEntity<ImportJob> startImport(@RequestParam(required = false) Long classId,
			@RequestParam(required = false) Boolean validRowsOnly,
			@RequestParam(required = false) org.springframework.web.multipart.MultipartFile file, Locale locale)
			throws java.io.IOException {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(jobs.start(classId,
				file == null ? null : file.getBytes(), Boolean.TRUE.equals(validRowsOnly), locale));
	}

	@GetMapping("/imports/{id}")
	@Operation(summary = "A background import: its state, rows checked so far, and its report when done; for the "
			+ "person who started it and management")
	ImportJob importJob(@PathVariable long id) {
		return jobs.get(id);
	}

	@GetMapping("/search")
	@Operation(summary = "Search as you type: items whose name, IP address, serial number or asset tag contain the "
			+ "text, for pickers (at most 50)")
	List<ConfigurationItemSummary> search(@RequestParam(required = false) String q,
			@RequestParam(required = false) Integer limit) {
		return ledger.search(q, limit == null ? 20 : limit);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record an item",
			description = "400 with `errors` by field (attributes as `attributes.<code>`): required fields, values "
					+ "of the wrong type, an unknown enumeration code, a reference to an item of the wrong class, "
					+ "a customer unit the caller does not serve; 409 when the asset tag or a unique attribute's value "
					+ "is held by another item.")
	ItemView create(@RequestBody ItemDraft draft) {
		return register.create(draft);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One item")
	ItemView get(@PathVariable long id) {
		return register.get(id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change an item", description = "Replaces every field, as for create; `reason` is required "
			+ "and kept in the history. The class is fixed; the lifecycle changes through its own operation. 422 "
			+ "(`item-disposed`) once the item is disposed. When the item's class requires review (配置管理审核流程) "
			+ "the item is left as it is and the answer is 202 with the change waiting for the approval module's "
			+ "decision (`approvalRequestId`); it applies when granted, and a newer edit supersedes it.")
	ResponseEntity<?> update(@PathVariable long id, @RequestBody ItemDraft draft) {
		ItemRegister.Edited edited = register.edit(id, draft);
		return edited.pending() == null ? ResponseEntity.ok(edited.item())
				: ResponseEntity.status(HttpStatus.ACCEPTED).body(edited.pending());
	}

	@GetMapping("/{id}/reviews")
	@Operation(summary = "The item's reviewed changes (配置管理审核流程), newest first, at most 50: what each changes, "
			+ "who asked and why, the approval request, and how it ended (PENDING, APPLIED, REJECTED, RETURNED, "
			+ "WITHDRAWN, SUPERSEDED)")
	List<CiPendingChange> reviews(@PathVariable long id) {
		register.get(id);
		return review.of(id, 50);
	}

	@PostMapping("/{id}/lifecycle")
	@Operation(summary = "Move an item along its lifecycle",
			description = "planned → in stock / in use; in stock → in use; in use ⇄ under repair; → retired → "
					+ "disposed. 422 (`lifecycle-transition`) for any other move; `reason` is required. When the "
					+ "item's class requires review (配置管理审核流程) the item stays where it is and the answer is 202 "
					+ "with the move waiting for the approval module's decision; it applies when granted.")
	ResponseEntity<?> lifecycle(@PathVariable long id, @RequestBody LifecycleRequest body) {
		ItemRegister.Edited moved = register.moveTo(id, body.lifecycle(), body.reason());
		return moved.pending() == null ? ResponseEntity.ok(moved.item())
				: ResponseEntity.status(HttpStatus.ACCEPTED).body(moved.pending());
	}

	@GetMapping("/{id}/history")
	@Operation(summary = "The item's history, newest first: who, when, why, the fields changed before and after")
	KeysetPage<ItemChange> history(@PathVariable long id, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) Integer limit) {
		org.yunwei.web.FieldErrors errors = new org.yunwei.web.FieldErrors();
		int size = KeysetPage.limit(limit, errors, "cmdb.ledger.limit");
		errors.throwIfAny();
		return register.history(id, cursor, size);
	}

	@GetMapping("/{id}/as-of")
	@Operation(summary = "The item as it was at a moment: the snapshot of its last change at or before it",
			description = "`at` is an ISO instant (2026-05-01T00:00:00Z); 404 when the item did not exist yet.")
	AsOf asOf(@PathVariable long id, @RequestParam(required = false) String at) {
		register.get(id);
		if (at == null || at.isBlank()) {
			throw RejectedRequest.invalidField("at", "field.required");
		}
		Instant moment = instant(at);
		return new AsOf(register.asOf(id, moment), relations.of(id, moment));
	}

	@GetMapping("/{id}/relations")
	@Operation(summary = "The item's relations, or those it had at a moment (`at`, ISO instant)",
			description = "Relations whose other end lies outside the caller's scope are left out.")
	List<Relation> relations(@PathVariable long id, @RequestParam(required = false) String at) {
		return relations.of(id, at == null ? null : instant(at));
	}

	@PostMapping("/{id}/relations")
	@Operation(summary = "Relate the item (source) to another (target)",
			description = "201 with the relation, kept in both items' history. 400 for an unknown type or target, a "
					+ "relation to itself; 409 when the same relation already holds. When either end's class "
					+ "requires review (配置管理审核流程) nothing is related yet: 202 with the change waiting, on this "
					+ "item, for the approval module's decision.")
	ResponseEntity<?> relate(@PathVariable long id, @RequestBody RelationDraft draft) {
		RelationKeeping.Asked asked = relations.add(id, draft);
		return asked.pending() == null ? ResponseEntity.status(HttpStatus.CREATED).body(asked.relation())
				: ResponseEntity.status(HttpStatus.ACCEPTED).body(asked.pending());
	}

	@DeleteMapping("/{id}/relations/{relationId}")
	@Operation(summary = "Remove a relation of the item", description = "204; kept in both items' history with "
			+ "`reason`. When either end's class requires review, 202 with the removal waiting for its review.")
	ResponseEntity<?> unrelate(@PathVariable long id, @PathVariable long relationId,
			@RequestParam(required = false) String reason) {
		CiPendingChange pending = relations.remove(id, relationId, reason);
		return pending == null ? ResponseEntity.noContent().build()
				: ResponseEntity.status(HttpStatus.ACCEPTED).body(pending);
	}

	@GetMapping("/{id}/impact")
	@Operation(summary = "Impact analysis: what the item's failure reaches (downstream) or what it relies on "
			+ "(upstream), up to `depth` hops",
			description = "Each reached item once, nearest first, with the shortest path that reaches it; cycles end "
					+ "the walk. Also the reached application systems, business services and customer units. `items`, "
					+ "`applicationSystems` and `services` each list at most `limit` entries, nearest first, each "
					+ "with its path; `truncated` says that more items are reached, and `applicationSystemsTotal` and "
					+ "`servicesTotal` count every reached application system and service the caller may see, listed "
					+ "or not (before, the two lists had no limit: a hub answered tens of thousands of entries). Items "
					+ "outside the caller's scope are counted in `hidden`, not shown. 400 for a depth outside 1–10, a "
					+ "limit outside 1–100,000, an unknown direction.")
	Impact impact(@PathVariable long id, @RequestParam(required = false) Integer depth,
			@Parameter(description = "downstream (default) or upstream") @RequestParam(required = false)
			String direction,
			@Parameter(description = "how many reached items, and how many application systems and services, to "
					+ "list at most, default 1000") @RequestParam(required = false)
			Integer limit) {
		return impact.of(id, depth, direction, limit);
	}

	private static Instant instant(String text) {
		try {
			return Instant.parse(text.strip());
		}
		catch (DateTimeParseException malformed) {
			throw RejectedRequest.invalidField("at", "cmdb.field.instant");
		}
	}

	/** The multipart body of an import: the workbook. */
	record ImportUpload(@Schema(type = "string", format = "binary", description = "the filled-in template (.xlsx)")
	String file) {
	}

	/** A lifecycle move as submitted. */
	record LifecycleRequest(@Schema(description = "the state to move to") String lifecycle,
			@Schema(description = "why, required, up to 1000 characters") String reason) {
	}

	/** An item as it was at a moment, with the relations it had then. */
	record AsOf(ItemChange state, List<Relation> relations) {
	}
}
