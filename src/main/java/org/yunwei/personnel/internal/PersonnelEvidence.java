package org.yunwei.personnel.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunwei.compliance.Evidence;
import org.yunwei.compliance.Evidence.EvidenceLink;
import org.yunwei.compliance.Evidence.Figure;
import org.yunwei.compliance.Evidence.Note;
import org.yunwei.compliance.EvidenceRequest;
import org.yunwei.compliance.EvidenceSource;

/**
 * The staff records as evidence: 5.4.2a (掌握相关知识的证明文件) by the certificates on record, expired ones flagged as
 * gaps; 5.2.2a (人员储备计划和机制) by the reserve plan, posts short of their target as gaps (partial while no post has
 * a target); 4.4.2d (保密协议书) by the agreements in force, people without one as gaps; 5.6.2b.2 (保密检查情况表)
 * by the checks of the period; 5.6.2b.3 (泄密事件是否零发生) by the leak register, a leak in the period as a gap;
 * 5.2.2d (培训计划和培训实施记录) by the plans and the period's sessions, new staff without any
 * training as a gap; 5.6.2a.3, 5.6.2b.1 and 5.4.2d by the sessions and exam scores of 安全意识 and 保密法律法规 courses.
 * The appraisal items (5.2.2b, 5.2.2c, 5.4.2b, 10.1.2b, 5.5.2a–e) by the score sheets and appraisals. Records and
 * agreements are counted on the period's last day.
 */
@Component
class PersonnelEvidence implements EvidenceSource {

	static final String CERTIFICATES = "5.4.2a";
	static final String RESERVE = "5.2.2a";
	static final String AGREEMENTS = "4.4.2d";
	static final String CHECKS = "5.6.2b.2";
	static final String LEAKS = "5.6.2b.3";
	static final String TRAINING = "5.2.2d";
	static final String SECURITY_TRAINING = "5.6.2a.3";
	static final String CONFIDENTIALITY_TRAINING = "5.6.2b.1";
	static final String CONFIDENTIALITY_EXAMS = "5.4.2d";
	static final String PERFORMANCE = "5.2.2b";
	static final String SKILL_ASSESSMENT = "5.2.2c";
	static final String SKILL_RECORDS = "5.4.2b";
	static final String SKILL_TABLE = "10.1.2b";
	/** The abilities 5.5.2a–e ask a score sheet for, and the words an item's name uses for them. */
	static final java.util.Map<String, List<String>> ABILITIES = java.util.Map.of("5.5.2a", List.of("创新"),
			"5.5.2b", List.of("专业"), "5.5.2c", List.of("协作", "跨部门"), "5.5.2d", List.of("计划", "及时"),
			"5.5.2e", List.of("执行"));
	/** Staff who joined within this many days before the period's end count as new. */
	static final int NEW_STAFF_DAYS = 180;

	private final JdbcClient jdbc;

	PersonnelEvidence(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<String> items() {
		Set<String> items = new java.util.HashSet<>(Set.of(CERTIFICATES, RESERVE, AGREEMENTS, CHECKS, LEAKS, TRAINING,
				SECURITY_TRAINING, CONFIDENTIALITY_TRAINING, CONFIDENTIALITY_EXAMS, PERFORMANCE, SKILL_ASSESSMENT,
				SKILL_RECORDS, SKILL_TABLE));
		items.addAll(ABILITIES.keySet());
		return Set.copyOf(items);
	}

	@Override
	public List<Evidence> evidence(EvidenceRequest request) {
		LocalDate on = request.to();
		List<Object> params = new ArrayList<>();
		params.add(on);
		params.add(on);
		params.addAll(request.parameters());
		long[] counts = jdbc.sql("""
				select count(distinct s.id) as staff,
				  count(distinct s.id) filter (where s.post_id is not null) as posted,
				  count(c.id) filter (where c.expires_on is null or c.expires_on >= ?) as valid,
				  count(c.id) filter (where c.expires_on < ?) as expired,
				  count(distinct s.id) filter (where c.id is null) as without
				from staff_member s left join staff_certificate c on c.staff_id = s.id
				where """ + " " + request.providerCondition("s.party_id"))
			.params(params)
			.query((rs, n) -> new long[] { rs.getLong("staff"), rs.getLong("posted"), rs.getLong("valid"),
					rs.getLong("expired"), rs.getLong("without") })
			.single();
		List<Figure> figures = List.of(new Figure("evidence.personnel.staff", counts[0], "/staff"),
				new Figure("evidence.personnel.certificates.valid", counts[2], "/staff"),
				new Figure("evidence.personnel.certificates.expired", counts[3], "/staff"));
		List<EvidenceLink> links = List.of(new EvidenceLink("evidence.personnel.link.staff", "/staff"));
		Evidence certificates = counts[0] == 0
				? Evidence.partial(CERTIFICATES, List.of(), List.of(Note.of("evidence.personnel.missing.staff")))
					.withLinks(links)
				: Evidence.evidenced(CERTIFICATES, figures).withLinks(links);
		List<Note> gaps = new ArrayList<>();
		if (counts[3] > 0) {
			gaps.add(Note.of("evidence.personnel.gap.expired", counts[3]));
		}
		if (counts[4] > 0) {
			gaps.add(Note.of("evidence.personnel.gap.without-certificate", counts[4]));
		}
		Evidence reserve = reserve(request, counts[0], counts[1]);
		List<Evidence> all = new ArrayList<>(List.of(certificates.withGaps(gaps), reserve, agreements(request, counts[0]),
				checks(request), leaks(request), training(request),
				courses(SECURITY_TRAINING, CourseCategory.SECURITY_AWARENESS, request),
				courses(CONFIDENTIALITY_TRAINING, CourseCategory.CONFIDENTIALITY_LAW, request),
				courses(CONFIDENTIALITY_EXAMS, CourseCategory.CONFIDENTIALITY_LAW, request)));
		all.addAll(appraisals(request));
		return List.copyOf(all);
	}

	/**
	 * The appraisal items: 5.2.2b, 5.2.2c, 5.4.2b and 10.1.2b by the score sheets and the period's appraisals (partial
	 * while nobody was appraised in the period); 5.5.2a–e by a score sheet with an item for the ability (its name
	 * uses the ability's word: 创新, 专业, 协作, 计划/及时, 执行).
	 */
	private List<Evidence> appraisals(EvidenceRequest request) {
		long sheets = jdbc.sql("select count(*) from score_sheet").query(Long.class).single();
		List<Object> params = new ArrayList<>();
		params.add(request.from());
		params.add(request.to());
		params.addAll(request.parameters());
		long[] counts = jdbc.sql("""
				select count(*) as appraisals, count(distinct a.staff_id) as people from appraisal a
				where a.period_to >= ? and a.period_to <= ? and """ + " " + request.providerCondition("a.party_id"))
			.params(params)
			.query((rs, n) -> new long[] { rs.getLong("appraisals"), rs.getLong("people") })
			.single();
		List<EvidenceLink> links = List.of(new EvidenceLink("evidence.personnel.link.appraisals", "/appraisals"));
		List<Evidence> evidence = new ArrayList<>();
		for (String item : List.of(PERFORMANCE, SKILL_ASSESSMENT, SKILL_RECORDS, SKILL_TABLE)) {
			evidence.add(counts[0] == 0
					? Evidence.partial(item, List.of(Note.of("evidence.personnel.present.sheets", sheets)),
							List.of(Note.of("evidence.personnel.missing.appraisals"))).withLinks(links)
					: Evidence.evidenced(item, List.of(new Figure("evidence.personnel.sheets", sheets, "/appraisals"),
							new Figure("evidence.personnel.appraisals", counts[0], "/appraisals"),
							new Figure("evidence.personnel.appraised", counts[1], "/appraisals"))).withLinks(links));
		}
		List<String> names = jdbc.sql("select name from score_sheet_item").query(String.class).list();
		ABILITIES.forEach((item, words) -> {
			long defined = names.stream().filter(name -> words.stream().anyMatch(name::contains)).count();
			evidence.add(defined == 0
					? Evidence.partial(item, List.of(), List.of(Note.of("evidence.personnel.missing.sheet-item")))
						.withLinks(links)
					: Evidence.evidenced(item, List.of(new Figure("evidence.personnel.sheet-items", defined,
							"/appraisals"), new Figure("evidence.personnel.appraisals", counts[0], "/appraisals")))
						.withLinks(links));
		});
		return evidence;
	}

	/** 5.2.2d 培训计划和培训实施记录: plans, the period's sessions and attendances; untrained new staff as a gap. */
	private Evidence training(EvidenceRequest request) {
		long[] figures = trainingFigures(request, null);
		List<EvidenceLink> links = List.of(new EvidenceLink("evidence.personnel.link.trainings", "/trainings"));
		if (figures[0] == 0) {
			return Evidence.partial(TRAINING, List.of(), List.of(Note.of("evidence.personnel.missing.plans")))
				.withLinks(links);
		}
		List<Object> params = new ArrayList<>();
		params.add(request.to().minusDays(NEW_STAFF_DAYS));
		params.add(request.to());
		params.addAll(request.parameters());
		long untrained = jdbc.sql("""
				select count(*) from staff_member s where s.joined_on > ? and s.joined_on <= ?
				and not exists (select 1 from training_attendance a where a.staff_id = s.id) and """ + " "
				+ request.providerCondition("s.party_id"))
			.params(params)
			.query(Long.class)
			.single();
		Evidence evidence = Evidence.evidenced(TRAINING, List.of(
				new Figure("evidence.personnel.plans", figures[0], "/trainings"),
				new Figure("evidence.personnel.sessions", figures[1], "/trainings"),
				new Figure("evidence.personnel.attendances", figures[2], "/trainings")))
			.withLinks(links);
		return untrained > 0 ? evidence.withGaps(List.of(Note.of("evidence.personnel.gap.untrained", untrained,
				NEW_STAFF_DAYS))) : evidence;
	}

	/** Training of one kind of course (安全意识, 保密法律法规): the period's sessions and exam scores. */
	private Evidence courses(String item, CourseCategory category, EvidenceRequest request) {
		long[] figures = trainingFigures(request, category);
		List<EvidenceLink> links = List.of(new EvidenceLink("evidence.personnel.link.trainings", "/trainings"));
		if (figures[3] == 0) {
			return Evidence.partial(item, List.of(), List.of(Note.of("evidence.personnel.missing.course."
					+ category.name()))).withLinks(links);
		}
		return Evidence.evidenced(item, List.of(new Figure("evidence.personnel.sessions", figures[1], "/trainings"),
				new Figure("evidence.personnel.attendances", figures[2], "/trainings"),
				new Figure("evidence.personnel.scores", figures[4], "/trainings")))
			.withLinks(links);
	}

	/**
	 * Plans, the period's sessions, attendances, courses (of the category, or all) ever planned, and exam scores of
	 * the period.
	 */
	private long[] trainingFigures(EvidenceRequest request, CourseCategory category) {
		List<Object> params = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			params.add(request.from());
			params.add(request.to());
		}
		String kind = "true";
		if (category != null) {
			kind = "c.category = ?";
			params.add(category.name());
		}
		params.addAll(request.parameters());
		return jdbc.sql("""
				select count(distinct p.id) as plans,
				  count(distinct s.id) filter (where s.held_on >= ? and s.held_on <= ?) as sessions,
				  count(a.staff_id) filter (where s.held_on >= ? and s.held_on <= ?) as attendances,
				  count(distinct c.id) as courses,
				  count(a.score) filter (where s.held_on >= ? and s.held_on <= ?) as scores
				from training_plan p
				left join training_course c on c.plan_id = p.id and """ + " " + kind + """

				left join training_session s on s.course_id = c.id
				left join training_attendance a on a.session_id = s.id
				where """ + " " + request.providerCondition("p.party_id"))
			.params(params)
			.query((rs, n) -> new long[] { rs.getLong("plans"), rs.getLong("sessions"), rs.getLong("attendances"),
					rs.getLong("courses"), rs.getLong("scores") })
			.single();
	}


	/**
	 * 5.2.2a 人员储备计划和机制: evidenced once posts have reserve targets (人员储备计划), the posts short of theirs as a gap;
	 * partial while there is none.
	 */
	private Evidence reserve(EvidenceRequest request, long staff, long posted) {
		long[] targets = jdbc.sql("""
				select count(*) as posts, coalesce(sum(greatest(0, t.required + t.reserve - coalesce(s.staffed, 0))), 0)
				  as short_people, count(*) filter (where t.required + t.reserve > coalesce(s.staffed, 0)) as short_posts
				from reserve_target t
				left join (select post_id, count(*) as staffed from staff_member where post_id is not null
				  group by post_id) s on s.post_id = t.post_id
				where """ + " " + request.providerCondition("t.party_id"))
			.params(request.parameters())
			.query((rs, n) -> new long[] { rs.getLong("posts"), rs.getLong("short_people"), rs.getLong("short_posts") })
			.single();
		List<EvidenceLink> links = List.of(new EvidenceLink("evidence.personnel.link.reserve", "/staff/reserve"),
				new EvidenceLink("evidence.personnel.link.staff", "/staff"));
		if (targets[0] == 0) {
			return Evidence.partial(RESERVE, List.of(Note.of("evidence.personnel.present.staff", staff, posted)),
					List.of(Note.of("evidence.personnel.missing.reserve")))
				.withFigures(List.of(new Figure("evidence.personnel.staff", staff, "/staff")))
				.withLinks(links);
		}
		Evidence evidence = Evidence.evidenced(RESERVE, List.of(new Figure("evidence.personnel.staff", staff, "/staff"),
				new Figure("evidence.personnel.reserve.posts", targets[0], "/staff/reserve"),
				new Figure("evidence.personnel.reserve.short", targets[2], "/staff/reserve")))
			.withLinks(links);
		return targets[2] > 0 ? evidence.withGaps(List.of(Note.of("evidence.personnel.gap.reserve", targets[2],
				targets[1]))) : evidence;
	}

	/** 4.4.2d 保密协议书: the people with an agreement in force on the period's last day; those without are gaps. */
	private Evidence agreements(EvidenceRequest request, long staff) {
		List<Object> params = new ArrayList<>();
		params.add(request.to());
		params.add(request.to());
		params.addAll(request.parameters());
		long signed = jdbc.sql("""
				select count(*) from staff_member s where exists (select 1 from confidentiality_agreement a
				  where a.staff_id = s.id and a.signed_on <= ? and (a.expires_on is null or a.expires_on >= ?))
				and """ + " " + request.providerCondition("s.party_id"))
			.params(params)
			.query(Long.class)
			.single();
		List<EvidenceLink> links = List.of(new EvidenceLink("evidence.personnel.link.confidentiality",
				"/confidentiality"));
		if (staff == 0) {
			return Evidence.partial(AGREEMENTS, List.of(), List.of(Note.of("evidence.personnel.missing.staff")))
				.withLinks(links);
		}
		Evidence evidence = Evidence.evidenced(AGREEMENTS, List.of(
				new Figure("evidence.personnel.agreements.signed", signed, "/confidentiality"),
				new Figure("evidence.personnel.agreements.unsigned", staff - signed, "/confidentiality")))
			.withLinks(links);
		return staff > signed ? evidence.withGaps(List.of(Note.of("evidence.personnel.gap.unsigned", staff - signed)))
				: evidence;
	}

	/** 5.6.2b.2 保密检查情况表: the checks of the period, the failed ones among them. */
	private Evidence checks(EvidenceRequest request) {
		List<Object> params = new ArrayList<>();
		params.add(request.from());
		params.add(request.to());
		params.addAll(request.parameters());
		long[] counts = jdbc.sql("""
				select count(*) filter (where c.checked_on >= ? and c.checked_on <= ?) as period,
				  count(*) filter (where not c.passed) as failed, count(*) as ever
				from confidentiality_check c where """ + " " + request.providerCondition("c.party_id"))
			.params(params)
			.query((rs, n) -> new long[] { rs.getLong("period"), rs.getLong("failed"), rs.getLong("ever") })
			.single();
		List<EvidenceLink> links = List.of(new EvidenceLink("evidence.personnel.link.confidentiality",
				"/confidentiality"));
		if (counts[2] == 0) {
			return Evidence.partial(CHECKS, List.of(), List.of(Note.of("evidence.personnel.missing.checks")))
				.withLinks(links);
		}
		return Evidence.evidenced(CHECKS, List.of(new Figure("evidence.personnel.checks", counts[0], "/confidentiality"),
				new Figure("evidence.personnel.checks.failed", counts[1], "/confidentiality")))
			.withLinks(links);
	}

	/** 5.6.2b.3 泄密事件是否零发生: the register is kept; a leak in the period is a gap. */
	private Evidence leaks(EvidenceRequest request) {
		List<Object> params = new ArrayList<>();
		params.add(request.from());
		params.add(request.to());
		params.addAll(request.parameters());
		long leaks = jdbc.sql("select count(*) from leak_incident l where l.occurred_on >= ? and l.occurred_on <= ? and "
				+ request.providerCondition("l.party_id"))
			.params(params)
			.query(Long.class)
			.single();
		Evidence evidence = Evidence.evidenced(LEAKS, List.of(new Figure("evidence.personnel.leaks", leaks,
				"/confidentiality")))
			.withLinks(List.of(new EvidenceLink("evidence.personnel.link.confidentiality", "/confidentiality")));
		return leaks > 0 ? evidence.withGaps(List.of(Note.of("evidence.personnel.gap.leaks", leaks))) : evidence;
	}
}
