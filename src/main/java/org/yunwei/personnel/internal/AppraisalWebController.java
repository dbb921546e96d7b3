package org.yunwei.personnel.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.identity.Permission;
import org.yunwei.personnel.internal.AppraisalDrafts.AppraisalDraft;
import org.yunwei.personnel.internal.AppraisalDrafts.SheetItemDraft;
import org.yunwei.personnel.internal.AppraisalDrafts.ItemScore;
import org.yunwei.personnel.internal.AppraisalDrafts.SheetDraft;
import org.yunwei.web.FormSubmission;
import org.yunwei.web.RejectedRequest;

/**
 * Appraisal in the browser: the sheets and the appraisals, the sheet form of management's keepers, the scoring form
 * (sheet, person and period chosen first, then each item scored or taken from the service desk's figures), and one
 * appraisal's page.
 */
@Controller
class AppraisalWebController {

	static final int SHEET_ROWS = 8;
	static final String SOURCES = "MANUAL,TICKET_TIMELINESS,TICKET_QUALITY";

	private final Appraisals appraisals;
	private final StaffAccess access;
	private final StaffReading reading;

	AppraisalWebController(Appraisals appraisals, StaffAccess access, StaffReading reading) {
		this.appraisals = appraisals;
		this.access = access;
		this.reading = reading;
	}

	@GetMapping("/appraisals")
	String list(@RequestParam(required = false) String cursor, Model model) {
		model.addAttribute("sheets", appraisals.sheets());
		org.yunwei.web.KeysetPage<Appraisals.AppraisalView> page = appraisals.appraisals(null, cursor, null);
		model.addAttribute("appraisals", page.items());
		model.addAttribute("appraisalsNext", page.next());
		boolean keeps = access.actor().can(Permission.PERSONNEL_MANAGE);
		model.addAttribute("mayManage", keeps);
		model.addAttribute("maySheet", appraisals.maySheet());
		model.addAttribute("sources", SOURCES.split(","));
		model.addAttribute("rows", SHEET_ROWS);
		if (keeps) {
			model.addAttribute("staffChoices", appraisals.staffChoices());
		}
		LocalDate today = reading.today();
		model.addAttribute("defaultFrom", today.withDayOfMonth(1).minusMonths(1));
		model.addAttribute("defaultTo", today.withDayOfMonth(1).minusDays(1));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		if (!model.containsAttribute("sheet")) {
			model.addAttribute("sheet", null);
		}
		return "personnel/appraisals";
	}

	/** The sheet form's rows come as {@code itemName-<n>}, {@code itemWeight-<n>}, {@code itemSource-<n>}. */
	@PostMapping("/appraisals/sheets")
	String defineSheet(@RequestParam Map<String, String> fields, Model model, RedirectAttributes redirect) {
		List<SheetItemDraft> items = new ArrayList<>();
		Map<String, String> unreadable = new LinkedHashMap<>();
		for (int i = 0; i < SHEET_ROWS; i++) {
			String weight = fields.getOrDefault("itemWeight-" + i, "").strip();
			BigDecimal value = null;
			if (!weight.isEmpty()) {
				try {
					value = new BigDecimal(weight);
				}
				catch (NumberFormatException e) {
					unreadable.put("items[" + i + "].weight", "field.number");
				}
			}
			items.add(new SheetItemDraft(fields.get("itemName-" + i), value, fields.get("itemSource-" + i)));
		}
		SheetDraft sheet = new SheetDraft(fields.get("name"), fields.get("description"), items);
		if (!unreadable.isEmpty()) {
			model.addAttribute("problem", "personnel.sheet.problem");
			model.addAttribute("errors", unreadable);
			model.addAttribute("sheet", sheet);
			return list(null, model);
		}
		return FormSubmission.save(() -> appraisals.sheet(sheet), "/appraisals", "personnel.sheet.saved", redirect,
				"personnel.sheet.problem", model, errors -> {
					model.addAttribute("errors", errors);
					model.addAttribute("sheet", sheet);
					return list(null, model);
				});
	}

	@GetMapping("/appraisals/new")
	String scoring(@RequestParam(required = false) Long sheetId, @RequestParam(required = false) Long staffId,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to, Model model,
			RedirectAttributes redirect) {
		access.requireKeeper();
		if (sheetId == null || staffId == null || from == null || to == null || to.isBefore(from)) {
			redirect.addFlashAttribute("problem", "personnel.appraisal.choose");
			return "redirect:/appraisals";
		}
		return form(model, new AppraisalDraft(sheetId, staffId, from, to, List.of(), null), Map.of());
	}

	/** The scores come as {@code score-<item id>} fields. */
	@PostMapping("/appraisals")
	String appraise(@RequestParam Map<String, String> fields, Model model, RedirectAttributes redirect) {
		List<ItemScore> scores = new ArrayList<>();
		Map<String, String> unreadable = new LinkedHashMap<>();
		fields.forEach((name, value) -> {
			if (name.startsWith("score-") && value != null && !value.isBlank()) {
				Long itemId = number(name.substring(6));
				try {
					scores.add(new ItemScore(itemId, new BigDecimal(value.strip())));
				}
				catch (NumberFormatException e) {
					unreadable.put("scores[" + itemId + "]", "field.number");
				}
			}
		});
		AppraisalDraft draft = new AppraisalDraft(number(fields.get("sheetId")), number(fields.get("staffId")),
				date(fields.get("from")), date(fields.get("to")), scores, fields.get("comment"));
		if (!unreadable.isEmpty()) {
			model.addAttribute("problem", "personnel.appraisal.problem");
			return form(model, draft, unreadable);
		}
		long[] created = new long[1];
		String next = FormSubmission.save(() -> created[0] = appraisals.appraise(draft), "/appraisals",
				"personnel.appraisal.saved", redirect, "personnel.appraisal.problem", model,
				errors -> form(model, draft, errors));
		return next.startsWith("redirect:") ? "redirect:/appraisals/" + created[0] : next;
	}

	@GetMapping("/appraisals/{id:\\d+}")
	String appraisal(@PathVariable long id, Model model) {
		model.addAttribute("appraisal", appraisals.appraisal(id));
		return "personnel/appraisal";
	}

	private String form(Model model, AppraisalDraft draft, Map<String, String> errors) {
		if (draft.sheetId() == null || draft.staffId() == null || draft.from() == null || draft.to() == null) {
			throw RejectedRequest.invalidField("sheetId", "personnel.appraisal.choose");
		}
		model.addAttribute("draft", draft);
		model.addAttribute("sheet", appraisals.sheet(draft.sheetId()));
		model.addAttribute("person", reading.view(draft.staffId()));
		model.addAttribute("items", appraisals.preview(draft.sheetId(), draft.staffId(), draft.from(), draft.to()));
		Map<Long, BigDecimal> given = new LinkedHashMap<>();
		draft.scores().forEach(s -> given.put(s.itemId(), s.score()));
		model.addAttribute("given", given);
		model.addAttribute("errors", errors);
		return "personnel/appraisal-form";
	}

	private static Long number(String text) {
		try {
			return text == null || text.isBlank() ? null : Long.parseLong(text.strip());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private static LocalDate date(String text) {
		try {
			return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
		}
		catch (java.time.format.DateTimeParseException e) {
			return null;
		}
	}
}
