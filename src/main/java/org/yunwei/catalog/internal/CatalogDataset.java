package org.yunwei.catalog.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunwei.dataset.Dataset;
import org.yunwei.dataset.DatasetContext;
import org.yunwei.dataset.DatasetPlan;
import org.yunwei.dataset.DatasetService;

/**
 * The generated city's service catalogue: one category per service object (服务对象: 办公设备, 基础环境设施, 政务云,
 * 电子政务外网安全), its services each delivered by one provider, with indicators and the customer departments that
 * may order them (every department the office, environment and network services, about two in three the cloud).
 * Codes start with {@code GEN-}.
 * <p>
 * Reads {@code identity.providerParties}, {@code identity.providerUnit} and {@code identity.bureaus}; publishes
 * {@link DatasetContext#SERVICES}, {@code catalog.services} (the same list) and {@code catalog.serviceNames}.
 */
@Component
class CatalogDataset implements Dataset {

	/** Service object, category name, services, and the providers (1-based, as identity numbers them) serving it. */
	private record Kind(ServiceObjectKind kind, String category, List<String> services, int[] providers) {
	}

	private static final List<Kind> KINDS = List.of(
			new Kind(ServiceObjectKind.OFFICE_EQUIPMENT, "办公设备运维",
					List.of("打印机及复印设备维修", "计算机终端运维", "办公软件安装与故障处理", "视频会议终端保障", "电话与传真设备维护",
							"扫描仪与投影设备维护"),
					new int[] { 5, 9 }),
			new Kind(ServiceObjectKind.INFRASTRUCTURE, "基础环境设施运维",
					List.of("机房供配电与UPS维护", "机房精密空调与环境监控", "综合布线维护", "门禁与视频监控运维", "消防与防雷设施巡检"),
					new int[] { 6, 10 }),
			new Kind(ServiceObjectKind.GOVERNMENT_CLOUD, "政务云服务",
					List.of("政务云主机服务", "政务云数据库服务", "对象存储服务", "云主机备份与恢复", "负载均衡服务", "容器平台服务"),
					new int[] { 3, 1 }),
			new Kind(ServiceObjectKind.NETWORK_SECURITY, "电子政务外网安全",
					List.of("电子政务外网接入", "VPN远程接入", "防火墙策略变更", "终端安全防护", "安全漏洞扫描与加固", "网络安全事件响应",
							"上网行为管理"),
					new int[] { 4, 2, 7, 8 }));

	private final JdbcClient jdbc;

	CatalogDataset(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "catalog";
	}

	@Override
	public Set<String> after() {
		return Set.of("identity");
	}

	@Override
	public long generate(DatasetPlan plan, int chunk, DatasetContext context) {
		SplittableRandom random = plan.random(name(), chunk);
		List<Long> providers = context.get("identity.providerParties");
		Map<Long, Long> providerUnit = context.get("identity.providerUnit");
		Map<Long, List<Long>> bureaus = context.get("identity.bureaus");
		long rows = 0;
		int serviceNumber = 0;
		for (int k = 0; k < KINDS.size(); k++) {
			Kind kind = KINDS.get(k);
			long category = jdbc.sql("""
					insert into catalog_category (code, name, description, path, sort_order) values (?, ?, ?, '', ?)
					returning id""")
				.params("GEN-" + kind.kind().name(), kind.category(), kind.category() + "（生成数据）", k + 1)
				.query(Long.class)
				.single();
			jdbc.sql("update catalog_category set path = '/' || id || '/' where id = ?").param(category).update();
			rows++;
			for (int s = 0; s < kind.services().size(); s++) {
				serviceNumber++;
				long provider = providers.get(kind.providers()[s % kind.providers().length] - 1);
				String name = kind.services().get(s);
				long service = jdbc.sql("""
						insert into catalog_service (category_id, code, name, description, provider_org_unit_id,
						    created_at) values (?, ?, ?, ?, ?, ?) returning id""")
					.params(category, "GEN-S%02d".formatted(serviceNumber), name,
							"为" + "各委办局提供" + name + "，含故障受理、现场处置与定期巡检。", providerUnit.get(provider),
							java.sql.Timestamp.from(plan.anchor().minus(java.time.Duration.ofDays(800))))
					.query(Long.class)
					.single();
				jdbc.sql("insert into catalog_service_object (service_id, kind) values (?, ?)")
					.params(service, kind.kind().name()).update();
				indicator(service, 1, "响应时间", 30, "分钟");
				indicator(service, 2, "解决时间", 8, "小时");
				indicator(service, 3, "用户满意度", 95, "%");
				rows += 5;
				for (long bureau : bureaus.keySet()) {
					if (kind.kind() != ServiceObjectKind.GOVERNMENT_CLOUD || random.nextInt(3) < 2) {
						jdbc.sql("insert into catalog_service_customer (service_id, org_unit_id) values (?, ?)")
							.params(service, bureau).update();
						rows++;
					}
				}
			}
		}
		return rows;
	}

	private void indicator(long service, int position, String name, int target, String unit) {
		jdbc.sql("""
				insert into catalog_indicator (service_id, position, name, target, unit, measurement)
				values (?, ?, ?, ?, ?, '按月统计')""")
			.params(service, position, name, target, unit)
			.update();
	}

	@Override
	public void describe(DatasetPlan plan, DatasetContext context) {
		Map<Long, List<Long>> bureaus = context.get("identity.bureaus");
		Map<Long, Long> providerUnit = context.get("identity.providerUnit");
		Map<Long, Long> partyOfUnit = new LinkedHashMap<>();
		providerUnit.forEach((party, unit) -> partyOfUnit.put(unit, party));
		record Row(long id, String name, long providerUnit, String kind) {
		}
		List<Row> rows = jdbc.sql("""
				select s.id, s.name, s.provider_org_unit_id, o.kind from catalog_service s
				join catalog_service_object o on o.service_id = s.id where s.code like 'GEN-S%' order by s.code""")
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)))
			.list();
		Map<Long, List<Long>> customers = new LinkedHashMap<>();
		jdbc.sql("""
				select c.service_id, c.org_unit_id from catalog_service_customer c
				join catalog_service s on s.id = c.service_id where s.code like 'GEN-S%' order by c.service_id,
				c.org_unit_id""")
			.query((rs, n) -> customers.computeIfAbsent(rs.getLong(1), s -> new ArrayList<>()).add(rs.getLong(2)))
			.list();
		List<DatasetService> services = new ArrayList<>();
		Map<Long, String> names = new LinkedHashMap<>();
		for (Row row : rows) {
			List<Long> units = new ArrayList<>();
			customers.getOrDefault(row.id(), List.of()).forEach(root -> units.addAll(bureaus.getOrDefault(root,
					List.of(root))));
			services.add(new DatasetService(row.id(), partyOfUnit.get(row.providerUnit()), row.kind(),
					List.copyOf(units)));
			names.put(row.id(), row.name());
		}
		context.put(DatasetContext.SERVICES, services);
		context.put("catalog.services", services);
		context.put("catalog.serviceNames", names);
		context.count("services", services.size());
		context.count("serviceCategories", KINDS.size());
	}
}
