package org.yunwei.personnel.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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
import org.yunwei.personnel.internal.TrainingDrafts.AttendanceDraft;
import org.yunwei.personnel.internal.TrainingDrafts.CourseDraft;
import org.yunwei.personnel.internal.TrainingDrafts.ExamDraft;
import org.yunwei.personnel.internal.TrainingDrafts.TrainingPlanDraft;
import org.yunwei.personnel.internal.TrainingDrafts.ScoreEntry;
import org.yunwei.personnel.internal.TrainingDrafts.ScoresDraft;
import org.yunwei.personnel.internal.TrainingDrafts.SessionDraft;
import org.yunwei.personnel.internal.TrainingRecords.AttendanceRow;
import org.yunwei.personnel.internal.TrainingRecords.PlanRow;
import org.yunwei.personnel.internal.TrainingRecords.SessionRow;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * Training (培训): plans with their needs, courses, sessions, attendance, exams and scores, and each person's training
 * record. The rights of the staff records: PERSONNEL_READ reads the plans of one's scope, PERSONNEL_MANAGE keeps
 * them; everyone reads their own record.
 */
@Service
class Training {

	static final int LIST_LIMIT = 200;

	private final TrainingRecords records;
	private final StaffRecords staff;
	private final StaffAccess access;
	private final StaffReading reading;
	private final People people;
	private final Organisations organisations;
	private final AuditTrail audit;

	Training(TrainingRecords records, StaffRecords staff, StaffAccess access, StaffReading reading, People people,
			Organisations organisations, AuditTrail audit) {
		this.records = records;
		this.staff = staff;
		this.access = access;
		this.reading = reading;
		this.people = people;
		this.organisations = organisations;
		this.audit = audit;
	}

	public record TrainingPlanLine(long id, String partyName, int year, String title, String needs) {
	}

	/** @param hours the hours attended when recorded apart from the course's; @param remarks as imported */
	public record AttendeeView(long staffId, String name, BigDecimal score, Boolean passed, BigDecimal hours,
			String remarks) {
	}

	public record SessionView(long id, java.time.LocalDate heldOn, String place, String trainer, String examTitle,
			BigDecimal passScore, BigDecimal maxScore, List<AttendeeView> attendees) {
	}

	public record CourseView(long id, String title, String category, BigDecimal hours, List<SessionView> sessions) {
	}

	/** A staff member of the plan's provider, for the attendance form. */
	public record StaffChoice(long staffId, String name) {
	}

	public record TrainingPlanView(long id, long partyId, String partyName, int year, String title, String needs,
			List<CourseView> courses, boolean mayManage, List<StaffChoice> staff) {
	}

	/**
	 * One session of a person's training record.
	 *
	 * @param hours the hours the person attended: as recorded for them, else the course's
	 */
	public record TrainingLine(long planId, String planTitle, String courseTitle, String category, BigDecimal hours,
			java.time.LocalDate heldOn, String examTitle, BigDecimal score, BigDecimal maxScore, Boolean passed,
			String remarks) {
	}

	@Transactional
	public long plan(TrainingPlanDraft draft) {
		Actor keeper = access.requireKeeper();
		FieldErrors errors = new FieldErrors();
		String title = FieldErrors.clean(draft.title());
		String needs = FieldErrors.clean(draft.needs());
		errors.required("title", title, 200).optional("needs", needs, 2000).required("year", draft.year());
		if (draft.year() != null && (draft.year() < 2000 || draft.year() > 2100)) {
			errors.add("year", "personnel.training.year.invalid");
		}
		Long party = provider(keeper, draft.partyId(), errors);
		errors.throwIfAny();
		long id = records.insertPlan(party, draft.year(), title, needs, keeper.userId());
		audit.record(AuditEntry.of("TRAINING_PLAN_CREATED", "training_plan", id)
			.after(Map.of("partyId", party, "year", draft.year(), "title", title)).detail(title));
		return id;
	}

	@Transactional
	public long course(long planId, CourseDraft draft) {
		PlanRow plan = kept(planId);
		FieldErrors errors = new FieldErrors();
		String title = FieldErrors.clean(draft.title());
		errors.required("title", title, 200);
		CourseCategory category = errors.constant(CourseCategory.class, draft.category(), "category");
		if (draft.hours() != null && (draft.hours().signum() <= 0 || draft.hours().compareTo(BigDecimal.valueOf(1000)) > 0
				|| draft.hours().stripTrailingZeros().scale() > 1)) {
			errors.add("hours", "personnel.training.hours.invalid");
		}
		errors.throwIfAny();
		long id = records.insertCourse(plan.id(), title, category, draft.hours());
		audit.record(AuditEntry.of("TRAINING_COURSE_ADDED", "training_plan", plan.id())
			.after(Map.of("courseId", id, "title", title, "category", category.name())).detail(title));
		return id;
	}

	@Transactional
	public long session(long planId, SessionDraft draft) {
		PlanRow plan = kept(planId);
		FieldErrors errors = new FieldErrors();
		String place = FieldErrors.clean(draft.place());
		String trainer = FieldErrors.clean(draft.trainer());
		errors.required("courseId", draft.courseId()).required("heldOn", draft.heldOn()).optional("place", place, 200)
			.optional("trainer", trainer, 100);
		if (draft.courseId() != null && !records.courseOf(plan.id(), draft.courseId())) {
			errors.add("courseId", "personnel.training.course.unknown");
		}
		errors.throwIfAny();
		long id = records.insertSession(draft.courseId(), draft.heldOn(), place, trainer);
		audit.record(AuditEntry.of("TRAINING_SESSION_ADDED", "training_plan", plan.id())
			.after(Map.of("sessionId", id, "courseId", draft.courseId(), "heldOn", draft.heldOn().toString())));
		return id;
	}

	/** Replaces who attended; each must be a staff record of the plan's provider. */
	@Transactional
	public void attendance(long planId, long sessionId, AttendanceDraft draft) {
		PlanRow plan = kept(planId);
		SessionRow session = records.session(plan.id(), sessionId)
			.orElseThrow(() -> RejectedRequest.notFound("training-session"));
		Set<Long> ids = new LinkedHashSet<>();
		if (draft.staffIds() != null) {
			draft.staffIds().stream().filter(java.util.Objects::nonNull).forEach(ids::add);
		}
		List<StaffMember> members = staff.findAll(ids);
		if (members.size() != ids.size() || members.stream().anyMatch(m -> m.partyId() != plan.partyId())) {
			throw RejectedRequest.invalidField("staffIds", "personnel.training.attendee.other");
		}
		records.setAttendance(session.id(), List.copyOf(ids));
		audit.record(AuditEntry.of("TRAINING_ATTENDANCE_RECORDED", "training_plan", plan.id())
			.after(Map.of("sessionId", session.id(), "staffIds", List.copyOf(ids))));
	}

	/** Sets (or changes) the exam that ends a session. */
	@Transactional
	public void exam(long planId, long sessionId, ExamDraft draft) {
		PlanRow plan = kept(planId);
		SessionRow session = records.session(plan.id(), sessionId)
			.orElseThrow(() -> RejectedRequest.notFound("training-session"));
		FieldErrors errors = new FieldErrors();
		String title = FieldErrors.clean(draft.title());
		errors.required("title", title, 200).required("maxScore", draft.maxScore());
		if (draft.maxScore() != null && (draft.maxScore().signum() <= 0
				|| draft.maxScore().compareTo(BigDecimal.valueOf(1000)) > 0)) {
			errors.add("maxScore", "personnel.exam.max.invalid");
		}
		if (draft.passScore() != null && draft.maxScore() != null
				&& !ExamScoring.valid(draft.passScore(), draft.maxScore())) {
			errors.add("passScore", "personnel.exam.pass.invalid");
		}
		errors.throwIfAny();
		records.setExam(session.id(), title, draft.passScore(), draft.maxScore());
		audit.record(AuditEntry.of("TRAINING_EXAM_SET", "training_plan", plan.id())
			.after(Map.of("sessionId", session.id(), "title", title, "maxScore", draft.maxScore().toPlainString(),
					"passScore", draft.passScore() == null ? "" : draft.passScore().toPlainString())));
	}

	/** Records attendees' exam scores; each must be an attendee, each score one the exam can give. */
	@Transactional
	public void scores(long planId, long sessionId, ScoresDraft draft) {
		PlanRow plan = kept(planId);
		SessionRow session = records.session(plan.id(), sessionId)
			.orElseThrow(() -> RejectedRequest.notFound("training-session"));
		if (!session.hasExam()) {
			throw RejectedRequest.unprocessable("no-exam", "personnel.exam.none");
		}
		Set<Long> attendees = records.attendance(plan.id()).stream()
			.filter(a -> a.sessionId() == session.id())
			.map(AttendanceRow::staffId)
			.collect(Collectors.toSet());
		Map<Long, BigDecimal> scores = new LinkedHashMap<>();
		FieldErrors errors = new FieldErrors();
		List<ScoreEntry> entries = draft.scores() == null ? List.of() : draft.scores();
		for (int i = 0; i < entries.size(); i++) {
			ScoreEntry entry = entries.get(i);
			if (entry == null || entry.staffId() == null || !attendees.contains(entry.staffId())) {
				errors.add("scores[" + i + "].staffId", "personnel.exam.not-attendee");
			}
			else if (entry.score() != null && !ExamScoring.valid(entry.score(), session.maxScore())) {
				errors.add("scores[" + i + "].score", "personnel.exam.score.invalid");
			}
			else {
				scores.put(entry.staffId(), entry.score());
			}
		}
		errors.throwIfAny();
		records.setScores(session.id(), scores);
		Map<String, String> audited = new LinkedHashMap<>();
		scores.forEach((id, score) -> audited.put(String.valueOf(id), score == null ? "" : score.toPlainString()));
		audit.record(AuditEntry.of("TRAINING_SCORES_RECORDED", "training_plan", plan.id())
			.after(Map.of("sessionId", session.id(), "scores", audited)));
	}

	@Transactional(readOnly = true)
	public org.yunwei.web.KeysetPage<TrainingPlanLine> plans(String cursor, Integer limit) {
		access.requireReader();
		NewestFirst after = NewestFirst.ofYears(cursor, limit);
		Function<Long, String> party = partyNames();
		return after.page(records.plans(access.scope(), after, after.limit() + 1).stream()
			.map(p -> new TrainingPlanLine(p.id(), party.apply(p.partyId()), p.year(), p.title(), p.needs()))
			.toList(), TrainingPlanLine::year, TrainingPlanLine::id);
	}

	@Transactional(readOnly = true)
	public TrainingPlanView view(long planId) {
		Actor reader = access.requireReader();
		DataScope scope = access.scope();
		PlanRow plan = records.plan(planId).filter(p -> scope.includes(p.partyId(), null))
			.orElseThrow(() -> RejectedRequest.notFound("training-plan"));
		List<AttendanceRow> attendance = records.attendance(plan.id());
		Map<Long, String> names = names(staff.findAll(attendance.stream().map(AttendanceRow::staffId).toList()));
		Map<Long, List<SessionView>> sessions = new HashMap<>();
		for (SessionRow s : records.sessions(plan.id())) {
			List<AttendeeView> attendees = attendance.stream()
				.filter(a -> a.sessionId() == s.id())
				.map(a -> new AttendeeView(a.staffId(), names.get(a.staffId()), a.score(),
						s.hasExam() ? ExamScoring.passed(a.score(), s.passScore()) : null, a.hours(), a.remarks()))
				.toList();
			sessions.computeIfAbsent(s.courseId(), c -> new ArrayList<>()).add(new SessionView(s.id(), s.heldOn(),
					s.place(), s.trainer(), s.examTitle(), s.passScore(), s.maxScore(), attendees));
		}
		List<CourseView> courses = records.courses(plan.id()).stream()
			.map(c -> new CourseView(c.id(), c.title(), c.category().name(), c.hours(),
					sessions.getOrDefault(c.id(), List.of())))
			.toList();
		boolean keeps = reader.can(org.yunwei.identity.Permission.PERSONNEL_MANAGE) && scope.mayWrite();
		List<StaffChoice> choices = List.of();
		if (keeps) {
			List<StaffMember> members = staff.ofParty(plan.partyId(), LIST_LIMIT);
			Map<Long, String> memberNames = names(members);
			choices = members.stream().map(m -> new StaffChoice(m.id(), memberNames.get(m.id()))).toList();
		}
		return new TrainingPlanView(plan.id(), plan.partyId(), partyNames().apply(plan.partyId()), plan.year(), plan.title(),
				plan.needs(), courses, keeps, choices);
	}

	/** A person's training record: the sessions they attended with their exam results, newest first. */
	List<TrainingLine> recordOf(long staffId) {
		return records.ofStaff(staffId).stream()
			.map(r -> new TrainingLine(r.planId(), r.planTitle(), r.courseTitle(), r.category().name(),
					r.attendedHours() != null ? r.attendedHours() : r.hours(),
					r.session().heldOn(), r.session().examTitle(), r.score(), r.session().maxScore(),
					r.session().hasExam() ? ExamScoring.passed(r.score(), r.session().passScore()) : null,
					r.remarks()))
			.toList();
	}

	/** The provider parties a keeper may plan for: the form's choices. */
	List<Party> parties() {
		return reading.providerParties();
	}

	/** The plan, locked, when the person asking keeps it; 404 otherwise. */
	PlanRow kept(long planId) {
		Actor keeper = access.requireKeeper();
		DataScope scope = access.scope();
		return records.planForUpdate(planId)
			.filter(p -> scope.includes(p.partyId(), null) && keeper.can(org.yunwei.identity.Permission.PERSONNEL_MANAGE))
			.orElseThrow(() -> RejectedRequest.notFound("training-plan"));
	}

	/** As for checks: a provider's keeper plans for their own party, management names the provider. */
	private Long provider(Actor keeper, Long partyId, FieldErrors errors) {
		if (keeper.partyKind() == PartyKind.PROVIDER) {
			if (partyId != null && partyId != keeper.partyId()) {
				errors.add("partyId", "personnel.party.other");
			}
			return keeper.partyId();
		}
		if (partyId == null) {
			errors.add("partyId", "field.required");
			return null;
		}
		DataScope scope = access.scope();
		if (organisations.findParty(partyId).filter(p -> p.kind() == PartyKind.PROVIDER && scope.includesParty(p.id()))
			.isEmpty()) {
			errors.add("partyId", "personnel.party.other");
		}
		return partyId;
	}

	/** Display names by staff record id. */
	private Map<Long, String> names(List<StaffMember> members) {
		Map<Long, String> byUser = people.findAll(members.stream().map(StaffMember::userId).toList()).stream()
			.collect(Collectors.toMap(Person::id, Person::displayName));
		Map<Long, String> byStaff = new HashMap<>();
		members.forEach(m -> byStaff.put(m.id(), byUser.get(m.userId())));
		return byStaff;
	}

	private Function<Long, String> partyNames() {
		Map<Long, String> cache = new HashMap<>();
		return id -> cache.computeIfAbsent(id, p -> organisations.findParty(p).map(Party::name).orElse(""));
	}
}
