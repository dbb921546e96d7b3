package org.yunwei.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.yunwei.crypto.Digester;
import org.yunwei.dataset.Dataset;
import org.yunwei.dataset.DatasetAccount;
import org.yunwei.dataset.DatasetContext;
import org.yunwei.dataset.DatasetPlan;

/**
 * The generated city's parties and people: the management bureau (管理方), ten service providers (服务方) with a
 * service desk each, forty customer departments (委办局, 使用方) with their sub-units, a supervisor (监理方); agents,
 * desk managers, customer users and managers with their roles and API tokens. Codes start with {@code GEN-}.
 * <p>
 * Facts it publishes: {@code identity.providerParties} (List of party ids), {@code identity.providerUnit} (party id
 * to its root unit), {@code identity.agents} (provider party id to agent user ids), {@code identity.deskManagers}
 * (provider party id to the desk manager's user id), {@code identity.bureaus} (each bureau's root unit to the ids of
 * its whole subtree), {@code identity.customerUsers} (unit id to its users), {@code identity.names} (user id to
 * display name), {@code identity.managers} (management user ids), and the accounts.
 */
@Component
class IdentityDataset implements Dataset {

	/** Every generated person signs in with this password (the tokens in the accounts file need none). */
	static final String PASSWORD = "Yunwei#Data2026";
	static final String CITY = "江城市";

	private static final String[] PROVIDERS = { "江城电信数智科技有限公司", "江城移动信息服务有限公司", "华信政务云运营有限公司",
			"安泰网络安全技术有限公司", "博远办公设备服务有限公司", "恒达机电设施工程有限公司", "数港信息技术有限公司", "云桥系统集成有限公司",
			"启明运维服务有限公司", "方正楼宇智能科技有限公司" };
	private static final String[] BUREAUS = { "发展和改革委员会", "教育局", "科学技术局", "工业和信息化局", "公安局", "民政局", "司法局",
			"财政局", "人力资源和社会保障局", "自然资源和规划局", "生态环境局", "住房和城乡建设局", "交通运输局", "水务局", "农业农村局", "商务局",
			"文化广电旅游局", "卫生健康委员会", "退役军人事务局", "应急管理局", "审计局", "国有资产监督管理委员会", "市场监督管理局", "体育局",
			"统计局", "医疗保障局", "城市管理和综合执法局", "林业局", "信访局", "机关事务管理局", "地方金融监督管理局", "外事办公室",
			"民族宗教事务委员会", "档案局", "粮食和物资储备局", "人民防空办公室", "住房公积金管理中心", "不动产登记中心", "大数据中心",
			"行政审批服务局" };
	private static final String[] SECTIONS = { "信息中心", "政策法规科", "财务科", "人事科", "业务一科", "业务二科", "执法监督科", "档案室",
			"规划发展科", "安全保卫科" };
	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
			"胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "邓", "冯", "韩", "曹" };
	private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌宇浩然欣怡子涵雨轩博文思远嘉怡晨阳";
	static final int AGENTS_PER_PROVIDER = 6;
	static final int USERS_PER_CUSTOMER_UNIT = 2;

	private final JdbcClient jdbc;
	private final PasswordEncoder encoder;
	private final Digester digester;
	private final DirectoryPhones phones;

	IdentityDataset(JdbcClient jdbc, PasswordEncoder encoder, Digester digester, DirectoryPhones phones) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.digester = digester;
		this.phones = phones;
	}

	@Override
	public String name() {
		return "identity";
	}

	@Override
	public long generate(DatasetPlan plan, int chunk, DatasetContext context) {
		SplittableRandom random = plan.random(name(), chunk);
		Writer writer = new Writer(plan, random, encoder.encode(PASSWORD));
		long management = writer.party("MANAGEMENT", "GEN-MGT", CITY + "政务服务和数据管理局");
		long managementRoot = writer.unit(management, null, "GEN-MGT", CITY + "政务服务和数据管理局");
		long serviceUnit = writer.unit(management, managementRoot, "GEN-MGT-01", "信息化服务管理处");
		for (int i = 1; i <= 2; i++) {
			writer.user("manager" + two(i), serviceUnit, "SERVICE_MANAGER");
		}
		long supervision = writer.party("SUPERVISION", "GEN-SUP", CITY + "信息工程监理咨询有限公司");
		long supervisionRoot = writer.unit(supervision, null, "GEN-SUP", CITY + "信息工程监理咨询有限公司");
		writer.user("supervisor01", writer.unit(supervision, supervisionRoot, "GEN-SUP-01", "信息化监理部"),
				"SUPERVISOR");
		for (int p = 1; p <= PROVIDERS.length; p++) {
			String code = "GEN-P" + two(p);
			long party = writer.party("PROVIDER", code, PROVIDERS[p - 1]);
			long root = writer.unit(party, null, code, PROVIDERS[p - 1]);
			long desk = writer.unit(party, root, code + "-01", "运维服务台");
			long support = writer.unit(party, root, code + "-02", "技术支持部");
			writer.user("p" + two(p) + ".lead", desk, "SERVICE_DESK_MANAGER");
			for (int a = 1; a <= AGENTS_PER_PROVIDER; a++) {
				writer.user("p" + two(p) + ".agent" + two(a), a <= AGENTS_PER_PROVIDER / 2 ? desk : support,
						"SERVICE_DESK_AGENT");
			}
		}
		for (int b = 1; b <= BUREAUS.length; b++) {
			String code = "GEN-C" + two(b);
			String name = CITY + BUREAUS[b - 1];
			long party = writer.party("CUSTOMER", code, name);
			long root = writer.unit(party, null, code, name);
			List<Long> units = new ArrayList<>(List.of(root));
			units.add(writer.unit(party, root, code + "-00", "办公室"));
			int sections = 4 + random.nextInt(5);
			int first = random.nextInt(SECTIONS.length);
			for (int s = 0; s < sections; s++) {
				units.add(writer.unit(party, root, code + "-" + two(s + 1), SECTIONS[(first + s) % SECTIONS.length]));
			}
			for (int u = 0; u < units.size(); u++) {
				for (int n = 1; n <= USERS_PER_CUSTOMER_UNIT; n++) {
					writer.user("c" + two(b) + "." + two(u) + "." + n, units.get(u), null);
				}
			}
		}
		return writer.rows;
	}

	/** Writes parties, units, users and tokens one statement each: a thousand rows, a few seconds. */
	private final class Writer {

		private final DatasetPlan plan;
		private final SplittableRandom random;
		private final String passwordHash;
		private final Map<String, Long> roles = new LinkedHashMap<>();
		long rows;

		Writer(DatasetPlan plan, SplittableRandom random, String passwordHash) {
			this.plan = plan;
			this.random = random;
			this.passwordHash = passwordHash;
		}

		long party(String kind, String code, String name) {
			rows++;
			return jdbc.sql("insert into party (kind, code, name, created_at) values (?, ?, ?, ?) returning id")
				.params(kind, code, name, created())
				.query(Long.class)
				.single();
		}

		long unit(long party, Long parent, String code, String name) {
			rows++;
			String parentPath = parent == null ? "/" : jdbc.sql("select path from org_unit where id = ?")
				.param(parent).query(String.class).single();
			return jdbc.sql("""
					insert into org_unit (party_id, parent_id, code, name, path, created_at)
					values (?, ?, ?, ?, ?, ?) returning id""")
				.params(party, parent, code, name, "", created())
				.query(Long.class)
				.optional()
				.map(id -> {
					jdbc.sql("update org_unit set path = ? where id = ?").params(parentPath + id + "/", id).update();
					return id;
				})
				.orElseThrow();
		}

		void user(String username, long unit, String role) {
			String displayName = SURNAMES[random.nextInt(SURNAMES.length)] + given();
			String phone = "1" + (3 + random.nextInt(6)) + String.format("%09d", random.nextInt(1_000_000_000));
			long id = jdbc.sql("""
					insert into app_user (username, display_name, email, org_unit_id, password_hash,
					                      password_changed_at, created_at)
					values (?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(username, displayName, username + "@jiangcheng.gov.cn", unit, passwordHash,
						Timestamp.from(plan.anchor()), created())
				.query(Long.class)
				.single();
			// sealed under the person as any directory number is: the id is needed first
			DirectoryPhones.SealedPhone sealed = phones.seal(phone, id);
			jdbc.sql("update app_user set phone_sealed = ?, phone_digest = ? where id = ?")
				.params(sealed.sealed(), sealed.digest(), id)
				.update();
			rows++;
			if (role != null) {
				jdbc.sql("insert into user_role (user_id, role_id) values (?, ?)").params(id, role(role)).update();
				rows++;
			}
			jdbc.sql("insert into api_token (user_id, name, digest, created_at, expires_at) values (?, ?, ?, ?, ?)")
				.params(id, "数据生成器", digester.hexDigest(token(plan, username)), Timestamp.from(plan.anchor()),
						Timestamp.from(plan.anchor().plus(Duration.ofDays(PersonalTokens.MAX_DAYS))))
				.update();
			rows++;
		}

		private String given() {
			int length = 1 + random.nextInt(2);
			StringBuilder name = new StringBuilder();
			for (int i = 0; i < length; i++) {
				name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
			}
			return name.toString();
		}

		private long role(String code) {
			return roles.computeIfAbsent(code, c -> jdbc.sql("select id from role where code = ?").param(c)
				.query(Long.class).single());
		}

		private Timestamp created() {
			return Timestamp.from(plan.anchor().minus(Duration.ofDays(800)));
		}
	}

	/** A person's API token: 256 bits that follow from the seed and the username alone. */
	static String token(DatasetPlan plan, String username) {
		try {
			byte[] bits = MessageDigest.getInstance("SHA-256")
				.digest(("yunwei-dataset:" + plan.seed() + ":" + username).getBytes(StandardCharsets.UTF_8));
			return PersonalTokens.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every Java platform has SHA-256", e);
		}
	}

	private static String two(int n) {
		return String.format("%02d", n);
	}

	@Override
	public void describe(DatasetPlan plan, DatasetContext context) {
		record Person(long id, String username, String name, long unit, long party, String kind, String roles) {
		}
		List<Person> people = jdbc.sql("""
				select u.id, u.username, u.display_name, u.org_unit_id, p.id as party, p.kind,
				  coalesce((select string_agg(r.code, ',') from user_role ur join role r on r.id = ur.role_id
				            where ur.user_id = u.id), '') as roles
				from app_user u join org_unit o on o.id = u.org_unit_id join party p on p.id = o.party_id
				where p.code like 'GEN-%' order by u.id""")
			.query((rs, n) -> new Person(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getLong(5), rs.getString(6), rs.getString(7)))
			.list();
		Map<Long, List<Long>> agents = new LinkedHashMap<>();
		Map<Long, Long> deskManagers = new LinkedHashMap<>();
		Map<Long, List<Long>> customerUsers = new LinkedHashMap<>();
		Map<Long, String> names = new LinkedHashMap<>();
		List<Long> managers = new ArrayList<>();
		for (Person person : people) {
			names.put(person.id(), person.name());
			String token = token(plan, person.username());
			if (person.roles().contains("SERVICE_DESK_AGENT")) {
				agents.computeIfAbsent(person.party(), p -> new ArrayList<>()).add(person.id());
				context.add(DatasetContext.ACCOUNTS, new DatasetAccount(DatasetAccount.Role.AGENT, person.id(),
						person.username(), token, person.party(), person.unit()));
			}
			else if (person.roles().contains("SERVICE_DESK_MANAGER")) {
				deskManagers.put(person.party(), person.id());
			}
			else if (person.roles().contains("SERVICE_MANAGER")) {
				managers.add(person.id());
				context.add(DatasetContext.ACCOUNTS, new DatasetAccount(DatasetAccount.Role.MANAGER, person.id(),
						person.username(), token, person.party(), person.unit()));
			}
			else if (person.kind().equals("CUSTOMER")) {
				customerUsers.computeIfAbsent(person.unit(), u -> new ArrayList<>()).add(person.id());
				context.add(DatasetContext.ACCOUNTS, new DatasetAccount(DatasetAccount.Role.CUSTOMER, person.id(),
						person.username(), token, person.party(), person.unit()));
			}
		}
		Map<Long, Long> providerUnit = new LinkedHashMap<>();
		jdbc.sql("""
				select p.id, o.id from party p join org_unit o on o.party_id = p.id and o.parent_id is null
				where p.code like 'GEN-P%' order by p.code""")
			.query((rs, n) -> providerUnit.put(rs.getLong(1), rs.getLong(2)))
			.list();
		Map<Long, List<Long>> bureaus = new LinkedHashMap<>();
		jdbc.sql("""
				select r.id, o.id from party p join org_unit r on r.party_id = p.id and r.parent_id is null
				join org_unit o on o.path like r.path || '%'
				where p.code like 'GEN-C%' order by p.code, o.code""")
			.query((rs, n) -> bureaus.computeIfAbsent(rs.getLong(1), b -> new ArrayList<>()).add(rs.getLong(2)))
			.list();
		context.put("identity.providerParties", List.copyOf(providerUnit.keySet()));
		context.put("identity.providerUnit", providerUnit);
		context.put("identity.agents", agents);
		context.put("identity.deskManagers", deskManagers);
		context.put("identity.bureaus", bureaus);
		context.put("identity.customerUsers", customerUsers);
		context.put("identity.names", names);
		context.put("identity.managers", managers);
		context.count("parties", jdbc.sql("select count(*) from party where code like 'GEN-%'").query(Long.class)
			.single());
		context.count("orgUnits", jdbc.sql("select count(*) from org_unit where code like 'GEN-%'")
			.query(Long.class).single());
		context.count("users", people.size());
		context.count("agents", agents.values().stream().mapToLong(List::size).sum());
		context.count("customerUsers", customerUsers.values().stream().mapToLong(List::size).sum());
		context.count("managers", managers.size());
	}
}
