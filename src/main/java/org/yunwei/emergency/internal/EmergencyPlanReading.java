package org.yunwei.emergency.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.emergency.internal.EmergencyPlanContent.LevelCriterion;
import org.yunwei.emergency.internal.EmergencyPlanContent.ProcedureStep;
import org.yunwei.emergency.internal.EmergencyPlanVersions.PlanVersion;
import org.yunwei.identity.People;
import org.yunwei.identity.Person;
import org.yunwei.identity.Positions;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.KeysetCursor;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

/** Reading plans: the library in the reader's scope, one plan with the names of its people and posts, its versions. */
@Service
public class EmergencyPlanReading {

	private final EmergencyPlanRecords plans;
	private final EmergencyPlanVersions versions;
	private final EmergencyAccess access;
	private final People people;
	private final Positions positions;

	EmergencyPlanReading(EmergencyPlanRecords plans, EmergencyPlanVersions versions, EmergencyAccess access, People people,
			Positions positions) {
		this.plans = plans;
		this.versions = versions;
		this.access = access;
		this.people = people;
		this.positions = positions;
	}

	/** A role of the response organisation with the names a reader needs. */
	public record RoleView(String role, long personId, String personName, Long backupPostId, String backupPostName,
			String backupName, String contact) {
	}

	/** A plan's working copy as its readers see it. */
	public record EmergencyPlanView(long id, String status, String title, String scenario, String applicationSystem,
			String site, LocalDate reviewDate, List<LevelCriterion> levels, List<RoleView> roles,
			List<ProcedureStep> steps, long ownerId, String ownerName, Long approvedVersionId,
			Integer approvedVersionNumber, Long pendingVersionId, String returnReason, Instant updatedAt,
			boolean pastReview) {
	}

	/** A line of the library. */
	public record EmergencyPlanLine(long id, String title, String scenario, String applicationSystem, String site,
			String status, LocalDate reviewDate, boolean pastReview, Instant updatedAt) {
	}

	/** A version as its list shows it. */
	public record VersionLine(long id, int number, String title, String status, Long approvalRequestId,
			String submittedByName, Instant submittedAt, Instant decidedAt, String decisionReason) {
	}

	@Transactional(readOnly = true)
	public KeysetPage<EmergencyPlanLine> list(String text, String status, String cursor, Integer limit) {
		access.reader();
		FieldErrors errors = new FieldErrors();
		EmergencyPlanStatus wanted = FieldErrors.clean(status) == null ? null
				: errors.constant(EmergencyPlanStatus.class, status, "status");
		String q = FieldErrors.clean(text);
		errors.optional("q", q, 100);
		int size = KeysetPage.limit(limit, errors, "emergency.limit.invalid");
		String[] after = cursor == null ? null : KeysetCursor.decode(cursor, 2).orElse(null);
		Instant afterTime = null;
		Long afterId = null;
		if (after != null) {
			try {
				afterTime = Instant.parse(after[0]);
				afterId = Long.parseLong(after[1]);
			}
			catch (RuntimeException malformed) {
				after = null;
			}
		}
		if (cursor != null && after == null) {
			errors.add("cursor", "emergency.cursor.invalid");
		}
		errors.throwIfAny();
		LocalDate today = LocalDate.now(EmergencyClock.ZONE);
		List<EmergencyPlanLine> lines = plans.page(access.scope(), q, wanted, afterTime, afterId, size + 1).stream()
			.map(row -> {
				EmergencyPlanContent c = row.plan().content();
				return new EmergencyPlanLine(row.plan().id(), c.title(), c.scenario(), c.applicationSystem(), c.site(),
						row.plan().status().name(), c.reviewDate(), pastReview(row.plan(), today), row.updatedAt());
			})
			.toList();
		return KeysetPage.of(lines, size, line -> KeysetCursor.encode(line.updatedAt(), line.id()));
	}

	@Transactional(readOnly = true)
	public EmergencyPlanView view(long id) {
		access.reader();
		EmergencyPlanRecords.Row row = plans.find(id).orElseThrow(() -> RejectedRequest.notFound("emergency-plan"));
		EmergencyPlan plan = row.plan();
		access.requireVisible(plan.partyId(), plan.orgUnitId());
		EmergencyPlanContent c = plan.content();
		Integer approvedNumber = plan.approvedVersionId() == null ? null
				: versions.find(plan.approvedVersionId()).map(PlanVersion::number).orElse(null);
		return new EmergencyPlanView(plan.id(), plan.status().name(), c.title(), c.scenario(), c.applicationSystem(), c.site(),
				c.reviewDate(), c.levels(), roles(c), c.steps(), plan.ownerId(), name(plan.ownerId()),
				plan.approvedVersionId(), approvedNumber, plan.pendingVersionId(), plan.returnReason(),
				row.updatedAt(), pastReview(plan, LocalDate.now(EmergencyClock.ZONE)));
	}

	@Transactional(readOnly = true)
	public List<VersionLine> versions(long id) {
		access.reader();
		EmergencyPlan plan = plans.find(id).orElseThrow(() -> RejectedRequest.notFound("emergency-plan")).plan();
		access.requireVisible(plan.partyId(), plan.orgUnitId());
		List<PlanVersion> all = versions.ofPlan(id);
		Map<Long, String> names = names(all.stream().map(PlanVersion::submittedBy).toList());
		return all.stream().map(v -> new VersionLine(v.id(), v.number(), v.title(), v.status(), v.approvalRequestId(),
				names.get(v.submittedBy()), v.submittedAt(), v.decidedAt(), v.decisionReason())).toList();
	}

	/** The plan as the signed-in author may edit it (for the edit form). */
	@Transactional(readOnly = true)
	public EmergencyPlan forEditing(long id) {
		access.planAuthor();
		EmergencyPlan plan = plans.find(id).orElseThrow(() -> RejectedRequest.notFound("emergency-plan")).plan();
		access.requireWritable(plan.partyId(), plan.orgUnitId());
		return plan;
	}

	/** The roles with the names of their people, their backup posts and who acts for that post now. */
	List<RoleView> roles(EmergencyPlanContent content) {
		Instant now = Instant.now();
		Map<Long, String> names = names(content.roles().stream().map(EmergencyPlanContent.ResponseRole::personId).toList());
		return content.roles().stream().map(role -> {
			String postName = null;
			String backupName = null;
			if (role.backupPostId() != null) {
				var post = positions.post(role.backupPostId()).orElse(null);
				if (post != null) {
					postName = post.name();
					backupName = positions.actingFor(post.postId(), now).map(this::name).orElse(null);
				}
			}
			return new RoleView(role.role(), role.personId(), names.get(role.personId()), role.backupPostId(),
					postName, backupName, role.contact());
		}).toList();
	}

	static boolean pastReview(EmergencyPlan plan, LocalDate today) {
		return plan.status() != EmergencyPlanStatus.RETIRED && plan.content().reviewDate().isBefore(today);
	}

	private String name(long userId) {
		return people.find(userId).map(Person::displayName).orElse("—");
	}

	private Map<Long, String> names(List<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		people.findAll(ids.stream().filter(Objects::nonNull).distinct().collect(Collectors.toList()))
			.forEach(p -> names.put(p.id(), p.displayName()));
		return names;
	}
}
