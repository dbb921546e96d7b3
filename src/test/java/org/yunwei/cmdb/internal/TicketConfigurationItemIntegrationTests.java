package org.yunwei.cmdb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;
import org.yunwei.ticket.internal.TicketFixtures;
import org.yunwei.ticket.internal.alert.AlertFixtures;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tickets and configuration items without the service desk depending on the CMDB: an alert's instance or host names
 * the item it is, the ticket forms' picker finds items as you type and fills the field with the name tickets give the
 * item, the ticket page's box shows the item with its other open incidents and impact, and the item's page lists the
 * open incidents that name it.
 */
class TicketConfigurationItemIntegrationTests extends IntegrationTestSupport {

	TicketFixtures world;
	String ip;
	String tag;
	String name;
	long item;

	@BeforeEach
	void world() {
		world = new TicketFixtures(jdbc, api());
		ThreadLocalRandom random = ThreadLocalRandom.current();
		ip = "10." + random.nextInt(100, 250) + "." + random.nextInt(1, 250) + "." + random.nextInt(1, 250);
		tag = TestDirectory.unique("ZC-");
		name = TestDirectory.unique("门户服务器");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("classId", jdbc.sql("select id from ci_class where code = 'PRINTER'").query(Long.class).single());
		body.put("name", name);
		body.put("lifecycle", "IN_USE");
		body.put("customerUnitId", world.bureau);
		body.put("ipAddress", ip);
		body.put("assetTag", tag);
		body.put("attributes", Map.of());
		var created = api().post("/api/v1/cis", world.token(world.lead), body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		item = created.json().get("id").asLong();
	}

	@Test
	void anAlertsInstanceNamesTheItemItIsAndAnUnknownHostStaysAsGiven() {
		AlertFixtures alerts = new AlertFixtures(world);
		var account = alerts.account();
		alerts.route(account.id(), Map.of(), world.service, null, false);
		ObjectNode payload = AlertFixtures.alertmanager("firing");
		((ObjectNode) payload.get("commonLabels")).put("instance", ip + ":9100");
		((ObjectNode) payload.get("alerts").get(0).get("labels")).put("instance", ip + ":9100");
		var answer = api().post("/api/v1/alerts/alertmanager", account.token(), payload);
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		JsonNode ticket = api().get("/api/v1/tickets/" + answer.json().get("ticketId").asLong(),
				world.token(world.agent)).json().get("ticket");
		assertThat(ticket.get("configurationItem").asString()).isEqualTo(name + "（" + tag + "）");

		ObjectNode unknown = AlertFixtures.alertmanager("firing");
		unknown.put("groupKey", "{}:{alertname=\"Unknown\"}");
		((ObjectNode) unknown.get("commonLabels")).put("instance", "10.255.255.254:9100");
		var other = api().post("/api/v1/alerts/alertmanager", account.token(), unknown);
		assertThat(api().get("/api/v1/tickets/" + other.json().get("ticketId").asLong(), world.token(world.agent))
			.json().get("ticket").get("configurationItem").asString()).isEqualTo("10.255.255.254:9100");
	}

	@Test
	void thePickerFindsItemsAsYouTypeAndTheTicketShowsTheItemsIncidentsAndImpact() {
		WebSession agent = signedIn(world.agent);
		WebSession.Page choices = agent.htmx("/cmdb/items/ticket-choices?field=fields-ci&configurationItem="
				+ URLEncoder.encode(ip.substring(0, ip.lastIndexOf('.')), StandardCharsets.UTF_8));
		assertThat(choices.status()).isEqualTo(200);
		assertThat(choices.body()).contains("data-fills=\"fields-ci\"", "value=\"" + name + "（" + tag + "）\"");
		assertThat(agent.htmx("/cmdb/items/ticket-choices?configurationItem=zzz-no-such-item-zzz").body())
			.contains("没有匹配的配置项");

		long first = open("打印服务中断", name + "（" + tag + "）");
		long second = open("打印机卡纸", ip);
		String box = agent.htmx("/cmdb/tickets/" + first + "/item").body();
		assertThat(box).contains(name, "另有 1 个未关闭的事件", "故障影响");
		assertThat(box).doesNotContain("/tickets/" + first + "\"");
		assertThat(box).contains("/tickets/" + second + "\"");
		assertThat(agent.get("/cmdb/items/" + item).body()).contains("/tickets/" + first + "\"",
				"/tickets/" + second + "\"");
		long unnamed = open("无配置项", "某台不在台账中的设备");
		assertThat(agent.htmx("/cmdb/tickets/" + unnamed + "/item").body()).contains("配置库中没有");

		// the CMDB's right first: a provider's person without it is refused, whatever the ticket
		assertThat(signedIn(world.directory.user(world.providerUnit)).htmx("/cmdb/tickets/" + first + "/item")
			.status()).isEqualTo(403);
	}

	private long open(String subject, String configurationItem) {
		Map<String, Object> body = world.ticket(subject);
		body.put("customerOrgUnitId", world.bureau);
		body.put("reporterName", "李主任");
		body.put("configurationItem", configurationItem);
		var opened = api().post("/api/v1/tickets", world.token(world.lead), body);
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		JsonNode json = opened.json();
		return (json.has("ticket") ? json.get("ticket") : json).get("id").asLong();
	}

	private WebSession signedIn(String username) {
		WebSession session = new WebSession(port);
		WebSession.Page answer = session.signIn(username, TestDirectory.PASSWORD, null);
		assertThat(answer.location()).as("sign-in of " + username).doesNotContain("error");
		return session;
	}
}
