package org.yunwei.ticket.internal;

import java.util.Map;

/**
 * Resolved tickets of the fixtures' bureau and what became of them, for the lifecycle tests (auto-close) and, with
 * a wait for their listeners, the evaluation module's tests.
 */
public class ResolvedTickets {

	public final TicketFixtures world;

	public ResolvedTickets(TicketFixtures world) {
		this.world = world;
	}

	/** A ticket of the bureau's user, assigned to the first line and resolved by its agent. */
	public long resolved(String subject) {
		long id = world.submitted(subject).get("ticket").get("id").asLong();
		resolve(id);
		return id;
	}

	public void resolve(long id) {
		String agent = world.token(world.agent);
		expect(200, world.api.post("/api/v1/tickets/" + id + "/assign", agent,
				Map.of("groupId", world.firstLine, "assigneeUserId", world.userId(world.agent))));
		expect(200, world.api.post("/api/v1/tickets/" + id + "/resolve", agent,
				Map.of("resolutionCode", "SOLVED", "resolutionText", "更换硒鼓后打印恢复正常")));
	}

	public String status(long id) {
		return world.jdbc.sql("select status from ticket where id = ?").param(id).query(String.class).single();
	}

	public long audits(String action, long id) {
		return world.jdbc.sql("select count(*) from audit_record where action = ? and object_id = ?")
			.params(action, String.valueOf(id))
			.query(Long.class)
			.single();
	}

	public static void expect(int status, org.yunwei.support.ApiClient.Response response) {
		if (response.status() != status) {
			throw new AssertionError("expected " + status + " but was " + response);
		}
	}
}
