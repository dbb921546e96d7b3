package org.yunwei.cmdb.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.FormSubmission;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

/**
 * The configuration pages: the asset ledger (设备台账) with its filters and export, an item's page (details,
 * attributes, lifecycle, relations with the neighbourhood graph, history and the item as of a date), the form to
 * record or change an item (its fields generated from the class's attributes), and the impact analysis.
 */
@Controller
class ItemWebController {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final ItemRegister register;
	private final Ledger ledger;
	private final LedgerExport export;
	private final RelationKeeping relations;
	private final ImpactAnalysis impact;
	private final CiClasses classes;
	private final CmdbScope scope;
	private final ItemChoices choices;
	private final CmdbPages pages;
	private final CiReview review;
	private final CiIncidents incidents;

	ItemWebController(ItemRegister register, Ledger ledger, LedgerExport export, RelationKeeping relations,
			ImpactAnalysis impact, CiClasses classes, CmdbScope scope, ItemChoices choices,
			CmdbPages pages, CiReview review, CiIncidents incidents) {
		this.pages = pages;
		this.incidents = incidents;
		this.review = review;
		this.register = register;
		this.ledger = ledger;
		this.export = export;
		this.relations = relations;
		this.impact = impact;
		this.classes = classes;
		this.scope = scope;
		this.choices = choices;
	}

	@GetMapping("/cmdb")
	String ledger(@ModelAttribute("filter") LedgerFilter filter, @RequestParam(required = false) String cursor,
			Model model) {
		CmdbScope.View reader = scope.reader();
		KeysetPage<LedgerRow> page;
		try {
			page = ledger.page(filter, cursor, null);
		}
		catch (RejectedRequest refused) {
			if (refused.status() != HttpStatus.BAD_REQUEST) {
				throw refused;
			}
			model.addAttribute("problem", "cmdb.ledger.filter-refused");
			page = new KeysetPage<>(List.of(), null);
		}
		model.addAttribute("page", page);
		model.addAttribute("classes", classes.all());
		model.addAttribute("units", choices.units(reader));
		model.addAttribute("lifecycles", Lifecycle.values());
		model.addAttribute("mayManage", scope.mayManage());
		model.addAttribute("maySeeSpares", reader.actor().partyKind() != org.yunwei.identity.PartyKind.CUSTOMER);
		model.addAttribute("filtered", filter.classId() != null || FieldErrors.clean(filter.lifecycle()) != null
				|| filter.customerUnitId() != null || FieldErrors.clean(filter.location()) != null
				|| filter.warrantyWithinDays() != null || FieldErrors.clean(filter.q()) != null);
		return "cmdb/ledger";
	}

	@GetMapping("/cmdb/export")
	ResponseEntity<byte[]> export(@ModelAttribute LedgerFilter filter, Locale locale) {
		byte[] workbook = export.export(filter, locale);
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(LedgerExport.XLSX))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("ledger-" + LocalDate.now(ZONE) + ".xlsx").build().toString())
			.body(workbook);
	}

	@GetMapping("/cmdb/items/new")
	String create(@RequestParam(required = false) Long classId, Model model) {
		CmdbScope.View writer = scope.writer();
		ItemForm form = new ItemForm();
		form.setClassId(classId);
		if (writer.provider()) {
			form.setProviderPartyId(writer.actor().partyId());
		}
		return form(model, form, null, Map.of());
	}

	@PostMapping("/cmdb/items")
	String create(@ModelAttribute("form") ItemForm form, Model model, RedirectAttributes redirect) {
		scope.writer();
		long[] created = new long[1];
		String page = FormSubmission.save(() -> created[0] = register.create(form.draft()).id(), "/cmdb/items/",
				"cmdb.item.saved", redirect, "cmdb.item.failed", model, errors -> form(model, form, null, errors));
		return page.equals("redirect:/cmdb/items/") ? page + created[0] : page;
	}

	@GetMapping("/cmdb/items/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		scope.writer();
		ItemView item = register.get(id);
		return form(model, ItemForm.of(item), item, Map.of());
	}

	@PostMapping("/cmdb/items/{id}/edit")
	String edit(@PathVariable long id, @ModelAttribute("form") ItemForm form, Model model,
			RedirectAttributes redirect) {
		scope.writer();
		ItemView item = register.get(id);
		form.setClassId(item.classId());
		boolean reviewed = classes.find(item.classId()).map(CiClass::changesReviewed).orElse(false);
		return FormSubmission.save(() -> register.edit(id, form.draft()), "/cmdb/items/" + id,
				reviewed ? "cmdb.review.submitted" : "cmdb.item.saved", redirect, "cmdb.item.failed", model,
				errors -> form(model, form, item, errors));
	}

	@GetMapping("/cmdb/items/{id}")
	String item(@PathVariable long id, @RequestParam(required = false) String asOf,
			@RequestParam(required = false) String cursor, Locale locale, Model model) {
		ItemView item = register.get(id);
		CiClass itemClass = classes.find(item.classId()).orElseThrow();
		model.addAttribute("item", item);
		model.addAttribute("itemClass", itemClass);
		model.addAttribute("relations", relations.of(id, null));
		model.addAttribute("history", register.history(id, cursor, 20));
		List<CiPendingChange> reviews = review.of(id, 10);
		model.addAttribute("reviews", reviews);
		model.addAttribute("waiting", reviews.stream().filter(CiPendingChange::pending).findFirst().orElse(null));
		model.addAttribute("incidents", incidents.openOf(id, 10));
		model.addAttribute("mayManage", scope.mayManage() && item.lifecycle() != Lifecycle.DISPOSED);
		model.addAttribute("nextStates", item.lifecycle().next());
		model.addAttribute("relationTypes", RelationType.values());
		model.addAttribute("referenceNames", referenceNames(itemClass, item.attributes()));
		model.addAttribute("graphJson", pages.json(graph(item, relations.of(id, null))));
		model.addAttribute("graphLabels", pages.relationLabels(locale));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		if (asOf != null) {
			asOf(id, asOf, model);
		}
		return "cmdb/item";
	}

	@PostMapping("/cmdb/items/{id}/lifecycle")
	String lifecycle(@PathVariable long id, @RequestParam(required = false) String lifecycle,
			@RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
		return act(id, () -> register.moveTo(id, lifecycle, reason).pending(), model, redirect);
	}

	@PostMapping("/cmdb/items/{id}/relations")
	String relate(@PathVariable long id, @RequestParam(required = false) Long targetId,
			@RequestParam(required = false) String type, @RequestParam(required = false) String note,
			@RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
		return act(id, () -> relations.add(id, new RelationDraft(targetId, type, note, reason)).pending(), model,
				redirect);
	}

	@PostMapping("/cmdb/items/{id}/relations/{relationId}/delete")
	String unrelate(@PathVariable long id, @PathVariable long relationId, Model model, RedirectAttributes redirect) {
		return act(id, () -> relations.remove(id, relationId, null), model, redirect);
	}

	@GetMapping("/cmdb/items/{id}/impact")
	String impact(@PathVariable long id, @RequestParam(required = false) Integer depth,
			@RequestParam(required = false) String direction, Model model) {
		ItemView item = register.get(id);
		model.addAttribute("item", item);
		model.addAttribute("depth", depth == null ? 3 : depth);
		model.addAttribute("direction", direction == null ? "downstream" : direction);
		try {
			model.addAttribute("impact", impact.of(id, depth, direction, 500));
		}
		catch (RejectedRequest refused) {
			if (refused.status() != HttpStatus.BAD_REQUEST) {
				throw refused;
			}
			model.addAttribute("problem", "cmdb.impact.refused");
		}
		return "cmdb/impact";
	}

	/** Items for the relation picker: search as you type (htmx) by name, IP, serial or asset tag. */
	@GetMapping("/cmdb/items/picker")
	String picker(@RequestParam(required = false) String q, @RequestParam(required = false) Long exclude,
			Model model) {
		model.addAttribute("found", ledger.search(q, 20).stream()
			.filter(found -> exclude == null || found.id() != exclude).toList());
		model.addAttribute("q", q);
		return "cmdb/picker :: options";
	}

	/** Runs a change asked on the item's page; it answers the change waiting for review, if it went to one. */
	private String act(long id, java.util.function.Supplier<CiPendingChange> action, Model model,
			RedirectAttributes redirect) {
		CiPendingChange pending;
		try {
			pending = action.get();
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.NOT_FOUND && refused.fieldErrors().isEmpty()) {
				throw refused;
			}
			model.addAttribute("problem", refused.fieldErrors().isEmpty() ? refused.messageKey() : "cmdb.item.failed");
			model.addAttribute("errors", refused.fieldErrors());
			return item(id, null, null, LocaleContextHolder.getLocale(), model);
		}
		redirect.addFlashAttribute("notice", pending == null ? "cmdb.item.saved" : "cmdb.review.submitted");
		return "redirect:/cmdb/items/" + id;
	}

	private void asOf(long id, String date, Model model) {
		LocalDate day;
		try {
			day = LocalDate.parse(date.strip());
		}
		catch (DateTimeParseException malformed) {
			model.addAttribute("asOfProblem", "cmdb.field.date");
			return;
		}
		Instant endOfDay = day.plusDays(1).atStartOfDay(ZONE).toInstant().minusMillis(1);
		model.addAttribute("asOfDate", day);
		try {
			model.addAttribute("asOfState", register.asOf(id, endOfDay));
			model.addAttribute("asOfRelations", relations.of(id, endOfDay));
		}
		catch (RejectedRequest notYet) {
			model.addAttribute("asOfProblem", "cmdb.item.as-of.none");
		}
	}

	private String form(Model model, ItemForm form, ItemView item, Map<String, String> errors) {
		CmdbScope.View writer = scope.writer();
		List<CiClass> all = classes.all();
		CiClass chosen = form.getClassId() == null ? null
				: all.stream().filter(c -> c.id() == form.getClassId()).findFirst().orElse(null);
		model.addAttribute("form", form);
		model.addAttribute("item", item);
		model.addAttribute("errors", new LinkedHashMap<>(errors));
		model.addAttribute("classes", all.stream().filter(CiClass::enabled).toList());
		model.addAttribute("itemClass", chosen);
		model.addAttribute("units", choices.units(writer));
		model.addAttribute("providers", choices.providers(writer));
		model.addAttribute("chooseProvider", !writer.provider());
		model.addAttribute("people", choices.people(writer));
		model.addAttribute("initialStates", List.of(Lifecycle.PLANNED, Lifecycle.IN_STOCK, Lifecycle.IN_USE));
		model.addAttribute("references", chosen == null ? Map.of() : choices.references(chosen));
		return "cmdb/item-form";
	}

	/** The names of the items that reference attributes point at, by attribute code. */
	private Map<String, String> referenceNames(CiClass itemClass, Map<String, Object> values) {
		Map<String, String> names = new LinkedHashMap<>();
		for (CiAttribute attribute : itemClass.attributes()) {
			Object value = values.get(attribute.code());
			if (attribute.type() == AttributeType.REFERENCE && value != null) {
				try {
					names.put(attribute.code(), register.get(Long.parseLong(value.toString())).name());
				}
				catch (RejectedRequest | NumberFormatException notVisible) {
					names.put(attribute.code(), "—");
				}
			}
		}
		return names;
	}

	/** The neighbourhood graph's data for static/js/cmdb-graph.js: the item, its neighbours and the relations. */
	private static Map<String, Object> graph(ItemView item, List<Relation> relations) {
		Map<Long, Map<String, Object>> nodes = new LinkedHashMap<>();
		nodes.put(item.id(), node(item.id(), item.name(), item.classCode(), true));
		for (Relation r : relations) {
			nodes.putIfAbsent(r.sourceId(), node(r.sourceId(), r.sourceName(), r.sourceClassCode(), false));
			nodes.putIfAbsent(r.targetId(), node(r.targetId(), r.targetName(), r.targetClassCode(), false));
		}
		Map<String, Object> graph = new LinkedHashMap<>();
		graph.put("nodes", List.copyOf(nodes.values()));
		graph.put("edges", relations.stream().map(r -> Map.<String, Object>of("source", r.sourceId(), "target",
				r.targetId(), "type", r.type().name())).collect(Collectors.toList()));
		return graph;
	}

	private static Map<String, Object> node(long id, String name, String classCode, boolean root) {
		return Map.of("id", id, "name", name, "classCode", classCode, "root", root);
	}
}
