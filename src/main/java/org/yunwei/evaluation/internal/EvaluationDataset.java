package org.yunwei.evaluation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunwei.dataset.CopyRows;
import org.yunwei.dataset.Dataset;
import org.yunwei.dataset.DatasetContext;
import org.yunwei.dataset.DatasetPlan;
import org.yunwei.dataset.DatasetRating;
import org.yunwei.ticket.TicketReference;
import org.yunwei.ticket.Tickets;

/**
 * Evaluation's part of a generated city: its record of the resolved and closed tickets the ticket contributor wrote
 * (the generator publishes no events, so the listeners never hear of them), read through the ticket module's facade
 * a page at a time and copied in. A chunk continues after the highest ticket evaluation knows, so a rerun resumes
 * where the last committed chunk ended and a chunk written twice adds nothing.
 * <p>
 * The chunk also writes the ratings of its tickets, which the ticket contributor drew with each ticket's life (and
 * wrote as the RATING entry of its timeline) and publishes as the fact {@code tickets.ratings}: only closed tickets
 * are rated, so every rated ticket is among the finished ones of some chunk, and rating and record commit together.
 */
@Component
class EvaluationDataset implements Dataset {

	private static final int PAGE = 10_000;
	private static final String RATINGS = "tickets.ratings";

	private final Tickets tickets;
	private final JdbcClient jdbc;
	private final DataSource dataSource;

	EvaluationDataset(Tickets tickets, JdbcClient jdbc, DataSource dataSource) {
		this.tickets = tickets;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	@Override
	public String name() {
		return "evaluation";
	}

	@Override
	public Set<String> after() {
		return Set.of("tickets");
	}

	@Override
	public int chunks(DatasetPlan plan) {
		return plan.chunksOf(plan.tickets());
	}

	@Override
	public long generate(DatasetPlan plan, int chunk, DatasetContext context) {
		// read first, then copy: the COPY runs on the chunk's connection, which can do nothing else meanwhile
		long after = jdbc.sql("select coalesce(max(ticket_id), 0) from evaluation_ticket").query(Long.class).single();
		List<TicketReference> finished = new ArrayList<>();
		while (finished.size() < plan.chunkSize()) {
			List<TicketReference> page = tickets.finishedForSystem(after,
					Math.min(plan.chunkSize() - finished.size(), PAGE));
			finished.addAll(page);
			if (page.isEmpty()) {
				break;
			}
			after = page.getLast().id();
		}
		if (finished.isEmpty()) {
			return 0;
		}
		Map<Long, DatasetRating> ratings = context.get(RATINGS);
		return copyTickets(plan, finished) + copyRatings(finished, ratings);
	}

	private long copyTickets(DatasetPlan plan, List<TicketReference> finished) {
		try (CopyRows rows = CopyRows.into(dataSource, "evaluation_ticket", """
				ticket_id, number, type, status, priority, subject, customer_org_unit_id, provider_party_id, group_id,
				reporter_name, reporter_contact, major, resolved_at, closed_at, changed_at, assignee_user_id""")) {
			for (TicketReference t : finished) {
				Instant changed = t.closedAt() != null ? t.closedAt() : t.resolvedAt();
				rows.row(t.id(), t.number(), t.type().name(), t.status(), t.priority(), t.subject(),
						t.customerOrgUnitId(), t.providerPartyId(), t.groupId(), t.reporterName(),
						t.reporterContact(), t.major(), t.resolvedAt(), t.closedAt(),
						changed == null ? plan.anchor() : changed, t.assigneeUserId());
			}
			return rows.finish();
		}
	}

	private long copyRatings(List<TicketReference> finished, Map<Long, DatasetRating> ratings) {
		try (CopyRows rows = CopyRows.into(dataSource, "ticket_rating",
				"ticket_id, score, comment, rated_by_user_id, rated_by_name, rated_at")) {
			for (TicketReference t : finished) {
				DatasetRating r = ratings.get(t.id());
				if (r != null) {
					rows.row(r.ticketId(), r.score(), r.comment(), r.ratedByUserId(), r.ratedByName(), r.ratedAt());
				}
			}
			return rows.finish();
		}
	}

	@Override
	public void describe(DatasetPlan plan, DatasetContext context) {
		context.count("evaluationTickets",
				jdbc.sql("select count(*) from evaluation_ticket").query(Long.class).single());
	}
}
