/**
 * Evaluation (评价): how customers judge the service desk's work — satisfaction ratings of resolved tickets
 * (满意度调查, Hunan 4.2.4b), return visits (回访, Hunan 6.1.1e) with the follow-ups a dissatisfied customer gets
 * (Hunan 4.2.5d), and the return-visit report (回访报告, Hunan 6.1.2e). Supervision checks and provider scoring will
 * live here too.
 * <p>
 * The module reacts to the ticket module's events instead of being called by it: its listeners keep its own record
 * of the tickets that reached resolution ({@code evaluation_ticket}), which the worklist, the figures and the report
 * read, so that no query of this module reads the ticket table. It owns the tables {@code ticket_rating} and
 * {@code ticket_return_visit}, which the ticket module's migration V2 created before this module existed (see
 * {@code db/migration/evaluation/V1}).
 * <p>
 * Depends on {@code ticket} for its facade {@link org.yunwei.ticket.Tickets} (a ticket as the asking person may see
 * it, timeline entries, follow-up tickets) and its events; on {@code identity} for who is asking and their scope,
 * and for the names of units and providers; on {@code audit} to record every write in the same transaction; and on
 * {@code web} for refusals, field errors and keyset pages; on {@code dataset} for its part of a generated city; and
 * on {@code compliance} to contribute the evidence of customer feedback and return visits (6.1.2c, 6.1.2e).
 * The ticket module does not depend on this one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evaluation",
		allowedDependencies = { "ticket", "identity", "audit", "web", "dataset", "compliance" })
package org.yunwei.evaluation;
