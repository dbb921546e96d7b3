package org.yunwei.ticket.internal.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunwei.identity.People;
import org.yunwei.identity.Person;
import org.yunwei.ticket.internal.group.AssignmentGroup;
import org.yunwei.ticket.internal.group.AssignmentGroups;

/**
 * Chooses the assignment group of a new ticket that arrives without one, by its provider's routing rules, and the
 * member of it when the rule assigns one. A rule whose group is disabled, or no longer the provider's, is passed
 * over as if it did not match, so that a changed group never moves tickets to another party.
 */
@Component
public class TicketRouter {

	private final RoutingRules rules;
	private final AssignmentGroups groups;
	private final People people;
	private final JdbcClient jdbc;

	TicketRouter(RoutingRules rules, AssignmentGroups groups, People people, JdbcClient jdbc) {
		this.rules = rules;
		this.groups = groups;
		this.people = people;
		this.jdbc = jdbc;
	}

	/** Where the ticket goes; empty when none of its provider's rules applies. */
	public Optional<Route> route(RoutingRequest ticket) {
		for (RoutingRule rule : rules.ofProvider(ticket.providerPartyId())) {
			if (!rule.enabled() || !rule.matches(ticket)) {
				continue;
			}
			Optional<AssignmentGroup> group = groups.find(rule.groupId()).filter(AssignmentGroup::enabled)
				.filter(g -> g.partyId() == ticket.providerPartyId());
			if (group.isPresent()) {
				return Optional.of(new Route(rule, group.get(), assignee(rule.assignment(), group.get())));
			}
		}
		return Optional.empty();
	}

	/**
	 * The group and person a ticket is routed to.
	 *
	 * @param assigneeUserId {@code null} when the rule leaves the ticket to the group, or the group has nobody able
	 *        to take it
	 */
	public record Route(RoutingRule rule, AssignmentGroup group, Long assigneeUserId) {
	}

	private Long assignee(AutoAssignment assignment, AssignmentGroup group) {
		if (assignment == AutoAssignment.GROUP) {
			return null;
		}
		List<Long> members = people.findAll(group.memberIds()).stream().filter(Person::enabled).map(Person::id)
			.sorted().toList();
		if (members.isEmpty()) {
			return null;
		}
		return assignment == AutoAssignment.ROUND_ROBIN ? nextInTurn(group.id(), members) : leastLoaded(members);
	}

	/** The member after the one who got the group's last ticket; the turn is locked until the ticket commits. */
	private long nextInTurn(long groupId, List<Long> members) {
		jdbc.sql("insert into ticket_routing_turn (group_id, last_user_id) values (?, 0) on conflict do nothing")
			.param(groupId)
			.update();
		long last = jdbc.sql("select last_user_id from ticket_routing_turn where group_id = ? for update")
			.param(groupId)
			.query(Long.class)
			.single();
		long next = members.stream().filter(id -> id > last).findFirst().orElse(members.getFirst());
		jdbc.sql("update ticket_routing_turn set last_user_id = ? where group_id = ?").params(next, groupId).update();
		return next;
	}

	/** The member with the fewest open tickets assigned, across all groups they work in. */
	private long leastLoaded(List<Long> members) {
		Map<Long, Long> open = jdbc.sql("""
				select assignee_user_id, count(*) from ticket
				where assignee_user_id = any(cast(? as bigint[])) and status in ('ASSIGNED', 'IN_PROGRESS', 'PENDING')
				group by assignee_user_id""")
			.param(members.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		return members.stream().min(Comparator.comparingLong(id -> open.getOrDefault(id, 0L))).orElseThrow();
	}
}
