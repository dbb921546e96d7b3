package org.yunwei.personnel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.yunwei.sla.EscalationStep;
import org.yunwei.support.Accounts;
import org.yunwei.support.ApiClient.Response;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;

import tools.jackson.databind.JsonNode;

class OrganisationChartIntegrationTests extends IntegrationTestSupport {

	/** A provider with a department and a team below it, a lead, posts with holders; another provider; an agent. */
	private final class World {
		final TestDirectory directory = new TestDirectory(jdbc);
		final long provider = directory.party("PROVIDER", TestDirectory.unique("湘江运维"));
		final String partyName = jdbc.sql("select name from party where id = ?").param(provider).query(String.class)
			.single();
		final long department = directory.orgUnit(provider, null, "运维部<一>&");
		final long team = directory.orgUnit(provider, department, "网络组");
		final String keeper = directory.user(department, "SERVICE_DESK_MANAGER");
		final String engineer = directory.user(team, "SERVICE_DESK_AGENT");
		final String other = directory.user(directory.orgUnit(directory.party("PROVIDER", TestDirectory.unique("另一运维")),
				null, "运维部"), "SERVICE_DESK_MANAGER");

		World() {
			name(keeper, "张建国");
			name(engineer, "李娜");
			jdbc.sql("update org_unit set lead_id = ? where id = ?").params(directory.userId(keeper), department).update();
			jdbc.sql("insert into post (org_unit_id, name, responsibilities, holder_id) values (?, '网络运维岗', '', ?)")
				.params(team, directory.userId(engineer)).update();
			jdbc.sql("insert into post (org_unit_id, name, responsibilities) values (?, '安全运维岗', '')")
				.param(team).update();
		}

		void name(String user, String displayName) {
			jdbc.sql("update app_user set display_name = ? where username = ?").params(displayName, user).update();
		}

		String token(String user) {
			return Accounts.tokenFor(api(), user, TestDirectory.PASSWORD, null);
		}
	}

	@Test
	void drawsAProvidersUnitsLeadsPostsAndPeopleAsATreeForItsReadersOnly() throws Exception {
		World world = new World();
		String keeper = world.token(world.keeper);
		Response chart = api().get("/api/v1/staff/organisation-chart?partyId=" + world.provider, keeper);
		assertThat(chart.status()).as(chart.toString()).isEqualTo(200);
		JsonNode json = chart.json();
		assertThat(json.get("partyName").asString()).isEqualTo(world.partyName);
		assertThat(json.get("units").asLong()).isEqualTo(2);
		assertThat(json.get("posts").asLong()).isEqualTo(2);
		assertThat(json.get("people").asLong()).isEqualTo(2);
		JsonNode department = json.get("roots").get(0);
		assertThat(department.get("name").asString()).startsWith("运维部<一>&");
		assertThat(department.get("lead").asString()).isEqualTo("张建国");
		assertThat(department.get("people").asLong()).isEqualTo(1);
		JsonNode team = department.get("children").get(0);
		assertThat(team.get("name").asString()).startsWith("网络组");
		assertThat(team.get("lead").isNull()).isTrue();
		assertThat(team.get("posts").toString()).contains("网络运维岗", "李娜", "安全运维岗");

		// the SVG is well-formed XML (the unit's name escaped) and shows the boxes' words
		Response svg = api().getAccepting("/api/v1/staff/organisation-chart/svg?partyId=" + world.provider, keeper,
				"image/svg+xml");
		assertThat(svg.status()).isEqualTo(200);
		assertThat(svg.contentType()).startsWith("image/svg+xml");
		Document drawing = DocumentBuilderFactory.newInstance().newDocumentBuilder()
			.parse(new ByteArrayInputStream(svg.body().getBytes(StandardCharsets.UTF_8)));
		assertThat(drawing.getDocumentElement().getTagName()).isEqualTo("svg");
		String words = drawing.getDocumentElement().getTextContent();
		assertThat(words).contains(world.partyName, "运维部<一>&", "负责人：张建国", "网络运维岗：李娜", "安全运维岗：空缺",
				"人员 1 人", "部门 2 个 · 岗位 2 个 · 人员 2 人");
		assertThat(drawing.getElementsByTagName("rect").getLength()).isEqualTo(4); // background, party, two units
		assertThat(drawing.getElementsByTagName("line").getLength()).isGreaterThanOrEqualTo(4);

		// another provider's keeper learns nothing of it; an agent has no right to charts
		assertThat(api().get("/api/v1/staff/organisation-chart?partyId=" + world.provider, world.token(world.other))
			.status()).isEqualTo(404);
		assertThat(api().get("/api/v1/staff/organisation-chart?partyId=" + world.provider, world.token(world.engineer))
			.status()).isEqualTo(403);

		// the page draws it inline, with the print button and the download link
		WebSession page = new WebSession(port);
		page.signIn(world.keeper, TestDirectory.PASSWORD, null);
		String body = page.get("/staff/chart?partyId=" + world.provider).body();
		assertThat(body).contains("<svg", "网络运维岗：李娜", "chart-print", "/staff/chart/image?partyId=" + world.provider)
			.doesNotContain("运维部<一>&");
		assertThat(page.download("/staff/chart/image?partyId=" + world.provider).contentType())
			.startsWith("image/svg+xml");

		// the register shows 4.3.2a evidenced by the chart
		JsonNode item = api().get("/api/v1/compliance/items/4.3.2a", keeper).json().get("item");
		assertThat(item.get("state").asString()).isEqualTo("EVIDENCED");
		assertThat(item.toString()).contains("/staff/chart");
	}

	@Test
	void drawsTheTicketLifecycleAndTheDefaultAgreementsEscalationChains() throws Exception {
		World world = new World();
		String keeper = world.token(world.keeper);
		String defaultName = ensureDefaultAgreement(world);

		JsonNode flow = api().get("/api/v1/staff/service-flow", keeper).json();
		assertThat(flow.get("stages")).hasSize(6);
		assertThat(flow.get("stages").get(0).get("status").asString()).isEqualTo("NEW");
		assertThat(flow.get("stages").get(4).get("next").toString()).contains("CLOSED", "IN_PROGRESS");
		assertThat(flow.get("agreementName").asString()).isEqualTo(defaultName);
		assertThat(flow.get("chains")).hasSize(4);
		long agreement = jdbc.sql("select id from service_level_agreement where is_default").query(Long.class).single();
		long configured = jdbc.sql("select count(*) from sla_escalation where agreement_id = ?").param(agreement)
			.query(Long.class).single();
		long drawnSteps = 0;
		for (JsonNode chain : flow.get("chains")) {
			drawnSteps += chain.get("steps").size();
		}
		assertThat(drawnSteps).isEqualTo(configured);

		Response svg = api().getAccepting("/api/v1/staff/service-flow/svg", keeper, "image/svg+xml");
		Document drawing = DocumentBuilderFactory.newInstance().newDocumentBuilder()
			.parse(new ByteArrayInputStream(svg.body().getBytes(StandardCharsets.UTF_8)));
		String words = drawing.getDocumentElement().getTextContent();
		assertThat(words).contains("新建（受理）", "已分派", "处理中", "挂起", "已解决", "已关闭", "重新打开",
				"升级路径（默认服务级别协议：" + defaultName + "）", "优先级 P1", "优先级 P4");
		assertThat(api().get("/api/v1/staff/service-flow", world.token(world.engineer)).status()).isEqualTo(403);

		WebSession page = new WebSession(port);
		page.signIn(world.keeper, TestDirectory.PASSWORD, null);
		assertThat(page.get("/staff/flow").body()).contains("<svg", "重新打开", "flow-print")
			.doesNotContain("flow-no-agreement");

		JsonNode item = api().get("/api/v1/compliance/items/4.3.2b", keeper).json().get("item");
		assertThat(item.get("state").asString()).isEqualTo(configured > 0 ? "EVIDENCED" : "PARTIAL");
		assertThat(item.toString()).contains("/staff/flow");
	}

	/** The default agreement, made here with escalation at P1 unless another test made one already. */
	private String ensureDefaultAgreement(World world) {
		long management = jdbc.sql("""
				select o.id from org_unit o join party p on p.id = o.party_id where p.kind = 'MANAGEMENT'
				order by o.id limit 1""").query(Long.class).single();
		String manager = world.token(world.directory.user(management, "SERVICE_MANAGER"));
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("code", TestDirectory.unique("SLA-"));
		body.put("name", "默认协议 " + TestDirectory.unique(""));
		body.put("providerPartyId", world.provider);
		body.put("defaultAgreement", true);
		body.put("validFrom", "2000-01-01");
		body.put("serviceIds", List.of());
		body.put("targets", List.of(target("P1", 15, 240), target("P2", 30, 480), target("P3", 60, 960),
				target("P4", 120, 2400)));
		body.put("escalations", List.of(
				Map.of("priority", "P1", "thresholdPercent", 90, "order", 1, "kind", "HIERARCHICAL", "target",
						"GROUP_LEAD"),
				Map.of("priority", "P1", "thresholdPercent", 100, "order", 1, "kind", "FUNCTIONAL", "target",
						EscalationStep.SECOND_LINE)));
		Response created = api().post("/api/v1/sla/agreements", manager, body);
		assertThat(created.status()).as(created.body()).isIn(201, 409);
		return jdbc.sql("select name from service_level_agreement where is_default").query(String.class).single();
	}

	private static Map<String, Object> target(String priority, long response, long resolution) {
		return Map.of("priority", priority, "responseMinutes", response, "responseBasis", "BUSINESS",
				"resolutionMinutes", resolution, "resolutionBasis", "BUSINESS", "thresholds", List.of(50, 75, 90));
	}
}
