package org.yunwei.inspection.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.identity.Actor;
import org.yunwei.identity.People;
import org.yunwei.identity.Permission;
import org.yunwei.identity.Person;
import org.yunwei.inspection.internal.InspectionPhotos.Photo;
import org.yunwei.inspection.internal.InspectionTasks.TaskRow;
import org.yunwei.sla.BusinessCalendar;
import org.yunwei.web.RejectedRequest;

/** Tasks as their readers see them: their party's (management and supervision every party's). */
@Service
public class TaskReading {

	static final int LIST_LIMIT = 200;
	static final int MAX_DAYS = 92;

	private final InspectionTasks tasks;
	private final InspectionTemplates templates;
	private final InspectionPhotos photos;
	private final InspectionAccess access;
	private final People people;

	TaskReading(InspectionTasks tasks, InspectionTemplates templates, InspectionPhotos photos,
			InspectionAccess access, People people) {
		this.tasks = tasks;
		this.templates = templates;
		this.photos = photos;
		this.access = access;
		this.people = people;
	}

	public record TaskLine(long id, long planId, String planName, String targetLabel, LocalDate scheduledOn,
			Instant dueAt, String assigneeName, String status, boolean overdue, int anomalies) {
	}

	public record TaskView(long id, long planId, String planName, String targetLabel, Long ciId,
			LocalDate scheduledOn, Instant dueAt, long assigneeId, String assigneeName, String status,
			boolean overdue, int templateVersion, List<ChecklistItem> items, Map<String, ItemResult> results,
			int draftRevision, List<Photo> photos, String signature, int anomalies, Instant submittedAt,
			Long incidentTicketId, boolean mayWork) {
	}

	/** The signed-in person's tasks of the day and those still open from before, due first. */
	@Transactional(readOnly = true)
	public List<TaskLine> mine(LocalDate day) {
		Actor reader = access.requireReader();
		Instant now = Instant.now();
		return lines(tasks.list(null, reader.userId(), null, day.minusDays(MAX_DAYS), day, LIST_LIMIT).stream()
			.filter(t -> t.scheduledOn().equals(day) || t.status() != TaskStatus.DONE)
			.sorted(java.util.Comparator.comparing(TaskRow::dueAt).thenComparing(TaskRow::id))
			.toList(), now);
	}

	/** Tasks between two days (at most {@link #MAX_DAYS}), of one plan or all, newest day first. */
	@Transactional(readOnly = true)
	public List<TaskLine> list(Long planId, LocalDate from, LocalDate to) {
		Actor reader = access.requireReader();
		LocalDate today = LocalDate.now(BusinessCalendar.SHANGHAI);
		LocalDate last = to == null ? today : to;
		LocalDate first = from == null ? last.minusDays(6) : from;
		if (first.isAfter(last) || first.plusDays(MAX_DAYS).isBefore(last)) {
			throw RejectedRequest.invalidField("from", "inspection.period.invalid");
		}
		return lines(tasks.list(access.readableParty(reader), null, planId, first, last, LIST_LIMIT), Instant.now());
	}

	@Transactional(readOnly = true)
	public TaskView view(long id) {
		Actor reader = access.requireReader();
		TaskRow task = readable(reader, id);
		InspectionTemplates.TemplateVersion version = templates.version(task.templateVersionId());
		boolean mayWork = task.status() != TaskStatus.DONE && task.assigneeId() == reader.userId()
				&& reader.can(Permission.INSPECTION_WORK);
		return new TaskView(task.id(), task.planId(), task.planName(), task.targetLabel(), task.ciId(),
				task.scheduledOn(), task.dueAt(), task.assigneeId(), name(task.assigneeId()), task.status().name(),
				task.overdue(Instant.now()), version.number(), version.checklist().items(), task.results(),
				task.draftRevision(), photos.of(id), task.signature(), task.anomalies(), task.submittedAt(),
				task.incidentTicketId(), mayWork);
	}

	/** A photo of a task the reader may read, with its bytes. */
	@Transactional(readOnly = true)
	public PhotoFile photo(long taskId, long photoId) {
		Actor reader = access.requireReader();
		readable(reader, taskId);
		Photo photo = photos.find(photoId).filter(p -> p.taskId() == taskId)
			.orElseThrow(() -> RejectedRequest.notFound("inspection-photo"));
		return new PhotoFile(photo, photos.content(photoId));
	}

	public record PhotoFile(Photo photo, byte[] content) {
	}

	TaskRow readable(Actor reader, long id) {
		return tasks.find(id).filter(t -> access.reads(reader, t.partyId()))
			.orElseThrow(() -> RejectedRequest.notFound("inspection-task"));
	}

	private List<TaskLine> lines(List<TaskRow> rows, Instant now) {
		Map<Long, String> names = people.findAll(rows.stream().map(TaskRow::assigneeId).distinct().toList()).stream()
			.collect(Collectors.toMap(Person::id, Person::displayName));
		return rows.stream()
			.map(t -> new TaskLine(t.id(), t.planId(), t.planName(), t.targetLabel(), t.scheduledOn(), t.dueAt(),
					names.getOrDefault(t.assigneeId(), ""), t.status().name(), t.overdue(now), t.anomalies()))
			.toList();
	}

	private String name(long userId) {
		return people.find(userId).map(Person::displayName).orElse("");
	}
}
