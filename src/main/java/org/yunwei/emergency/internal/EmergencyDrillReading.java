package org.yunwei.emergency.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.emergency.internal.EmergencyDrillSteps.DrillStep;
import org.yunwei.emergency.internal.EmergencyDrillSteps.Screenshot;
import org.yunwei.emergency.internal.EmergencyPlanVersions.PlanVersion;
import org.yunwei.identity.People;
import org.yunwei.identity.Person;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.KeysetCursor;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

/**
 * Reading drills: the list in the reader's scope, one drill with its steps, their instants, contacts and screenshots,
 * and whether the plan revision it asked for is closed (a newer version of the plan approved since).
 */
@Service
public class EmergencyDrillReading {

	private final EmergencyDrillRecords drills;
	private final EmergencyDrillSteps steps;
	private final EmergencyPlanRecords plans;
	private final EmergencyPlanVersions versions;
	private final EmergencyAccess access;
	private final People people;

	EmergencyDrillReading(EmergencyDrillRecords drills, EmergencyDrillSteps steps, EmergencyPlanRecords plans,
			EmergencyPlanVersions versions, EmergencyAccess access, People people) {
		this.drills = drills;
		this.steps = steps;
		this.plans = plans;
		this.versions = versions;
		this.access = access;
		this.people = people;
	}

	/** A line of the list. */
	public record DrillLine(long id, String title, long planId, String method, String status, Instant plannedAt,
			boolean revisionOpen) {
	}

	/** A screenshot as its step lists it. */
	public record ScreenshotView(long id, String name, long size, Instant uploadedAt) {
	}

	/** A step with its instants, who did it and the contact of its stage. */
	public record StepView(long id, int position, String phase, String title, Long contactId, String contactName,
			String contactPhone, Instant startedAt, String startedByName, Instant finishedAt, String finishedByName,
			String note, List<ScreenshotView> screenshots) {
	}

	/** A drill with everything its page shows. */
	public record DrillView(long id, String title, String objective, String subjects, String method,
			String participants, String place, Instant plannedAt, String status, Instant startedAt,
			Instant finishedAt, String summary, String improvements, boolean revisionRequired, boolean revisionClosed,
			long planId, String planTitle, int planVersionNumber, List<StepView> steps) {
	}

	@Transactional(readOnly = true)
	public KeysetPage<DrillLine> list(String cursor, Integer limit) {
		access.reader();
		FieldErrors errors = new FieldErrors();
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
		List<DrillLine> lines = drills.page(access.scope(), afterTime, afterId, size + 1).stream()
			.map(row -> new DrillLine(row.drill().id(), row.plan().title(), row.drill().planId(),
					row.plan().method().name(), row.drill().status().name(), row.plan().plannedAt(),
					row.drill().revisionRequired() && !revisionClosed(row.drill())))
			.toList();
		return KeysetPage.of(lines, size, line -> KeysetCursor.encode(line.plannedAt(), line.id()));
	}

	@Transactional(readOnly = true)
	public DrillView view(long id) {
		access.reader();
		EmergencyDrillRecords.Row row = drills.find(id).orElseThrow(() -> RejectedRequest.notFound("emergency-drill"));
		EmergencyDrill drill = row.drill();
		access.requireVisible(drill.partyId(), drill.orgUnitId());
		List<DrillStep> all = steps.ofDrill(id);
		Map<Long, List<ScreenshotView>> shots = steps.screenshots(id).stream()
			.collect(Collectors.groupingBy(Screenshot::stepId, Collectors.mapping(
					s -> new ScreenshotView(s.id(), s.storedName(), s.size(), s.uploadedAt()), Collectors.toList())));
		Map<Long, Person> named = persons(all.stream().flatMap(s -> Stream.of(s.contactId(), s.startedBy(),
				s.finishedBy())).toList());
		List<StepView> stepViews = all.stream().map(s -> new StepView(s.id(), s.position(), s.phase().name(), s.title(),
				s.contactId(), name(named, s.contactId()),
				s.contactId() == null || !named.containsKey(s.contactId()) ? null : named.get(s.contactId()).phone(),
				s.startedAt(), name(named, s.startedBy()), s.finishedAt(), name(named, s.finishedBy()), s.note(),
				shots.getOrDefault(s.id(), List.of()))).toList();
		String planTitle = plans.find(drill.planId()).map(p -> p.plan().content().title()).orElse("—");
		int number = versions.find(drill.planVersionId()).map(PlanVersion::number).orElse(0);
		EmergencyDrillRecords.DrillPlan plan = row.plan();
		return new DrillView(id, plan.title(), plan.objective(), plan.subjects(), plan.method().name(),
				plan.participants(), plan.place(), plan.plannedAt(), drill.status().name(), drill.startedAt(),
				drill.finishedAt(), drill.summary(), drill.improvements(), drill.revisionRequired(),
				revisionClosed(drill), drill.planId(), planTitle, number, stepViews);
	}

	/** The drills of a plan the reader may read, latest first (for the plan's page). */
	@Transactional(readOnly = true)
	public List<DrillLine> ofPlan(long planId) {
		access.reader();
		return drills.ofPlan(planId).stream()
			.filter(row -> access.scope().includes(row.drill().partyId(), row.drill().orgUnitId()))
			.map(row -> new DrillLine(row.drill().id(), row.plan().title(), row.drill().planId(),
					row.plan().method().name(), row.drill().status().name(), row.plan().plannedAt(),
					row.drill().revisionRequired() && !revisionClosed(row.drill())))
			.toList();
	}

	/** Whether a version of the plan newer than the drilled one has been approved since. */
	private boolean revisionClosed(EmergencyDrill drill) {
		if (!drill.revisionRequired()) {
			return false;
		}
		int drilled = versions.find(drill.planVersionId()).map(PlanVersion::number).orElse(0);
		return plans.find(drill.planId()).map(p -> p.plan().approvedVersionId())
			.flatMap(approved -> approved == null ? java.util.Optional.empty() : versions.find(approved))
			.map(version -> version.number() > drilled).orElse(false);
	}

	private static String name(Map<Long, Person> named, Long id) {
		return id == null || !named.containsKey(id) ? null : named.get(id).displayName();
	}

	private Map<Long, Person> persons(List<Long> ids) {
		Map<Long, Person> named = new HashMap<>();
		people.findAll(ids.stream().filter(Objects::nonNull).distinct().collect(Collectors.toList()))
			.forEach(p -> named.put(p.id(), p));
		return named;
	}
}
