package org.yunwei.cmdb.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
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

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunwei.dataset.CopyRows;
import org.yunwei.dataset.Dataset;
import org.yunwei.dataset.DatasetContext;
import org.yunwei.dataset.DatasetPlan;
import org.yunwei.dataset.DatasetService;
import org.yunwei.identity.OrganisationUnit;
import org.yunwei.identity.Organisations;

/**
 * The city's CMDB: one configuration item for every ten tickets (100,000 for the city of a million), about five
 * relations per item, of the shipped classes, laid out as a government network and cloud is: four core switches, two
 * cloud resource-pool networks and two storage clusters as hubs; aggregation switches, security devices and machine
 * room facilities on them; 鲲鹏/海光 host servers, cloud machines and volumes, databases and middleware (达梦, 人大金仓,
 * 东方通 …), each department's application systems and business services; then every department's access switches,
 * wireless access points, cameras, conference systems and office equipment (信创 desktops and laptops, printers,
 * phones), which depend on the application systems their people use.
 * <p>
 * Items are numbered 0..N-1 in that order and a relation is written with its later end, so that every relation's
 * ends exist when it is written; a chunk holds {@link DatasetPlan#chunkSize()} items. Everything about item {@code i}
 * — its class, names, addresses, dates, relations — follows from the seed and {@code i} alone, and ids continue from
 * the first generated item's, so a resumed chunk writes what the interrupted one would have. Each item gets its
 * history's first entry (CREATED, by 数据生成). Asset tags are {@code GEN-CI-0000001}…; unique attributes are left
 * empty, so that no {@code ci_unique_value} rows are needed.
 */
@Component
class CmdbDataset implements Dataset {

	static final String TAG_PREFIX = "GEN-CI-";
	private static final String BY = "数据生成";
	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** The layers in the order items are numbered: each relates only to layers before it. */
	enum Layer {
		CORE("NETWORK_DEVICE"), CLOUD_NETWORK("CLOUD_NETWORK"), STORAGE("STORAGE"), AGGREGATION("NETWORK_DEVICE"),
		SECURITY("SECURITY_DEVICE"), FACILITY("UPS"), HOST("PHYSICAL_SERVER"), VM("CLOUD_VM"),
		VOLUME("CLOUD_VOLUME"), DATABASE("DATABASE"), MIDDLEWARE("MIDDLEWARE"), APPLICATION("APPLICATION_SYSTEM"),
		SERVICE("BUSINESS_SERVICE"), ACCESS("NETWORK_DEVICE"), WIRELESS("WIRELESS_AP"), CAMERA("CAMERA"),
		CONFERENCE("CONFERENCE_SYSTEM"), OFFICE("DESKTOP");

		final String classCode;

		Layer(String classCode) {
			this.classCode = classCode;
		}
	}

	private static final String[] APPS = { "政务服务网上办事", "社保业务经办", "公积金管理", "不动产登记", "电子证照",
			"协同办公", "视频会议", "网格化社会治理", "数据共享交换", "12345热线", "行政审批", "财政预算管理", "人事工资管理",
			"档案管理", "纪检监察", "医保结算", "学籍管理", "市场主体登记", "环境监测", "应急指挥" };
	private static final String[] SERVICES = { "网上办事", "业务经办", "信息查询", "统一身份认证", "数据报送", "移动办公" };
	private static final String[] BUILDINGS = { "市民中心A座", "市民中心B座", "行政中心1号楼", "行政中心2号楼",
			"政务服务中心", "档案馆", "数据中心机房楼" };
	private static final String[] SUPPLIERS = { "华为技术有限公司", "新华三技术有限公司", "联想（北京）有限公司",
			"中国电信江城分公司", "浪潮电子信息产业股份有限公司", "中科曙光信息产业股份有限公司", "奔图电子有限公司",
			"锐捷网络股份有限公司", "海康威视数字技术股份有限公司" };
	private static final String[] DB_PRODUCTS = { "DM", "KINGBASE", "OSCAR", "GBASE", "OPENGAUSS", "OCEANBASE",
			"MYSQL", "POSTGRESQL" };
	private static final String[] DB_NAMES = { "达梦DM8", "人大金仓KES", "神通", "GBase 8s", "openGauss", "OceanBase",
			"MySQL", "PostgreSQL" };
	private static final String[] MW_PRODUCTS = { "TONGWEB", "BES", "APUSIC", "INFORSUITE", "NGINX", "TOMCAT" };
	private static final String[] MW_NAMES = { "东方通TongWeb", "宝兰德BES", "金蝶Apusic", "中创InforSuite", "Nginx",
			"Tomcat" };
	private static final String[] SECURITY = { "FIREWALL", "IDS_IPS", "WAF", "BASTION", "VPN", "AUDIT" };
	private static final String[] SECURITY_NAMES = { "防火墙", "入侵防御系统", "Web应用防火墙", "运维堡垒机", "VPN网关",
			"日志审计系统" };
	/** Office layer: desktop, laptop, printer, phone, video terminal, by share of 100. */
	private static final String[][] OFFICE = { { "DESKTOP", "办公电脑", "60" }, { "LAPTOP", "笔记本电脑", "14" },
			{ "PRINTER", "打印机", "14" }, { "PHONE", "IP电话", "9" }, { "VIDEO_TERMINAL", "视频终端", "3" } };
	private static final String[][] DESKTOP_XC = { { "ARM64", "PHYTIUM", "KYLIN", "长城" },
			{ "ARM64", "KUNPENG", "UOS", "华为" }, { "X86_64", "HYGON", "UOS", "清华同方" },
			{ "X86_64", "ZHAOXIN", "KYLIN", "联想" }, { "LOONGARCH", "LOONGSON", "UOS", "龙芯中科" },
			{ "X86_64", "INTEL", "WINDOWS", "联想" } };

	private final CiClasses classes;
	private final Organisations organisations;
	private final JdbcClient jdbc;
	private final DataSource dataSource;

	CmdbDataset(CiClasses classes, Organisations organisations, JdbcClient jdbc, DataSource dataSource) {
		this.classes = classes;
		this.organisations = organisations;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	@Override
	public String name() {
		return "cmdb";
	}

	@Override
	public Set<String> after() {
		// after the tickets, so that a run stopped early has its tickets first; it reads identity's and catalog's facts
		return Set.of("identity", "catalog", "tickets");
	}

	/** One item for every ten tickets, at least 200 once there are tickets at all. */
	static int items(DatasetPlan plan) {
		return plan.tickets() == 0 ? 0 : Math.max(200, plan.tickets() / 10);
	}

	@Override
	public int chunks(DatasetPlan plan) {
		return plan.chunksOf(items(plan));
	}

	/** Where each layer starts among the item numbers, for n items; the office layer takes what is left. */
	static int[] layout(int n) {
		int[] size = new int[Layer.values().length];
		size[Layer.CORE.ordinal()] = 4;
		size[Layer.CLOUD_NETWORK.ordinal()] = 2;
		size[Layer.STORAGE.ordinal()] = 2;
		size[Layer.AGGREGATION.ordinal()] = Math.max(4, n / 500);
		size[Layer.SECURITY.ordinal()] = Math.max(2, n / 1000);
		size[Layer.FACILITY.ordinal()] = Math.max(2, n / 1000);
		size[Layer.HOST.ordinal()] = Math.max(4, n * 3 / 100);
		size[Layer.VM.ordinal()] = Math.max(20, n * 20 / 100);
		size[Layer.VOLUME.ordinal()] = Math.max(5, n * 5 / 100);
		size[Layer.DATABASE.ordinal()] = Math.max(3, n * 2 / 100);
		size[Layer.MIDDLEWARE.ordinal()] = Math.max(3, n * 2 / 100);
		size[Layer.APPLICATION.ordinal()] = Math.max(2, n / 100);
		size[Layer.SERVICE.ordinal()] = Math.max(1, n * 3 / 1000);
		size[Layer.ACCESS.ordinal()] = Math.max(4, n * 2 / 100);
		size[Layer.WIRELESS.ordinal()] = Math.max(2, n * 2 / 100);
		size[Layer.CAMERA.ordinal()] = Math.max(2, n * 3 / 100);
		size[Layer.CONFERENCE.ordinal()] = Math.max(1, n / 200);
		int[] start = new int[size.length + 1];
		for (int l = 0; l < size.length - 1; l++) {
			start[l + 1] = start[l] + size[l];
		}
		start[size.length] = n;
		return start;
	}

	static Layer layerOf(int[] start, int i) {
		for (int l = Layer.values().length - 1; l >= 0; l--) {
			if (i >= start[l]) {
				return Layer.values()[l];
			}
		}
		return Layer.CORE;
	}

	/** What an item needs from the earlier contributors: the departments, their units and people, the providers. */
	private record City(List<Long> bureaus, Map<Long, List<Long>> unitsOf, Map<Long, String> bureauNames,
			Map<Long, List<Long>> usersOf, List<Long> providers, Map<Long, List<Long>> agentsOf,
			Map<String, Map<Long, Long>> providerOfUnit) {

		long provider(String serviceObject, Long unit, int i) {
			Long served = unit == null ? null : providerOfUnit.getOrDefault(serviceObject, Map.of()).get(unit);
			return served != null ? served : providers.get(Math.floorMod(i, providers.size()));
		}
	}

	private City city(DatasetContext context) {
		Map<Long, List<Long>> unitsOf = context.get("identity.bureaus");
		List<Long> bureaus = new ArrayList<>(new TreeMap<>(unitsOf).keySet());
		Map<Long, String> names = new LinkedHashMap<>();
		for (OrganisationUnit unit : organisations.findAll(bureaus)) {
			names.put(unit.id(), shortName(unit.partyName()));
		}
		Map<String, Map<Long, Long>> providerOfUnit = new LinkedHashMap<>();
		List<DatasetService> services = context.get(DatasetContext.SERVICES);
		for (DatasetService service : services) {
			Map<Long, Long> units = providerOfUnit.computeIfAbsent(service.serviceObject(), k -> new TreeMap<>());
			service.orgUnitIds().forEach(u -> units.putIfAbsent(u, service.providerPartyId()));
		}
		return new City(bureaus, unitsOf, names, context.get("identity.customerUsers"),
				context.get("identity.providerParties"), context.get("identity.agents"), providerOfUnit);
	}

	/** 江城市人力资源和社会保障局 → 人力资源和社会保障局: the department's name as its items carry it. */
	private static String shortName(String party) {
		return party.startsWith("江城市") ? party.substring(3) : party;
	}

	@Override
	public long generate(DatasetPlan plan, int chunk, DatasetContext context) {
		int n = items(plan);
		int from = chunk * plan.chunkSize();
		int to = Math.min(n, from + plan.chunkSize());
		if (from >= to) {
			return 0;
		}
		City city = city(context);
		int[] start = layout(n);
		Map<String, CiClass> byCode = new LinkedHashMap<>();
		for (Layer layer : Layer.values()) {
			byCode.put(layer.classCode, classes.findByCode(layer.classCode).orElseThrow());
		}
		for (String[] office : OFFICE) {
			byCode.put(office[0], classes.findByCode(office[0]).orElseThrow());
		}
		CiClass ac = classes.findByCode("AIR_CONDITIONER").orElseThrow();
		byCode.put(ac.code(), ac);
		long itemBase = chunk == 0 ? jdbc.sql("select coalesce(max(id), 0) + 1 from configuration_item")
			.query(Long.class).single()
				: jdbc.sql("select id from configuration_item where asset_tag = ?").param(tag(0)).query(Long.class)
					.single();
		long relationId = jdbc.sql("select coalesce(max(id), 0) + 1 from ci_relation").query(Long.class).single();
		long changeId = jdbc.sql("select coalesce(max(id), 0) + 1 from ci_change").query(Long.class).single();
		long seed = plan.random(name(), 0).nextLong();

		List<Generated> generated = new ArrayList<>(to - from);
		for (int i = from; i < to; i++) {
			generated.add(item(i, n, start, city, byCode, seed, plan.anchor()));
		}
		long rows = 0;
		try (CopyRows copy = CopyRows.into(dataSource, "configuration_item", "id, class_id, class_path, name, "
				+ "lifecycle, asset_tag, serial_number, ip_address, customer_unit_id, provider_party_id, owner_user_id, "
				+ "custodian_user_id, building, floor, room, rack, supplier, purchased_on, purchase_price, "
				+ "warranty_until, attributes, version, created_at, updated_at")) {
			for (Generated g : generated) {
				ItemFields f = g.fields();
				copy.row(itemBase + g.index(), g.itemClass().id(), g.itemClass().path(), f.name(), g.lifecycle().name(),
						f.assetTag(), f.serialNumber(), f.ipAddress(), f.customerUnitId(), f.providerPartyId(),
						f.ownerUserId(), f.custodianUserId(), f.building(), f.floor(), f.room(), f.rack(), f.supplier(),
						f.purchasedOn(), f.purchasePrice(), f.warrantyUntil(),
						ConfigurationItemRecords.JSON.writeValueAsString(f.attributes()), 1, g.createdAt(),
						g.createdAt());
			}
			rows += copy.finish();
		}
		try (CopyRows copy = CopyRows.into(dataSource, "ci_change",
				"id, item_id, version, kind, changed_at, changed_by_name, reason, changes, snapshot")) {
			for (Generated g : generated) {
				ConfigurationItem item = ConfigurationItem.record(g.itemClass(), Lifecycle.PLANNED, g.fields());
				Map<String, Object> snapshot = item.snapshot();
				snapshot.put("lifecycle", g.lifecycle().name());
				List<FieldChange> recorded = new ArrayList<>();
				snapshot.forEach((field, value) -> {
					if (value != null && !field.equals("classId")) {
						recorded.add(new FieldChange(field, null, value));
					}
				});
				copy.row(changeId++, itemBase + g.index(), 1, "CREATED", g.createdAt(), BY, "台账初始化",
						ConfigurationItemRecords.JSON.writeValueAsString(recorded),
						ConfigurationItemRecords.JSON.writeValueAsString(snapshot));
			}
			rows += copy.finish();
		}
		try (CopyRows copy = CopyRows.into(dataSource, "ci_relation",
				"id, source_id, target_id, type, created_at, created_by_name")) {
			for (Generated g : generated) {
				for (long[] r : g.relations()) {
					// r: source number, target number, type ordinal; dated when the later end was recorded
					copy.row(relationId++, itemBase + r[0], itemBase + r[1], RelationType.values()[(int) r[2]].name(),
							g.createdAt(), BY);
				}
			}
			rows += copy.finish();
		}
		jdbc.sql("select setval(pg_get_serial_sequence('configuration_item', 'id'), (select max(id) from configuration_item))")
			.query(Long.class).single();
		jdbc.sql("select setval(pg_get_serial_sequence('ci_change', 'id'), (select max(id) from ci_change))")
			.query(Long.class).single();
		jdbc.sql("select setval(pg_get_serial_sequence('ci_relation', 'id'), (select max(id) from ci_relation))")
			.query(Long.class).single();
		return rows;
	}

	static String tag(int i) {
		return TAG_PREFIX + String.format("%07d", i + 1);
	}

	/** One generated item: its number, class, fields, lifecycle, creation and the relations written with it. */
	private record Generated(int index, CiClass itemClass, ItemFields fields, Lifecycle lifecycle, Instant createdAt,
			List<long[]> relations) {
	}

	/** Item {@code i}, a function of the seed and {@code i} alone. */
	private Generated item(int i, int n, int[] start, City city, Map<String, CiClass> byCode, long seed,
			Instant anchor) {
		SplittableRandom random = new SplittableRandom(seed ^ (i * 0x9E3779B97F4A7C15L));
		Layer layer = layerOf(start, i);
		int within = i - start[layer.ordinal()];
		Long bureau = city.bureaus().get(Math.floorMod(within * 7 + layer.ordinal(), city.bureaus().size()));
		String dept = city.bureauNames().getOrDefault(bureau, "");
		List<Long> units = city.unitsOf().get(bureau);
		Long unit = units.get(random.nextInt(units.size()));
		String classCode = layer.classCode;
		Map<String, Object> attributes = new TreeMap<>();
		List<long[]> relations = new ArrayList<>();
		Set<Long> related = new LinkedHashSet<>();
		String name;
		String building = BUILDINGS[random.nextInt(BUILDINGS.length)];
		String floor = (1 + random.nextInt(12)) + "层";
		String room = null;
		String rack = null;
		String serviceObject;
		boolean ofUnit = true;
		String app = APPS[Math.floorMod(within, APPS.length)];
		switch (layer) {
			case CORE -> {
				name = "政务外网核心交换机-0" + (within + 1);
				attributes.putAll(Map.of("device_type", "SWITCH", "network_role", "CORE", "brand", "华为", "model",
						"CE12808", "xinchuang", "YES"));
				if (within > 0) {
					relate(relations, related, i, start[Layer.CORE.ordinal()] + within - 1, RelationType.CONNECTED_TO);
				}
				serviceObject = "NETWORK_SECURITY";
				ofUnit = false;
			}
			case CLOUD_NETWORK -> {
				name = "江城市政务云资源池网络-" + (within + 1);
				attributes.putAll(Map.of("cloud_platform", "江城市政务云", "cidr", "10." + (100 + within) + ".0.0/16"));
				relate(relations, related, i, pick(start, Layer.CORE, random), RelationType.DEPENDS_ON);
				serviceObject = "GOVERNMENT_CLOUD";
				ofUnit = false;
			}
			case STORAGE -> {
				name = "政务云分布式存储集群-" + (within + 1);
				attributes.putAll(Map.of("storage_type", "DISTRIBUTED", "capacity_tb", 2048, "brand", "华为",
						"model", "OceanStor Pacific"));
				relate(relations, related, i, pick(start, Layer.CORE, random), RelationType.CONNECTED_TO);
				serviceObject = "GOVERNMENT_CLOUD";
				ofUnit = false;
			}
			case AGGREGATION -> {
				name = building + "汇聚交换机-" + (within + 1);
				attributes.putAll(Map.of("device_type", "SWITCH", "network_role", "AGGREGATION", "brand", "新华三",
						"model", "S7506X", "port_count", 48));
				relate(relations, related, i, pick(start, Layer.CORE, random), RelationType.CONNECTED_TO);
				relate(relations, related, i, pick(start, Layer.CORE, random), RelationType.CONNECTED_TO);
				serviceObject = "NETWORK_SECURITY";
				ofUnit = false;
			}
			case SECURITY -> {
				int kind = random.nextInt(SECURITY.length);
				name = "政务外网" + SECURITY_NAMES[kind] + "-" + (within + 1);
				attributes.putAll(Map.of("security_type", SECURITY[kind], "sm_crypto", "YES", "brand", "奇安信"));
				relate(relations, related, i, pick(start, Layer.CORE, random), RelationType.CONNECTED_TO);
				serviceObject = "NETWORK_SECURITY";
				ofUnit = false;
			}
			case FACILITY -> {
				boolean ups = within % 2 == 0;
				classCode = ups ? "UPS" : "AIR_CONDITIONER";
				name = "数据中心" + (ups ? "UPS不间断电源-" : "精密空调-") + (within / 2 + 1);
				attributes.putAll(ups ? Map.of("capacity_kva", 200, "brand", "科华") : Map.of("cooling_kw", 80,
						"brand", "艾默生"));
				building = "数据中心机房楼";
				room = "主机房";
				serviceObject = "INFRASTRUCTURE";
				ofUnit = false;
			}
			case HOST -> {
				boolean kunpeng = random.nextInt(3) > 0;
				name = "政务云宿主机-" + (kunpeng ? "鲲鹏" : "海光") + "-" + String.format("%05d", within + 1);
				attributes.putAll(Map.of("cpu_arch", kunpeng ? "ARM64" : "X86_64", "cpu_vendor",
						kunpeng ? "KUNPENG" : "HYGON", "os", kunpeng ? "OPENEULER" : "KYLIN", "xinchuang", "YES",
						"cpu_cores", kunpeng ? 128 : 64, "memory_gb", 512, "brand", kunpeng ? "华为" : "中科曙光",
						"model", kunpeng ? "TaiShan 200" : "R6240H0"));
				building = "数据中心机房楼";
				room = "主机房";
				rack = (char) ('A' + within / 20 % 12) + "-" + String.format("%02d", within % 20 + 1);
				relate(relations, related, i, pick(start, Layer.AGGREGATION, random), RelationType.CONNECTED_TO);
				relate(relations, related, i, pick(start, Layer.AGGREGATION, random), RelationType.CONNECTED_TO);
				relate(relations, related, i, pick(start, Layer.FACILITY, random), RelationType.DEPENDS_ON);
				relate(relations, related, i, pick(start, Layer.STORAGE, random), RelationType.BACKED_UP_BY);
				serviceObject = "GOVERNMENT_CLOUD";
				ofUnit = false;
			}
			case VM -> {
				String[] role = { "应用", "数据库", "中间件", "前置", "接口" };
				name = dept + "-" + app + "-" + role[random.nextInt(role.length)] + "-" + (within + 1);
				attributes.putAll(Map.of("vcpus", 4 << random.nextInt(3), "memory_gb", 8 << random.nextInt(3),
						"cloud_platform", "江城市政务云", "tenant", dept, "os", random.nextBoolean() ? "KYLIN" : "UOS",
						"cpu_arch", "ARM64", "xinchuang", "YES"));
				unit = bureau;
				relate(relations, related, i, pick(start, Layer.HOST, random), RelationType.RUNS_ON);
				relate(relations, related, i, pick(start, Layer.CLOUD_NETWORK, random), RelationType.DEPENDS_ON);
				relate(relations, related, i, pick(start, Layer.STORAGE, random), RelationType.BACKED_UP_BY);
				serviceObject = "GOVERNMENT_CLOUD";
			}
			case VOLUME -> {
				name = dept + "-云硬盘-" + (within + 1);
				attributes.putAll(Map.of("size_gb", 100 << random.nextInt(4), "cloud_platform", "江城市政务云",
						"tenant", dept));
				unit = bureau;
				// the machine depends on its volume: the relation is written with the volume, the later of the two
				relations.add(new long[] { pick(start, Layer.VM, random), i, RelationType.DEPENDS_ON.ordinal() });
				serviceObject = "GOVERNMENT_CLOUD";
			}
			case DATABASE -> {
				int product = random.nextInt(DB_PRODUCTS.length);
				name = dept + app + "数据库（" + DB_NAMES[product] + "）-" + (within + 1);
				attributes.putAll(Map.of("db_product", DB_PRODUCTS[product], "db_version", "V8", "port", 5236));
				unit = bureau;
				relate(relations, related, i, pick(start, Layer.VM, random), RelationType.INSTALLED_ON);
				serviceObject = "GOVERNMENT_CLOUD";
			}
			case MIDDLEWARE -> {
				int product = random.nextInt(MW_PRODUCTS.length);
				name = dept + app + MW_NAMES[product] + "-" + (within + 1);
				attributes.putAll(Map.of("mw_product", MW_PRODUCTS[product], "mw_version", "7.0"));
				unit = bureau;
				relate(relations, related, i, pick(start, Layer.VM, random), RelationType.INSTALLED_ON);
				serviceObject = "GOVERNMENT_CLOUD";
			}
			case APPLICATION -> {
				name = dept + app + "系统" + (within >= APPS.length ? "（" + (within / APPS.length + 1) + "期）" : "");
				attributes.putAll(Map.of("dengbao_level", random.nextInt(4) == 0 ? "L3" : "L2", "xinchuang", "YES",
						"url", "https://" + Integer.toString(i, 36) + ".jiangcheng.gov.cn"));
				unit = bureau;
				for (int k = 0; k < 2 + random.nextInt(2); k++) {
					relate(relations, related, i, pick(start, Layer.VM, random), RelationType.RUNS_ON);
				}
				relate(relations, related, i, pick(start, Layer.DATABASE, random), RelationType.DEPENDS_ON);
				relate(relations, related, i, pick(start, Layer.MIDDLEWARE, random), RelationType.DEPENDS_ON);
				serviceObject = "GOVERNMENT_CLOUD";
			}
			case SERVICE -> {
				name = dept + SERVICES[random.nextInt(SERVICES.length)] + "服务-" + (within + 1);
				attributes.put("service_hours", "工作日 8:30-17:30");
				unit = bureau;
				for (int k = 0; k < 1 + random.nextInt(3); k++) {
					relate(relations, related, i, pick(start, Layer.APPLICATION, random), RelationType.DEPENDS_ON);
				}
				serviceObject = "GOVERNMENT_CLOUD";
			}
			case ACCESS -> {
				name = dept + floor + "接入交换机-" + (within + 1);
				attributes.putAll(Map.of("device_type", "SWITCH", "network_role", "ACCESS", "brand", "锐捷",
						"model", "RG-S2910", "port_count", 24, "xinchuang", "YES"));
				relate(relations, related, i, pick(start, Layer.AGGREGATION, random), RelationType.CONNECTED_TO);
				serviceObject = "NETWORK_SECURITY";
			}
			case WIRELESS -> {
				name = dept + floor + "无线AP-" + (within + 1);
				attributes.putAll(Map.of("ssid", "JC-GOV", "brand", "华为"));
				relate(relations, related, i, pick(start, Layer.ACCESS, random), RelationType.CONNECTED_TO);
				serviceObject = "NETWORK_SECURITY";
			}
			case CAMERA -> {
				name = dept + floor + "监控摄像机-" + (within + 1);
				attributes.putAll(Map.of("resolution", "1080P", "brand", "海康威视"));
				relate(relations, related, i, pick(start, Layer.ACCESS, random), RelationType.CONNECTED_TO);
				serviceObject = "INFRASTRUCTURE";
			}
			case CONFERENCE -> {
				name = dept + floor + "会议室会议系统-" + (within + 1);
				attributes.putAll(Map.of("room_capacity", 20 + random.nextInt(5) * 10, "brand", "华为"));
				relate(relations, related, i, pick(start, Layer.ACCESS, random), RelationType.CONNECTED_TO);
				relate(relations, related, i, pick(start, Layer.APPLICATION, random), RelationType.DEPENDS_ON);
				serviceObject = "OFFICE_EQUIPMENT";
			}
			default -> {
				int share = random.nextInt(100);
				String[] office = OFFICE[0];
				for (String[] candidate : OFFICE) {
					share -= Integer.parseInt(candidate[2]);
					if (share < 0) {
						office = candidate;
						break;
					}
				}
				classCode = office[0];
				name = dept + office[1] + "-" + String.format("%05d", within + 1);
				if (classCode.equals("DESKTOP") || classCode.equals("LAPTOP")) {
					String[] xc = DESKTOP_XC[random.nextInt(DESKTOP_XC.length)];
					attributes.putAll(Map.of("cpu_arch", xc[0], "cpu_vendor", xc[1], "os", xc[2], "brand", xc[3],
							"xinchuang", xc[1].equals("INTEL") ? "NO" : "YES"));
				}
				else if (classCode.equals("PRINTER")) {
					attributes.putAll(Map.of("print_type", "LASER", "brand", "奔图", "model", "P3300DN"));
				}
				relate(relations, related, i, pick(start, Layer.ACCESS, random), RelationType.CONNECTED_TO);
				serviceObject = "OFFICE_EQUIPMENT";
			}
		}
		// the people's terminals depend on several systems and the cloud's machines, databases and systems on each
		// other: about five relations an item in all
		boolean terminal = layer == Layer.OFFICE || layer == Layer.CONFERENCE;
		boolean cloud = layer.ordinal() >= Layer.VM.ordinal() && layer.ordinal() <= Layer.SERVICE.ordinal();
		int target = terminal ? 7 : cloud ? 6 : relations.size();
		for (int tries = 0; relations.size() < target && tries < 10; tries++) {
			Layer on = layer.ordinal() >= Layer.ACCESS.ordinal()
					? (random.nextInt(4) == 0 ? Layer.SERVICE : Layer.APPLICATION)
					: layer.ordinal() > Layer.VM.ordinal() ? Layer.VM : null;
			if (on == null) {
				// a cloud machine calls the interfaces of other machines numbered before it
				if (within == 0) {
					break;
				}
				relate(relations, related, i, start[Layer.VM.ordinal()] + random.nextInt(within),
						RelationType.DEPENDS_ON);
			}
			else {
				relate(relations, related, i, pick(start, on, random), RelationType.DEPENDS_ON);
			}
		}
		CiClass itemClass = byCode.get(classCode);
		Long owner;
		Long custodian;
		Long provider = city.provider(serviceObject, ofUnit ? unit : null, i);
		if (ofUnit) {
			List<Long> people = city.usersOf().getOrDefault(unit, List.of());
			owner = people.isEmpty() ? null : people.get(random.nextInt(people.size()));
			custodian = people.isEmpty() ? null : people.get(random.nextInt(people.size()));
		}
		else {
			List<Long> agents = city.agentsOf().getOrDefault(provider, List.of());
			owner = agents.isEmpty() ? null : agents.get(random.nextInt(agents.size()));
			custodian = owner;
			unit = null;
		}
		boolean addressed = !classCode.equals("UPS") && !classCode.equals("AIR_CONDITIONER")
				&& !classCode.equals("CLOUD_VOLUME") && !classCode.equals("BUSINESS_SERVICE");
		String ip = addressed ? "10." + (20 + i / 64_516) + "." + (i / 254 % 254 + 1) + "." + (i % 254 + 1) : null;
		if (room == null && ofUnit && layer.ordinal() >= Layer.ACCESS.ordinal()) {
			room = (1 + random.nextInt(12)) + String.format("%02d", 1 + random.nextInt(30)) + "室";
		}
		boolean virtual = layer == Layer.VM || layer == Layer.VOLUME || layer == Layer.DATABASE
				|| layer == Layer.MIDDLEWARE || layer == Layer.APPLICATION || layer == Layer.SERVICE
				|| layer == Layer.CLOUD_NETWORK;
		int ageDays = 30 + random.nextInt(2_400);
		Instant created = anchor.minus(Duration.ofDays(ageDays)).minus(Duration.ofMinutes(random.nextInt(600)));
		LocalDate purchased = virtual ? null : LocalDate.ofInstant(created, ZONE).minusDays(random.nextInt(20));
		LocalDate warranty = purchased == null ? null : purchased.plusYears(random.nextInt(4) == 0 ? 5 : 3);
		BigDecimal price = purchased == null ? null
				: BigDecimal.valueOf(layer == Layer.OFFICE ? 3_000 + random.nextInt(6_000)
						: 20_000 + random.nextInt(300_000));
		String serial = virtual ? null
				: Long.toString(Math.abs(seed ^ (i * 0xC2B2AE3D27D4EB4FL)) % 2_176_782_336L, 36).toUpperCase()
						+ String.format("%06d", i);
		int roll = random.nextInt(100);
		Lifecycle lifecycle = roll < 88 ? Lifecycle.IN_USE : roll < 93 ? Lifecycle.IN_STOCK
				: roll < 95 ? Lifecycle.UNDER_REPAIR : roll < 99 ? Lifecycle.RETIRED : Lifecycle.PLANNED;
		if (!ofUnit || layer == Layer.APPLICATION || layer == Layer.SERVICE || layer == Layer.ACCESS) {
			// the shared infrastructure and the systems people rely on are in use
			lifecycle = Lifecycle.IN_USE;
		}
		ItemFields fields = new ItemFields(name, tag(i), serial, ip, unit, provider, owner, custodian,
				virtual ? null : building, virtual ? null : floor, virtual ? null : room, rack,
				virtual ? "中国电信江城分公司" : SUPPLIERS[random.nextInt(SUPPLIERS.length)], purchased, price, warranty,
				attributes);
		return new Generated(i, itemClass, fields, lifecycle, created, relations);
	}

	private static int pick(int[] start, Layer layer, SplittableRandom random) {
		int from = start[layer.ordinal()];
		int size = start[layer.ordinal() + 1] - from;
		// a few items of each layer carry most links, as the busiest systems and switches do
		int index = random.nextInt(4) == 0 ? random.nextInt(Math.max(1, size / 20)) : random.nextInt(size);
		return from + index;
	}

	/** A relation from item i to an earlier item, once per pair and type. */
	private static void relate(List<long[]> relations, Set<Long> related, int i, int other, RelationType type) {
		if (other == i || !related.add(((long) other << 4) | type.ordinal())) {
			return;
		}
		relations.add(new long[] { i, other, type.ordinal() });
	}

	@Override
	public void describe(DatasetPlan plan, DatasetContext context) {
		Map<Long, List<Long>> ofUnit = new LinkedHashMap<>();
		Map<String, List<Long>> ofClass = new LinkedHashMap<>();
		Map<Long, String> labels = new LinkedHashMap<>();
		List<Long> infrastructure = new ArrayList<>();
		jdbc.sql("""
				select i.id, i.customer_unit_id, c.code, i.name, i.asset_tag from configuration_item i
				join ci_class c on c.id = i.class_id where i.asset_tag like 'GEN-CI-%' order by i.id""")
			.query((rs, row) -> {
				long id = rs.getLong(1);
				Long unit = rs.getObject(2, Long.class);
				if (unit == null) {
					infrastructure.add(id);
				}
				else {
					ofUnit.computeIfAbsent(unit, u -> new ArrayList<>()).add(id);
				}
				ofClass.computeIfAbsent(rs.getString(3), c -> new ArrayList<>()).add(id);
				labels.put(id, rs.getString(4) + "（" + rs.getString(5) + "）");
				return null;
			})
			.list();
		Map<String, List<Long>> ofServiceObject = new LinkedHashMap<>();
		ofClass.forEach((code, ids) -> ofServiceObject.computeIfAbsent(serviceObject(code), k -> new ArrayList<>())
			.addAll(ids));
		context.put("cmdb.itemsOfUnit", ofUnit);
		context.put("cmdb.itemsOfClass", ofClass);
		context.put("cmdb.itemsOfServiceObject", ofServiceObject);
		context.put("cmdb.infrastructure", infrastructure);
		context.put("cmdb.itemLabels", labels);
		int n = items(plan);
		if (n > 0) {
			int[] start = layout(n);
			List<Long> hubs = new ArrayList<>();
			long base = labels.keySet().iterator().next();
			for (int i = 0; i < start[Layer.AGGREGATION.ordinal()]; i++) {
				hubs.add(base + i);
			}
			context.put("cmdb.hubs", hubs);
		}
		else {
			context.put("cmdb.hubs", List.of());
		}
		context.count("configurationItems", labels.size());
		context.count("ciRelations", jdbc.sql("""
				select count(*) from ci_relation r join configuration_item i on i.id = r.source_id
				where i.asset_tag like 'GEN-CI-%'""").query(Long.class).single());
	}

	/** The catalogue's 服务对象 a class of items falls under, for the ticket and change contributors. */
	static String serviceObject(String classCode) {
		return switch (classCode) {
			case "DESKTOP", "LAPTOP", "PRINTER", "PHONE", "VIDEO_TERMINAL", "CONFERENCE_SYSTEM" -> "OFFICE_EQUIPMENT";
			case "UPS", "AIR_CONDITIONER", "CAMERA" -> "INFRASTRUCTURE";
			case "NETWORK_DEVICE", "SECURITY_DEVICE", "WIRELESS_AP" -> "NETWORK_SECURITY";
			default -> "GOVERNMENT_CLOUD";
		};
	}
}
