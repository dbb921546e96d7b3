package org.yunwei.ticket.internal.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yunwei.support.ApiClient;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.ticket.internal.TicketFixtures;

import tools.jackson.databind.JsonNode;

/**
 * A list by due time narrowed to days of creation is read in due order while the days hold many of its tickets,
 * and from the creation time's index when they hold few; either way it gives the tickets of those days, in due
 * order, page by page. The world: a provider of its own with {@value #BUSY_DAY} tickets created on one day (more
 * than the first stretch read in due order), five on a quiet day, their due times interleaved, and 300 pending
 * tickets (no due time) created on the days between.
 */
class TicketListDaysByDueIntegrationTests extends IntegrationTestSupport {

	static final int BUSY_DAY = TicketSearch.FIRST_STRETCH + 200;
	static final ZoneId DESK = ZoneId.of("Asia/Shanghai");

	static TicketFixtures world;
	static String agent;

	ApiClient api;

	@BeforeEach
	void world() {
		api = new ApiClient(port);
		if (world != null) {
			return;
		}
		world = new TicketFixtures(jdbc, api);
		agent = world.token(world.agent);
		insert(BUSY_DAY, "2024-03-01", "IN_PROGRESS", true);
		insert(5, "2024-03-05", "ASSIGNED", true);
		insert(300, "2024-03-03", "PENDING", false);
		jdbc.sql("analyze ticket").update();
	}

	@Test
	void givesTheTicketsOfTheDaysInDueOrderWhetherTheDaysHoldManyOrFew() {
		for (String days : List.of("createdFrom=2024-03-01&createdTo=2024-03-01", "createdFrom=2024-03-05",
				"createdFrom=2024-03-02&createdTo=2024-03-04", "createdFrom=2024-03-01&createdTo=2024-03-05",
				"createdTo=2024-02-29")) {
			for (String status : List.of("", "&status=open")) {
				List<Long> expected = expected(days + status);
				assertThat(walk(days + status, 200)).as(days + status).containsExactlyElementsOf(expected);
				if (expected.size() <= 50) {
					assertThat(walk(days + status, 2)).as(days + status).containsExactlyElementsOf(expected);
				}
			}
		}
		assertThat(expected("createdFrom=2024-03-05")).hasSize(5);
		assertThat(walk("age=GT_30D", 200)).containsExactlyElementsOf(expected("createdFrom=2024-03-01"));
	}

	/** {@code count} tickets created on {@code day} (Asia/Shanghai) from 01:00 on, due over the following weeks. */
	private void insert(int count, String day, String status, boolean due) {
		Timestamp start = Timestamp.from(LocalDate.parse(day).atTime(1, 0).atZone(DESK).toInstant());
		jdbc.sql("""
				insert into ticket (number, type, status, channel, subject, description, reporter_name,
				    customer_org_unit_id, provider_party_id, impact, urgency, priority, resolution_due_at, created_at)
				select ? || '-' || g, 'INCIDENT', ?, 'PHONE', '网络故障 #' || g, '', '值班员', ?, ?, 3, 3, 'P4',
				    case when ? then cast(? as timestamptz) + (g * 7919 % 1000) * interval '37 minutes' end,
				    cast(? as timestamptz) + g * interval '1 minute'
				from generate_series(1, ?) g""")
			.params(TestDirectory.unique("DAY"), status, world.bureau, world.providerParty, due, start, start, count)
			.update();
	}

	/** The ids of every page through the API, by due time, following the cursor. */
	private List<Long> walk(String filter, int limit) {
		List<Long> ids = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = api.get("/api/v1/tickets?sort=due&limit=" + limit + "&" + filter
					+ (cursor == null ? "" : "&cursor=" + cursor), agent).json();
			page.get("items").valueStream().forEach(t -> ids.add(t.get("id").asLong()));
			cursor = page.get("next").isNull() ? null : page.get("next").asString();
		}
		while (cursor != null);
		return ids;
	}

	/** The provider's tickets created in the days (both ends included, in Asia/Shanghai), in due order. */
	private List<Long> expected(String filter) {
		LocalDate from = LocalDate.of(2000, 1, 1);
		LocalDate to = LocalDate.of(2100, 1, 1);
		boolean open = false;
		for (String part : filter.split("&")) {
			String[] pair = part.split("=");
			switch (pair[0]) {
				case "createdFrom" -> from = LocalDate.parse(pair[1]);
				case "createdTo" -> to = LocalDate.parse(pair[1]);
				case "status" -> open = true;
				default -> throw new IllegalArgumentException(part);
			}
		}
		return jdbc.sql("select id from ticket where provider_party_id = ? and created_at >= ? and created_at < ?"
				+ (open ? " and status in ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING')" : "")
				+ " order by resolution_due_at nulls last, id")
			.params(world.providerParty, Timestamp.from(from.atStartOfDay(DESK).toInstant()),
					Timestamp.from(to.plusDays(1).atStartOfDay(DESK).toInstant()))
			.query(Long.class)
			.list();
	}
}
