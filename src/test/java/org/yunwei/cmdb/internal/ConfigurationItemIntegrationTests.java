package org.yunwei.cmdb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;

import tools.jackson.databind.JsonNode;

/**
 * Configuration items through the API: attribute validation against the class (inherited attributes included), the
 * uniqueness rules, the lifecycle, the history with its reasons and the item as of a moment, the scope of providers
 * and customers, and the ledger's filters, search, pages and export.
 */
class ConfigurationItemIntegrationTests extends IntegrationTestSupport {

	private CmdbFixtures world;

	@BeforeEach
	void world() {
		world = new CmdbFixtures(jdbc, api());
	}

	@Test
	void attributesAreCheckedAgainstTheClassAndItsAncestorsAndNothingIsWrittenWhenRefused() {
		long before = items();
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("cpu_arch", "SPARC");
		attributes.put("memory_gb", "很多");
		attributes.put("bmc_ip", "10.0.0.300");
		attributes.put("colour", "红");
		Map<String, Object> body = world.item("PHYSICAL_SERVER", " ", attributes);
		body.put("ipAddress", "not-an-ip");
		body.put("warrantyUntil", "2026-13-01");
		body.put("purchasePrice", "-5");
		var refused = api().post("/api/v1/cis", world.token(world.lead), body);
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.json().get("errors").propertyNames()).contains("name", "ipAddress", "warrantyUntil",
				"purchasePrice", "attributes.cpu_arch", "attributes.memory_gb", "attributes.bmc_ip",
				"attributes.colour");
		assertThat(items()).isEqualTo(before);

		var missing = api().post("/api/v1/cis", world.token(world.lead),
				world.item("APPLICATION_SYSTEM", "政务服务网", Map.of()));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().get("errors").get("attributes.dengbao_level").asString()).isEqualTo("此项必填");

		attributes = new LinkedHashMap<>();
		attributes.put("cpu_arch", "ARM64");
		attributes.put("cpu_vendor", "KUNPENG");
		attributes.put("os", "KYLIN");
		attributes.put("memory_gb", "512");
		attributes.put("brand", "华为");
		attributes.put("bmc_ip", "10.20.0.11");
		body = world.item("PHYSICAL_SERVER", "泰山服务器-01", attributes);
		body.put("ipAddress", "10.10.0.11");
		body.put("warrantyUntil", "2029-06-30");
		var created = api().post("/api/v1/cis", world.token(world.lead), body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode item = created.json();
		assertThat(item.get("classCode").asString()).isEqualTo("PHYSICAL_SERVER");
		assertThat(item.get("attributes").get("cpu_vendor").asString()).isEqualTo("KUNPENG");
		assertThat(item.get("attributes").get("memory_gb").asInt()).isEqualTo(512);
		assertThat(item.get("lifecycle").asString()).isEqualTo("IN_USE");

		// the BMC address is unique across physical servers; the asset tag across all items
		Map<String, Object> twin = world.item("PHYSICAL_SERVER", "泰山服务器-02", Map.of("bmc_ip", "10.20.0.11"));
		var taken = api().post("/api/v1/cis", world.token(world.lead), twin);
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.json().get("errors").has("attributes.bmc_ip")).isTrue();
	}

	@Test
	void aClassDefinedWithoutCodeGivesItsAttributesToItsSubclassesAndGuardsWhatItemsRelyOn() {
		String manager = world.token(world.manager);
		String code = TestDirectory.unique("KIOSK");
		var parent = api().post("/api/v1/ci-classes", manager, Map.of("code", code, "name", "自助终端",
				"parentId", world.classId("OFFICE_EQUIPMENT")));
		assertThat(parent.status()).as(parent.body()).isEqualTo(201);
		long parentId = parent.json().get("id").asLong();
		var withAttribute = api().post("/api/v1/ci-classes/" + parentId + "/attributes", manager,
				Map.of("code", "screen_inch", "name", "屏幕尺寸", "type", "NUMBER", "required", true));
		assertThat(withAttribute.status()).as(withAttribute.body()).isEqualTo(201);
		var child = api().post("/api/v1/ci-classes", manager, Map.of("code", code + "-T", "name", "政务自助机",
				"parentId", parentId));
		long childId = child.json().get("id").asLong();
		List<String> codes = new ArrayList<>();
		child.json().get("attributes").forEach(a -> codes.add(a.get("code").asString()));
		assertThat(codes).containsSequence("brand", "model").contains("screen_inch");

		var clash = api().post("/api/v1/ci-classes/" + childId + "/attributes", manager,
				Map.of("code", "brand", "name", "品牌", "type", "TEXT"));
		assertThat(clash.status()).isEqualTo(400);
		assertThat(clash.json().get("errors").has("code")).isTrue();
		var badEnum = api().post("/api/v1/ci-classes/" + childId + "/attributes", manager,
				Map.of("code", "colour", "name", "颜色", "type", "ENUM", "unique", true));
		assertThat(badEnum.json().get("errors").propertyNames()).contains("options", "unique");
		assertThat(api().post("/api/v1/ci-classes", world.token(world.lead), Map.of("code", "X", "name", "x"))
			.status()).isEqualTo(403);

		Map<String, Object> kiosk = new LinkedHashMap<>(world.item(code + "-T", "大厅自助机", Map.of()));
		kiosk.put("classId", childId);
		assertThat(api().post("/api/v1/cis", world.token(world.lead), kiosk).json().get("errors")
			.has("attributes.screen_inch")).isTrue();
		kiosk.put("attributes", Map.of("screen_inch", "32"));
		assertThat(api().post("/api/v1/cis", world.token(world.lead), kiosk).status()).isEqualTo(201);

		var requiredNow = api().post("/api/v1/ci-classes/" + parentId + "/attributes", manager,
				Map.of("code", "vendor_code", "name", "厂商编码", "type", "TEXT", "required", true));
		assertThat(requiredNow.status()).isEqualTo(422);
		long screen = jdbc.sql("select id from ci_attribute where class_id = ? and code = 'screen_inch'")
			.param(parentId).query(Long.class).single();
		assertThat(api().delete("/api/v1/ci-classes/" + parentId + "/attributes/" + screen, manager).status())
			.isEqualTo(422);
		assertThat(jdbc.sql("select count(*) from audit_record where object_type = 'ci_class' and object_id = ?")
			.param(String.valueOf(parentId)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theLifecycleMovesOnlyAlongItsPathAndEveryChangeIsKeptWithWhoWhenAndWhy() {
		long id = world.create("DESKTOP", "财务科台式机", Map.of("os", "UOS"));
		String lead = world.token(world.lead);
		Instant afterCreation = jdbc.sql("select changed_at from ci_change where item_id = ?").param(id)
			.query(java.sql.Timestamp.class).single().toInstant();

		var noReason = api().put("/api/v1/cis/" + id, lead, world.item("DESKTOP", "财务科台式机", Map.of("os", "KYLIN")));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.json().get("errors").has("reason")).isTrue();
		Map<String, Object> change = world.item("DESKTOP", "财务科台式机", Map.of("os", "KYLIN"));
		change.put("reason", "信创替代：操作系统更换为银河麒麟");
		change.put("building", "市民中心");
		assertThat(api().put("/api/v1/cis/" + id, lead, change).status()).isEqualTo(200);

		assertThat(api().post("/api/v1/cis/" + id + "/lifecycle", lead, Map.of("lifecycle", "DISPOSED", "reason",
				"直接处置")).status()).isEqualTo(422);
		assertThat(api().post("/api/v1/cis/" + id + "/lifecycle", lead, Map.of("lifecycle", "UNDER_REPAIR"))
			.status()).isEqualTo(400);
		assertThat(api().post("/api/v1/cis/" + id + "/lifecycle", lead,
				Map.of("lifecycle", "UNDER_REPAIR", "reason", "主板故障送修")).status()).isEqualTo(200);

		JsonNode history = api().get("/api/v1/cis/" + id + "/history", lead).json().get("items");
		assertThat(history).hasSize(3);
		assertThat(history.get(0).get("kind").asString()).isEqualTo("LIFECYCLE");
		assertThat(history.get(0).get("reason").asString()).isEqualTo("主板故障送修");
		assertThat(history.get(1).get("kind").asString()).isEqualTo("UPDATED");
		List<String> fields = new ArrayList<>();
		history.get(1).get("changes").forEach(c -> fields.add(c.get("field").asString()));
		assertThat(fields).containsExactlyInAnyOrder("building", "attributes.os");
		assertThat(history.get(1).get("changedByName").asString()).contains(world.lead);

		JsonNode then = api().get("/api/v1/cis/" + id + "/as-of?at=" + afterCreation, lead).json().get("state");
		assertThat(then.get("snapshot").get("attributes.os").asString()).isEqualTo("UOS");
		assertThat(then.get("snapshot").get("lifecycle").asString()).isEqualTo("IN_USE");
		assertThat(api().get("/api/v1/cis/" + id + "/as-of?at=" + afterCreation.minusSeconds(3600), lead).status())
			.isEqualTo(404);
		assertThat(jdbc.sql("""
				select count(*) from audit_record where object_type = 'configuration_item' and object_id = ?""")
			.param(String.valueOf(id)).query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void providersSeeTheItemsOfTheUnitsTheyServeAndCustomersTheirOwnReadOnly() {
		long id = world.create("PRINTER", "信息中心打印机", Map.of());
		Map<String, Object> departmentItem = world.item("PRINTER", "信息中心复印机", Map.of());
		departmentItem.put("customerUnitId", world.department);
		long below = api().post("/api/v1/cis", world.token(world.lead), departmentItem).json().get("id").asLong();

		assertThat(api().get("/api/v1/cis/" + id, world.token(world.agent)).status()).isEqualTo(200);
		assertThat(api().get("/api/v1/cis/" + id, world.token(world.bureauUser)).status()).isEqualTo(200);
		assertThat(api().get("/api/v1/cis/" + below, world.token(world.bureauUser)).status()).isEqualTo(200);
		assertThat(api().get("/api/v1/cis/" + id, world.token(world.departmentUser)).status()).isEqualTo(404);
		assertThat(api().get("/api/v1/cis/" + id, world.token(world.otherLead)).status()).isEqualTo(404);
		assertThat(api().get("/api/v1/cis/" + id, world.token(world.otherCustomerUser)).status()).isEqualTo(404);
		assertThat(api().get("/api/v1/cis/" + id, world.token(world.supervisor)).status()).isEqualTo(200);
		assertThat(api().get("/api/v1/cis?q=信息中心", world.token(world.otherLead)).json().get("items")).isEmpty();
		assertThat(ledgerIds(world.bureauUser)).contains(id, below);
		assertThat(ledgerIds(world.departmentUser)).contains(below).doesNotContain(id);
		assertThat(ledgerIds(world.manager)).contains(id, below);
		assertThat(ledgerIds(world.supervisor)).contains(id, below);

		Map<String, Object> change = world.item("PRINTER", "改名", Map.of());
		change.put("reason", "试图修改");
		assertThat(api().put("/api/v1/cis/" + id, world.token(world.otherLead), change).status()).isEqualTo(404);
		assertThat(api().put("/api/v1/cis/" + id, world.token(world.bureauUser), change).status()).isEqualTo(403);
		assertThat(api().put("/api/v1/cis/" + id, world.token(world.supervisor), change).status()).isEqualTo(403);

		Map<String, Object> foreign = world.item("PRINTER", "别人的打印机", Map.of());
		foreign.put("customerUnitId", world.otherCustomerUnit);
		var refused = api().post("/api/v1/cis", world.token(world.lead), foreign);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").has("customerUnitId")).isTrue();
		assertThat(api().get("/api/v1/cis/" + id, world.token(world.lead)).json().get("name").asString())
			.isEqualTo("信息中心打印机");
	}

	@Test
	void theLedgerFiltersByClassWithSubclassesSearchesPagesAndExports() {
		String tag = TestDirectory.unique("ZC");
		long physical = world.create("PHYSICAL_SERVER", tag + " 物理机", Map.of());
		long virtual = world.create("VIRTUAL_MACHINE", tag + " 虚拟机", Map.of("host", physical));
		Map<String, Object> printer = world.item("PRINTER", tag + " 打印机", Map.of());
		printer.put("ipAddress", "192.168.77.5");
		printer.put("warrantyUntil", LocalDate.now().plusDays(20).toString());
		long printerId = api().post("/api/v1/cis", world.token(world.lead), printer).json().get("id").asLong();
		String lead = world.token(world.lead);

		JsonNode servers = api().get("/api/v1/cis?q=" + tag + "&classId=" + world.classId("SERVER"), lead).json();
		List<Long> ids = new ArrayList<>();
		servers.get("items").forEach(i -> ids.add(i.get("id").asLong()));
		assertThat(ids).containsExactlyInAnyOrder(physical, virtual);

		assertThat(api().get("/api/v1/cis?q=192.168.77", lead).json().get("items").get(0).get("id").asLong())
			.isEqualTo(printerId);
		JsonNode expiring = api().get("/api/v1/cis?q=" + tag + "&warrantyWithinDays=30", lead).json().get("items");
		assertThat(expiring).hasSize(1);

		JsonNode first = api().get("/api/v1/cis?q=" + tag + "&limit=2", lead).json();
		assertThat(first.get("items")).hasSize(2);
		JsonNode second = api().get("/api/v1/cis?q=" + tag + "&limit=2&cursor=" + first.get("next").asString(), lead)
			.json();
		assertThat(second.get("items")).hasSize(1);
		assertThat(second.get("next").isNull()).isTrue();

		assertThat(api().get("/api/v1/cis?sort=random&limit=500", lead).json().get("errors").propertyNames())
			.contains("sort", "limit");
		JsonNode onHost = api().get("/api/v1/cis?q=" + tag + "&attribute=host:" + physical, lead).json();
		assertThat(onHost.get("items")).hasSize(1);
		assertThat(onHost.get("items").get(0).get("id").asLong()).isEqualTo(virtual);
		assertThat(api().get("/api/v1/cis?attribute=no_such_code:1", lead).json().get("errors").has("attribute"))
			.isTrue();
		var virtualView = api().get("/api/v1/cis/" + virtual, lead).json();
		assertThat(virtualView.get("attributes").get("host").asLong()).isEqualTo(physical);
		var wrongHost = world.item("VIRTUAL_MACHINE", tag + " 错误宿主", Map.of("host", printerId));
		assertThat(api().post("/api/v1/cis", lead, wrongHost).json().get("errors").get("attributes.host").asString())
			.isEqualTo("所引用的配置项不属于要求的分类");
	}

	@Test
	void theExportIsAWorkbookOfTheFilteredLedger() throws Exception {
		String tag = TestDirectory.unique("EX");
		world.create("UPS", tag + " UPS", Map.of("capacity_kva", "60"));
		world.create("AIR_CONDITIONER", tag + " 精密空调", Map.of());
		var response = api().get("/api/v1/cis/export?q=" + tag, world.token(world.lead));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith(LedgerExport.XLSX);
		var bytes = download("/api/v1/cis/export?q=" + tag, world.token(world.lead));
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			var sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(2);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("名称");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(tag + " UPS");
			assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("在用");
		}
	}

	private byte[] download(String path, String token) throws Exception {
		var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token).GET().build();
		return java.net.http.HttpClient.newHttpClient()
			.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
	}

	private List<Long> ledgerIds(String username) {
		List<Long> ids = new ArrayList<>();
		api().get("/api/v1/cis?limit=200&sort=updated", world.token(username)).json().get("items")
			.forEach(i -> ids.add(i.get("id").asLong()));
		return ids;
	}

	private long items() {
		return jdbc.sql("select count(*) from configuration_item").query(Long.class).single();
	}
}
