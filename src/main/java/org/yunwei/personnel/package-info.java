/**
 * Personnel (人员管理, Hunan 5.3, 5.5): the staff records of the service providers' O&M people, each linked to a
 * person of the identity module rather than copying them: their post, skills, certificates with expiry, knowledge of
 * 信创 products and clearance for special environments (核心机房, 涉密场所). Phone and ID numbers are sealed at rest
 * with the crypto module's field cipher (AES-256-GCM, SM4-GCM in {@code gm} mode) under a key outside the database,
 * and shown only to the person and to those who keep the records of the person's party.
 * <p>
 * It owns the tables {@code staff_member} and {@code staff_certificate}. Other modules ask {@link StaffRoster}.
 * <p>
 * Depends on {@code identity} for who is asking, their permissions and scope, and the people, units and posts the
 * records point at; on {@code crypto} to seal the personal fields; on {@code audit} to record every write in the same
 * transaction; on {@code web} for refusals, field errors and keyset pages; and on {@code compliance} to report the
 * staff records and their flags (expired certificates) as evidence; and on {@code ticket} for each person's ticket
 * timeliness and quality in a period ({@code Tickets.figuresByAssignee}, {@code AssigneeRatings}), which appraisals
 * score, and whose ticket lifecycle the service process flow draws; on {@code sla} for the default agreement's
 * escalation chains the flow draws; on {@code dataset} to contribute the generated providers' staff
 * records, certificates and training to a generated dataset.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Personnel",
		allowedDependencies = { "identity", "crypto", "audit", "web", "compliance", "ticket", "sla", "dataset" })
package org.yunwei.personnel;
