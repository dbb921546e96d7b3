package org.yunwei.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.yunwei.identity.Actor;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.Permission;
import org.yunwei.identity.internal.SignedInUser;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.ticket.internal.TicketFixtures;
import org.yunwei.web.RejectedRequest;

/** The ticket module's facade as another module calls it: scoped to the signed-in person, and the system's view. */
class TicketsIntegrationTests extends IntegrationTestSupport {

	@Autowired
	Tickets tickets;

	TicketFixtures world;
	TicketFixtures other;
	long incident;

	@BeforeEach
	void world() {
		world = new TicketFixtures(jdbc, api());
		other = new TicketFixtures(jdbc, api());
		incident = world.submitted("机房空调漏水").get("ticket").get("id").asLong();
		jdbc.sql("update ticket set configuration_item = ? where id = ?").params("AC-" + incident, incident).update();
	}

	@Test
	void findsWhatThePersonMaySeeAndTheSystemEverything() {
		TicketReference seen = as(world, () -> tickets.find(incident)).orElseThrow();
		assertThat(seen.subject()).isEqualTo("机房空调漏水");
		assertThat(seen.customerOrgUnitId()).isEqualTo(world.bureau);
		assertThat(seen.providerPartyId()).isEqualTo(world.providerParty);
		assertThat(seen.type()).isEqualTo(TicketType.INCIDENT);
		assertThat(seen.finished()).isFalse();
		assertThat(as(other, () -> tickets.find(incident))).isEmpty();
		assertThat(tickets.findForSystem(incident)).map(TicketReference::number).contains(seen.number());
		assertThat(tickets.findForSystem(Long.MAX_VALUE)).isEmpty();
	}

	@Test
	void listsTheOpenIncidentsOfAConfigurationItemAServiceAndACustomerWithinScope() {
		assertThat(ids(as(world, () -> tickets.openIncidentsOfConfigurationItem("AC-" + incident, 10))))
			.containsExactly(incident);
		assertThat(ids(as(world, () -> tickets.openIncidentsOfService(world.service, 10)))).contains(incident);
		assertThat(ids(as(world, () -> tickets.openIncidentsOfCustomer(world.bureau, 10)))).contains(incident);
		assertThat(ids(as(other, () -> tickets.openIncidentsOfCustomer(world.bureau, 10)))).doesNotContain(incident);
		assertThat(ids(as(other, () -> tickets.openIncidentsOfConfigurationItem("AC-" + incident, 10)))).isEmpty();
		assertThatThrownBy(() -> as(world, () -> tickets.openIncidentsOfService(world.service, 0)))
			.isInstanceOf(IllegalArgumentException.class);

		String agent = world.token(world.agent);
		api().post("/api/v1/tickets/" + incident + "/assign", agent,
				Map.of("groupId", world.firstLine, "assigneeUserId", world.userId(world.agent)));
		api().post("/api/v1/tickets/" + incident + "/resolve", agent,
				Map.of("resolutionCode", "SOLVED", "resolutionText", "更换空调排水管"));
		assertThat(ids(as(world, () -> tickets.openIncidentsOfConfigurationItem("AC-" + incident, 10)))).isEmpty();
		assertThat(tickets.findForSystem(incident).orElseThrow().finished()).isTrue();
	}

	@Test
	void theSystemResolvesItsIncidentNobodyWorksAndNotesTheOneAnAgentWorks() {
		long untouched = monitoringIncident("门户网站无法访问");
		assertThat(tickets.resolveForSystem(untouched, "自动巡检已恢复：HTTP 状态 200", "运维平台自动巡检"))
			.isEqualTo(SystemResolution.RESOLVED);
		var resolved = jdbc.sql("select status, resolution_code, resolution_text from ticket where id = ?")
			.param(untouched).query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).single();
		assertThat(resolved).containsExactly("RESOLVED", "SOLVED", "自动巡检已恢复：HTTP 状态 200");
		assertThat(jdbc.sql("""
				select count(*) from ticket_entry where ticket_id = ? and kind = 'STATUS_CHANGED'
				  and author_name = '运维平台自动巡检' and body like '自动巡检已恢复%'""").param(untouched)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("""
				select count(*) from audit_record where object_type = 'ticket' and object_id = ?
				  and action = 'TICKET_RESOLVE' and actor = '运维平台自动巡检'""").param(String.valueOf(untouched))
			.query(Long.class).single()).isEqualTo(1);
		// asked again (a retried run): resolved already, nothing more written
		assertThat(tickets.resolveForSystem(untouched, "again", "运维平台自动巡检")).isEqualTo(SystemResolution.UNCHANGED);
		assertThat(jdbc.sql("select count(*) from ticket_entry where ticket_id = ? and body = 'again'")
			.param(untouched).query(Long.class).single()).isZero();

		// an agent has started on it: it stays theirs, with an internal note
		long worked = monitoringIncident("数据库连接超时");
		String agent = world.token(world.agent);
		assertThat(api().post("/api/v1/tickets/" + worked + "/assign", agent,
				Map.of("groupId", world.firstLine, "assigneeUserId", world.userId(world.agent))).status()).isEqualTo(200);
		assertThat(api().post("/api/v1/tickets/" + worked + "/start", agent, null).status()).isEqualTo(200);
		assertThat(tickets.resolveForSystem(worked, "自动巡检已恢复：数据库连接成功", "运维平台自动巡检"))
			.isEqualTo(SystemResolution.NOTED);
		assertThat(jdbc.sql("select status from ticket where id = ?").param(worked).query(String.class).single())
			.isEqualTo("IN_PROGRESS");
		assertThat(jdbc.sql("""
				select count(*) from ticket_entry where ticket_id = ? and kind = 'NOTE' and not public
				  and author_name = '运维平台自动巡检' and body = '自动巡检已恢复：数据库连接成功'""").param(worked)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("""
				select count(*) from audit_record where object_id = ? and action = 'TICKET_NOTE'
				  and actor = '运维平台自动巡检'""").param(String.valueOf(worked)).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from notification where user_id = ? and topic = 'ticket.monitoring-recovered'")
			.param(world.userId(world.agent)).query(Long.class).single()).isEqualTo(1);

		// a person's report is not the system's to resolve
		assertThat(tickets.resolveForSystem(incident, "x", "运维平台自动巡检")).isEqualTo(SystemResolution.UNCHANGED);
		assertThat(jdbc.sql("select status from ticket where id = ?").param(incident).query(String.class).single())
			.isEqualTo("NEW");
		assertThat(tickets.resolveForSystem(Long.MAX_VALUE, "x", "运维平台自动巡检"))
			.isEqualTo(SystemResolution.UNCHANGED);
	}

	private long monitoringIncident(String subject) {
		return tickets.openIncidentForSystem(new SystemIncident(subject, "自动巡检发现故障", world.bureau,
				world.providerParty, null, "自动巡检", "运维平台自动巡检", null, "运维平台自动巡检", 2, 2)).id();
	}

	@Test
	void linksTwoTicketsForTheAgentAndRefusesWhatTheLinkingRulesRefuse() {
		long second = world.submitted("机房温度过高").get("ticket").get("id").asLong();
		as(world, () -> {
			tickets.link(second, incident, "RELATED");
			return null;
		});
		assertThat(jdbc.sql("select kind from ticket_link where ticket_id = ? and other_ticket_id = ?")
			.params(second, incident).query(String.class).list()).containsExactly("RELATED");
		assertThatThrownBy(() -> as(world, () -> {
			tickets.link(second, incident, "RELATED");
			return null;
		})).isInstanceOfSatisfying(RejectedRequest.class, refused -> assertThat(refused.status().value()).isEqualTo(409));
		assertThatThrownBy(() -> as(other, () -> {
			tickets.link(second, incident, "RELATED");
			return null;
		})).isInstanceOfSatisfying(RejectedRequest.class, refused -> assertThat(refused.status().value()).isEqualTo(404));
	}

	/** Runs {@code call} as the first-line agent of {@code fixtures}' provider. */
	private <T> T as(TicketFixtures fixtures, Supplier<T> call) {
		Actor actor = new Actor(fixtures.userId(fixtures.agent), fixtures.agent, "坐席", fixtures.providerParty,
				PartyKind.PROVIDER, fixtures.providerUnit, Set.of("SERVICE_DESK_AGENT"),
				Set.of(Permission.TICKET_WORK));
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken
			.authenticated(new SignedInUser(actor, Instant.now()), null, List.of()));
		try {
			return call.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private static List<Long> ids(List<TicketReference> references) {
		return references.stream().map(TicketReference::id).toList();
	}
}
