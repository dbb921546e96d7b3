package org.yunwei.personnel.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actor;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.Party;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.People;
import org.yunwei.identity.Person;
import org.yunwei.personnel.internal.AppraisalDrafts.AppraisalDraft;
import org.yunwei.personnel.internal.AppraisalDrafts.SheetItemDraft;
import org.yunwei.personnel.internal.AppraisalDrafts.ItemScore;
import org.yunwei.personnel.internal.AppraisalDrafts.SheetDraft;
import org.yunwei.personnel.internal.AppraisalRecords.AppraisalRow;
import org.yunwei.personnel.internal.AppraisalRecords.ItemRow;
import org.yunwei.personnel.internal.AppraisalRecords.ScoreRow;
import org.yunwei.personnel.internal.AppraisalRecords.SheetRow;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * Appraisal (考核): score sheets that management's keepers define, and the periodic appraisal of a staff member on a
 * sheet, whose automatic items take the service desk's figures of the period for the person (ticket timeliness and
 * quality) and whose total is the weighted sum ({@link WeightedScore}). Each appraisal keeps its scores as scored.
 */
@Service
class Appraisals {

	static final int MAX_ITEMS = 20;
	static final int LIST_LIMIT = 200;

	private final AppraisalRecords records;
	private final StaffRecords staff;
	private final StaffAccess access;
	private final StaffReading reading;
	private final ServiceDeskFigures figures;
	private final People people;
	private final Organisations organisations;
	private final AuditTrail audit;

	Appraisals(AppraisalRecords records, StaffRecords staff, StaffAccess access, StaffReading reading,
			ServiceDeskFigures figures, People people, Organisations organisations, AuditTrail audit) {
		this.records = records;
		this.staff = staff;
		this.access = access;
		this.reading = reading;
		this.figures = figures;
		this.people = people;
		this.organisations = organisations;
		this.audit = audit;
	}

	public record SheetItemView(long id, String name, BigDecimal weight, String source) {
	}

	public record SheetView(long id, String name, String description, List<SheetItemView> items) {
	}

	public record ScoreView(long itemId, String name, BigDecimal weight, String source, BigDecimal score,
			String basis) {
	}

	public record AppraisalView(long id, long staffId, String name, String partyName, long sheetId, String sheetName,
			LocalDate from, LocalDate to, BigDecimal total, String comment, String appraiserName,
			List<ScoreView> scores) {
	}

	/** What the appraisal form shows for each item before scoring: the figure of an automatic item, if any. */
	public record ItemPreview(long itemId, String name, BigDecimal weight, String source, BigDecimal figure,
			String basis) {
	}

	@Transactional
	public long sheet(SheetDraft draft) {
		Actor keeper = requireSheetKeeper();
		FieldErrors errors = new FieldErrors();
		String name = FieldErrors.clean(draft.name());
		String description = FieldErrors.clean(draft.description());
		errors.required("name", name, 100).optional("description", description, 500);
		List<SheetItemDraft> items = new ArrayList<>();
		List<ScoreSource> sources = new ArrayList<>();
		List<String> names = new ArrayList<>();
		List<SheetItemDraft> given = draft.items() == null ? List.of() : draft.items();
		for (int i = 0; i < given.size(); i++) {
			SheetItemDraft item = given.get(i);
			if (item == null || (FieldErrors.clean(item.name()) == null && item.weight() == null)) {
				continue;
			}
			String field = "items[" + i + "]";
			String itemName = FieldErrors.clean(item.name());
			errors.required(field + ".name", itemName, 50).required(field + ".weight", item.weight());
			if (item.weight() != null && (item.weight().signum() <= 0 || item.weight().compareTo(WeightedScore.HUNDRED) > 0
					|| item.weight().stripTrailingZeros().scale() > 1)) {
				errors.add(field + ".weight", "personnel.sheet.weight.invalid");
			}
			ScoreSource source = FieldErrors.clean(item.source()) == null ? ScoreSource.MANUAL
					: errors.constant(ScoreSource.class, item.source(), field + ".source");
			if (itemName != null && names.contains(itemName)) {
				errors.add(field + ".name", "personnel.sheet.item.repeated");
			}
			names.add(itemName);
			items.add(new SheetItemDraft(itemName, item.weight(), null));
			sources.add(source);
		}
		if (items.isEmpty()) {
			errors.add("items", "personnel.sheet.items.none");
		}
		else if (items.size() > MAX_ITEMS) {
			errors.add("items", "personnel.sheet.items.too-many");
		}
		else if (errors.isEmpty() && !WeightedScore.complete(items.stream().map(SheetItemDraft::weight).toList())) {
			errors.add("items", "personnel.sheet.weights");
		}
		errors.throwIfAny();
		long id = records.insertSheet(name, description, keeper.userId());
		if (id < 0) {
			throw FieldErrors.taken("name", "personnel.sheet.name.taken");
		}
		Map<String, Object> audited = new LinkedHashMap<>();
		for (int i = 0; i < items.size(); i++) {
			records.insertItem(id, i + 1, items.get(i).name(), items.get(i).weight(), sources.get(i));
			audited.put(items.get(i).name(), items.get(i).weight().toPlainString() + " " + sources.get(i).name());
		}
		audit.record(AuditEntry.of("SCORE_SHEET_DEFINED", "score_sheet", id).after(audited).detail(name));
		return id;
	}

	@Transactional
	public long appraise(AppraisalDraft draft) {
		Actor keeper = access.requireKeeper();
		FieldErrors errors = new FieldErrors();
		String comment = FieldErrors.clean(draft.comment());
		errors.required("sheetId", draft.sheetId()).required("staffId", draft.staffId()).required("from", draft.from())
			.required("to", draft.to()).optional("comment", comment, 2000);
		if (draft.from() != null && draft.to() != null && draft.to().isBefore(draft.from())) {
			errors.add("to", "personnel.period.backwards");
		}
		if (draft.to() != null && draft.to().isAfter(reading.today())) {
			errors.add("to", "personnel.date.future");
		}
		SheetRow sheet = draft.sheetId() == null ? null : records.sheet(draft.sheetId()).orElse(null);
		if (draft.sheetId() != null && sheet == null) {
			errors.add("sheetId", "personnel.appraisal.sheet.unknown");
		}
		StaffMember member = draft.staffId() == null ? null
				: staff.find(draft.staffId()).filter(m -> access.keeps(keeper, m)).orElse(null);
		if (draft.staffId() != null && member == null) {
			errors.add("staffId", "personnel.agreement.staff-unknown");
		}
		errors.throwIfAny();
		List<ItemRow> items = records.items(sheet.id());
		Map<Long, BigDecimal> given = new HashMap<>();
		if (draft.scores() != null) {
			for (ItemScore score : draft.scores()) {
				if (score != null && score.itemId() != null && score.score() != null) {
					given.put(score.itemId(), score.score());
				}
			}
		}
		ServiceDeskFigures.PersonFigures desk = figures.of(member.userId(), member.partyId(), draft.from(), draft.to());
		List<WeightedScore.Part> parts = new ArrayList<>();
		List<ScoreRow> scores = new ArrayList<>();
		for (ItemRow item : items) {
			String field = "scores[" + item.id() + "]";
			BigDecimal figure = desk.score(item.source());
			BigDecimal score = figure != null ? figure : given.get(item.id());
			if (score == null) {
				errors.add(field, item.source() == ScoreSource.MANUAL ? "field.required"
						: "personnel.appraisal.no-figures");
			}
			else if (figure == null && !ExamScoring.valid(score, WeightedScore.HUNDRED)) {
				errors.add(field, "personnel.appraisal.score.invalid");
			}
			else {
				parts.add(new WeightedScore.Part(item.weight(), score));
				scores.add(new ScoreRow(item.id(), score, figure != null ? desk.basis(item.source()) : null));
			}
		}
		errors.throwIfAny();
		BigDecimal total = WeightedScore.total(parts);
		long id = records.insertAppraisal(sheet.id(), member.id(), member.partyId(), draft.from(), draft.to(), total,
				comment, keeper.userId());
		Map<String, Object> audited = new LinkedHashMap<>();
		audited.put("sheetId", sheet.id());
		audited.put("staffId", member.id());
		audited.put("period", draft.from() + "/" + draft.to());
		audited.put("total", total.toPlainString());
		for (ScoreRow score : scores) {
			records.insertScore(id, score.itemId(), score.score(), score.basis());
			audited.put("item " + score.itemId(), score.score().toPlainString());
		}
		audit.record(AuditEntry.of("STAFF_APPRAISED", "appraisal", id).after(audited).detail(sheet.name()));
		return id;
	}

	@Transactional(readOnly = true)
	public List<SheetView> sheets() {
		access.requireReader();
		return records.sheets().stream().map(this::sheetView).toList();
	}

	@Transactional(readOnly = true)
	public SheetView sheet(long id) {
		access.requireReader();
		return sheetView(records.sheet(id).orElseThrow(() -> RejectedRequest.notFound("score-sheet")));
	}

	/** The form's view of a sheet for one person and period: each automatic item's figure, where there is one. */
	@Transactional(readOnly = true)
	public List<ItemPreview> preview(long sheetId, long staffId, LocalDate from, LocalDate to) {
		Actor keeper = access.requireKeeper();
		SheetRow sheet = records.sheet(sheetId).orElseThrow(() -> RejectedRequest.notFound("score-sheet"));
		StaffMember member = access.kept(keeper, staff.find(staffId));
		ServiceDeskFigures.PersonFigures desk = figures.of(member.userId(), member.partyId(), from, to);
		return records.items(sheet.id()).stream()
			.map(i -> new ItemPreview(i.id(), i.name(), i.weight(), i.source().name(), desk.score(i.source()),
					desk.basis(i.source())))
			.toList();
	}

	@Transactional(readOnly = true)
	public org.yunwei.web.KeysetPage<AppraisalView> appraisals(Long staffId, String cursor, Integer limit) {
		access.requireReader();
		NewestFirst after = NewestFirst.of(cursor, limit);
		return after.page(views(records.appraisals(access.scope(), staffId, after, after.limit() + 1)),
				AppraisalView::to, AppraisalView::id);
	}

	@Transactional(readOnly = true)
	public AppraisalView appraisal(long id) {
		access.requireReader();
		DataScope scope = access.scope();
		AppraisalRow row = records.appraisal(id).filter(a -> scope.includes(a.partyId(), null))
			.orElseThrow(() -> RejectedRequest.notFound("appraisal"));
		return views(List.of(row)).getFirst();
	}

	/** The history of one staff record the reader may already see (the record's page, the person's own page). */
	List<AppraisalView> historyOf(long staffId) {
		return views(records.ofStaff(staffId, LIST_LIMIT));
	}

	/** The providers' staff records a keeper appraises: the form's choices. */
	List<StaffReading.StaffLine> staffChoices() {
		return reading.page(null, null, LIST_LIMIT).items();
	}

	private Actor requireSheetKeeper() {
		Actor keeper = access.requireKeeper();
		if (keeper.partyKind() != PartyKind.MANAGEMENT) {
			throw RejectedRequest.forbidden("personnel.sheet.forbidden");
		}
		return keeper;
	}

	boolean maySheet() {
		Actor actor = access.actor();
		return actor.partyKind() == PartyKind.MANAGEMENT
				&& actor.can(org.yunwei.identity.Permission.PERSONNEL_MANAGE);
	}

	private SheetView sheetView(SheetRow sheet) {
		return new SheetView(sheet.id(), sheet.name(), sheet.description(), records.items(sheet.id()).stream()
			.map(i -> new SheetItemView(i.id(), i.name(), i.weight(), i.source().name()))
			.toList());
	}

	private List<AppraisalView> views(List<AppraisalRow> rows) {
		Map<Long, StaffMember> members = staff.findAll(rows.stream().map(AppraisalRow::staffId).toList()).stream()
			.collect(Collectors.toMap(StaffMember::id, m -> m));
		List<Long> userIds = new ArrayList<>(members.values().stream().map(StaffMember::userId).toList());
		rows.forEach(r -> userIds.add(r.appraiser()));
		Map<Long, String> names = people.findAll(userIds).stream()
			.collect(Collectors.toMap(Person::id, Person::displayName));
		Map<Long, SheetView> sheets = new HashMap<>();
		Map<Long, String> parties = new HashMap<>();
		List<AppraisalView> views = new ArrayList<>();
		for (AppraisalRow row : rows) {
			SheetView sheet = sheets.computeIfAbsent(row.sheetId(), id -> sheetView(records.sheet(id).orElseThrow()));
			Map<Long, SheetItemView> items = sheet.items().stream().collect(Collectors.toMap(SheetItemView::id, i -> i));
			List<ScoreView> scores = records.scores(row.id()).stream()
				.map(s -> {
					SheetItemView item = items.get(s.itemId());
					return new ScoreView(s.itemId(), item.name(), item.weight(), item.source(), s.score(), s.basis());
				})
				.toList();
			String party = parties.computeIfAbsent(row.partyId(),
					p -> organisations.findParty(p).map(Party::name).orElse(""));
			views.add(new AppraisalView(row.id(), row.staffId(), names.get(members.get(row.staffId()).userId()), party,
					sheet.id(), sheet.name(), row.from(), row.to(), row.total(), row.comment(),
					names.get(row.appraiser()), scores));
		}
		return views;
	}
}
