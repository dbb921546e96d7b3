package org.yunwei.personnel.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunwei.dataset.Dataset;
import org.yunwei.dataset.DatasetAccount;
import org.yunwei.dataset.DatasetContext;
import org.yunwei.dataset.DatasetPlan;
import org.yunwei.identity.People;
import org.yunwei.identity.Person;
import org.yunwei.identity.Staffing;

/**
 * The generated providers' O&M people as staff records: for each provider that has agents in the dataset, every one
 * of its people gets a record with a post of the provider, a date joined, skills and 信创 products, sometimes a
 * clearance, a phone and an ID number (valid check character) sealed as any record's, and zero to three certificates
 * (some expired); and the provider gets a training plan for the dataset's year with a course of each kind the
 * standard expects, a session of each attended by most of its people, and the exams of the 保密 and 安全意识
 * sessions scored. One chunk; people who have a record already are left as they are, so that a rerun adds nothing.
 */
@Component
class PersonnelDataset implements Dataset {

	static final int PEOPLE = 5_000;
	static final int POSTS = 500;
	private static final String[] SKILLS = { "网络运维", "服务器运维", "数据库运维", "存储运维", "中间件运维", "桌面运维",
			"安全运维", "机房运维", "应用系统运维", "虚拟化运维", "备份与恢复", "监控告警处理" };
	private static final String[] PRODUCTS = { "麒麟操作系统", "统信UOS", "达梦数据库", "人大金仓数据库", "东方通中间件",
			"宝兰德中间件", "鲲鹏服务器", "飞腾终端", "海光服务器", "华为交换机" };
	private static final String[][] CERTIFICATES = { { "信息系统运行管理员（软考初级）", "工业和信息化部教育与考试中心" },
			{ "系统集成项目管理工程师（软考中级）", "工业和信息化部教育与考试中心" },
			{ "网络工程师（软考中级）", "工业和信息化部教育与考试中心" },
			{ "注册信息安全专业人员（CISP）", "中国信息安全测评中心" }, { "HCIP-Datacom", "华为技术有限公司" },
			{ "麒麟操作系统认证工程师（KYCE）", "麒麟软件有限公司" }, { "达梦数据库认证专家（DCP）", "武汉达梦数据库股份有限公司" },
			{ "人大金仓数据库认证工程师（KCA）", "中电科金仓（北京）科技股份有限公司" }, { "ITSS 运维工程师", "中国电子工业标准化技术协会" } };
	private static final String[] AREAS = { "430102", "430103", "430104", "430105", "430111", "430112", "430121",
			"430181", "430202", "430302" };
	private static final String[][] COURSES = { { "DOMESTIC_EQUIPMENT", "国产化服务器与操作系统日常运维", "8" },
			{ "CONFIDENTIALITY_LAW", "保密法律法规与保密纪律", "4" }, { "APPLICATION_OPERATION", "政务应用系统日常管理", "6" },
			{ "SECURITY_AWARENESS", "网络安全意识与钓鱼邮件识别", "4" } };
	private static final String[] PLACES = { "运维中心三楼会议室", "市政务服务中心培训室", "线上会议" };
	private static final String[] TRAINERS = { "王志强", "刘敏", "陈立新", "赵丽华", "周建军" };

	private final People people;
	private final Staffing staffing;
	private final StaffRecords records;
	private final CertificateRecords certificates;
	private final TrainingRecords training;
	private final PersonalFields personal;
	private final JdbcClient jdbc;
	private final ZoneId zone;

	PersonnelDataset(People people, Staffing staffing, StaffRecords records, CertificateRecords certificates,
			TrainingRecords training, PersonalFields personal, JdbcClient jdbc,
			@Value("${yunwei.personnel.zone:Asia/Shanghai}") ZoneId zone) {
		this.people = people;
		this.staffing = staffing;
		this.records = records;
		this.certificates = certificates;
		this.training = training;
		this.personal = personal;
		this.jdbc = jdbc;
		this.zone = zone;
	}

	@Override
	public String name() {
		return "personnel";
	}

	@Override
	public Set<String> after() {
		return Set.of("identity");
	}

	@Override
	public long generate(DatasetPlan plan, int chunk, DatasetContext context) {
		List<DatasetAccount> accounts = context.has(DatasetContext.ACCOUNTS) ? context.get(DatasetContext.ACCOUNTS)
				: List.of();
		// the providers with agents, each with the agent who keeps its records: by party id, so that runs agree
		Map<Long, Long> keepers = new TreeMap<>();
		accounts.stream().filter(a -> a.role() == DatasetAccount.Role.AGENT)
			.forEach(a -> keepers.merge(a.partyId(), a.userId(), Long::min));
		SplittableRandom random = plan.random(name(), chunk);
		LocalDate today = LocalDate.ofInstant(plan.anchor(), zone);
		long rows = 0;
		for (Map.Entry<Long, Long> provider : keepers.entrySet()) {
			rows += provider(provider.getKey(), provider.getValue(), random, today);
		}
		return rows;
	}

	private long provider(long partyId, long keeper, SplittableRandom random, LocalDate today) {
		List<Person> staff = people.ofParty(partyId, PEOPLE);
		List<Long> recorded = records.recorded(staff.stream().map(Person::id).toList());
		List<Staffing.StaffedPost> posts = staffing.posts(partyId, POSTS);
		long rows = 0;
		List<Long> staffIds = new ArrayList<>();
		for (Person person : staff) {
			if (recorded.contains(person.id())) {
				continue;
			}
			StaffContent content = content(random, today, posts);
			long id = records.insert(person.id(), partyId, person.orgUnitId(), content,
					personal.sealPhone(content.phone(), person.id()),
					personal.sealIdNumber(content.idNumber(), person.id()));
			if (id < 0) {
				continue;
			}
			staffIds.add(id);
			rows++;
			int count = random.nextInt(4);
			for (int c = 0; c < count; c++) {
				String[] certificate = CERTIFICATES[random.nextInt(CERTIFICATES.length)];
				LocalDate issued = today.minusDays(30 + random.nextInt(2_500));
				// about one in eight has run out: the register's gap and the list's 已过期 show them
				LocalDate expires = random.nextInt(8) == 0 ? today.minusDays(1 + random.nextInt(200))
						: issued.plusYears(3 + random.nextInt(3));
				if (expires.isBefore(issued)) {
					issued = expires.minusYears(3);
				}
				certificates.insert(id, new CertificateDraft(certificate[0], certificate[1],
						"ZS" + (100_000_000L + random.nextInt(900_000_000)), issued, expires));
				rows++;
			}
		}
		if (!staffIds.isEmpty()) {
			rows += trainingPlan(partyId, keeper, staffIds, random, today);
		}
		return rows;
	}

	private StaffContent content(SplittableRandom random, LocalDate today, List<Staffing.StaffedPost> posts) {
		Long postId = posts.isEmpty() || random.nextInt(10) == 0 ? null : posts.get(random.nextInt(posts.size())).id();
		Clearance clearance = switch (random.nextInt(10)) {
			case 0 -> Clearance.CLASSIFIED_SITE;
			case 1, 2, 3 -> Clearance.MACHINE_ROOM;
			default -> Clearance.NONE;
		};
		LocalDate until = clearance == Clearance.NONE ? null : today.plusDays(30 + random.nextInt(700));
		return new StaffContent(postId, today.minusDays(20 + random.nextInt(3_000)), pick(SKILLS, 1, 3, random),
				pick(PRODUCTS, 0, 3, random), clearance, until,
				"1" + "3456789".charAt(random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000)),
				idNumber(random, today));
	}

	private static List<String> pick(String[] from, int least, int most, SplittableRandom random) {
		int count = least + random.nextInt(most - least + 1);
		LinkedHashSet<String> picked = new LinkedHashSet<>();
		while (picked.size() < count) {
			picked.add(from[random.nextInt(from.length)]);
		}
		return List.copyOf(picked);
	}

	/** A well-formed 18-character number: a Hunan area, a birth date of someone aged 22 to 55, a check character. */
	static String idNumber(SplittableRandom random, LocalDate today) {
		LocalDate born = today.minusYears(22 + random.nextInt(34)).minusDays(random.nextInt(365));
		String body = AREAS[random.nextInt(AREAS.length)] + born.toString().replace("-", "")
				+ String.format("%03d", random.nextInt(1_000));
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (body.charAt(i) - '0') * weights[i];
		}
		return body + "10X98765432".charAt(sum % 11);
	}

	/** The year's plan with a course of each kind, one session each, most people attending, exams scored. */
	private long trainingPlan(long partyId, long keeper, List<Long> staffIds, SplittableRandom random,
			LocalDate today) {
		long plan = training.insertPlan(partyId, today.getYear(), today.getYear() + "年度运维人员培训计划",
				"国产化设备上线后的运维能力；保密法律法规和网络安全意识的年度复训；新入职人员的应用系统日常管理", keeper);
		long rows = 1;
		for (String[] course : COURSES) {
			CourseCategory category = CourseCategory.valueOf(course[0]);
			long courseId = training.insertCourse(plan, course[1], category, new BigDecimal(course[2]));
			LocalDate held = today.minusDays(1 + random.nextInt(Math.max(1, today.getDayOfYear() - 1)));
			long session = training.insertSession(courseId, held, PLACES[random.nextInt(PLACES.length)],
					TRAINERS[random.nextInt(TRAINERS.length)]);
			List<Long> attended = staffIds.stream().filter(id -> random.nextInt(100) < 85).toList();
			training.setAttendance(session, attended);
			rows += 2 + attended.size();
			if (category == CourseCategory.CONFIDENTIALITY_LAW || category == CourseCategory.SECURITY_AWARENESS) {
				training.setExam(session, course[1] + "考核", new BigDecimal("60"), new BigDecimal("100"));
				Map<Long, BigDecimal> scores = new LinkedHashMap<>();
				for (Long id : attended) {
					scores.put(id, BigDecimal.valueOf(550 + random.nextInt(451)).divide(BigDecimal.TEN, 1,
							RoundingMode.UNNECESSARY));
				}
				training.setScores(session, scores);
			}
		}
		return rows;
	}

	@Override
	public void describe(DatasetPlan plan, DatasetContext context) {
		context.count("staff records", jdbc.sql("select count(*) from staff_member").query(Long.class).single());
		context.count("certificates", jdbc.sql("select count(*) from staff_certificate").query(Long.class).single());
		context.count("training attendances",
				jdbc.sql("select count(*) from training_attendance").query(Long.class).single());
	}
}
