package org.yunwei.inspection.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actor;
import org.yunwei.inspection.InspectionTaskSubmitted;
import org.yunwei.inspection.internal.InspectionTasks.TaskRow;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.FileFormat;
import org.yunwei.web.UploadedFile;
import org.yunwei.web.RejectedRequest;

/**
 * Doing a task: its assignee saves drafts as they type and submits the signed results once. A draft carries the
 * revision the browser counted: a draft older than the one kept (a retry arriving late after a flaky connection) is
 * ignored, so nothing typed later is overwritten and nothing is entered twice. Submitting checks every required item,
 * finds the anomalies (a fail, a reading outside its thresholds) and has them open an incident.
 */
@Service
public class TaskWork {

	static final int TEXT_MAX = 2000;
	static final int NOTE_MAX = 500;
	static final int SIGNATURE_MAX = 100;
	static final long PHOTO_MAX = 10L * 1024 * 1024;

	private final InspectionTasks tasks;
	private final InspectionTemplates templates;
	private final InspectionPhotos photos;
	private final InspectionAccess access;
	private final AnomalyIncidents incidents;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;

	TaskWork(InspectionTasks tasks, InspectionTemplates templates, InspectionPhotos photos, InspectionAccess access,
			AnomalyIncidents incidents, AuditTrail audit, ApplicationEventPublisher events) {
		this.tasks = tasks;
		this.templates = templates;
		this.photos = photos;
		this.access = access;
		this.incidents = incidents;
		this.audit = audit;
		this.events = events;
	}

	/** Keeps the draft unless a later one is kept already; whether it was kept. */
	@Transactional
	public boolean saveDraft(long id, Long revision, Map<String, ItemResult> results) {
		Actor worker = access.requireWorker();
		TaskRow task = load(worker, id);
		FieldErrors errors = new FieldErrors();
		if (revision == null || revision < 1) {
			errors.add("revision", "inspection.task.revision");
		}
		Map<String, ItemResult> checked = check(checklist(task), results, errors);
		errors.throwIfAny();
		if (revision <= task.draftRevision()) {
			return false;
		}
		tasks.saveDraft(id, checked, (int) Math.min(revision, Integer.MAX_VALUE), Instant.now());
		if (task.status() == TaskStatus.OPEN) {
			audit.record(AuditEntry.of("INSPECTION_TASK_STARTED", "inspection_task", id)
				.detail(task.planName() + " · " + task.targetLabel()));
		}
		return true;
	}

	/** Submits the signed results; the incident opened for its anomalies, if any. */
	@Transactional
	public Submitted submit(long id, Map<String, ItemResult> results, String signature) {
		Actor worker = access.requireWorker();
		TaskRow task = load(worker, id);
		Checklist checklist = checklist(task);
		FieldErrors errors = new FieldErrors();
		Map<String, ItemResult> checked = check(checklist, results, errors);
		String signed = FieldErrors.clean(signature);
		errors.required("signature", signed, SIGNATURE_MAX);
		for (ChecklistItem item : checklist.items()) {
			if (!item.required()) {
				continue;
			}
			boolean answered = item.kind() == ItemKind.PHOTO ? photos.count(id, item.key()) > 0
					: checked.containsKey(item.key()) && FieldErrors.clean(checked.get(item.key()).value()) != null;
			if (!answered) {
				errors.add("results." + item.key(), item.kind() == ItemKind.PHOTO ? "inspection.result.photo-required"
						: "field.required");
			}
		}
		errors.throwIfAny();
		List<Anomaly> anomalies = anomalies(checklist, checked);
		Instant now = Instant.now();
		tasks.submit(id, checked, signed, anomalies.size(), now);
		Long incident = anomalies.isEmpty() ? null : incidents.open(task, anomalies).orElse(null);
		if (incident != null) {
			tasks.linkIncident(id, incident);
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("anomalies", anomalies.size());
		after.put("signature", signed);
		if (incident != null) {
			after.put("incident", incident);
		}
		audit.record(AuditEntry.of("INSPECTION_TASK_SUBMITTED", "inspection_task", id).after(after)
			.detail(task.planName() + " · " + task.targetLabel()));
		events.publishEvent(new InspectionTaskSubmitted(id, task.planId(), task.ciId(), anomalies.size(), now));
		return new Submitted(anomalies, incident);
	}

	/**
	 * Keeps a photo for an item: JPEG or PNG by its bytes, at most {@link #PHOTO_MAX} bytes; the time and place in a
	 * JPEG's EXIF are kept as evidence. The same photo sent again (a retry) is the same photo.
	 */
	@Transactional
	public long addPhoto(long id, String itemKey, UploadedFile file) {
		Actor worker = access.requireWorker();
		TaskRow task = load(worker, id);
		ChecklistItem item = itemKey == null ? null : checklist(task).item(itemKey);
		if (item == null) {
			throw RejectedRequest.invalidField("item", "inspection.result.unknown-item");
		}
		if (file == null) {
			throw RejectedRequest.invalidField("file", "field.required");
		}
		if (file.content() == null || file.size() > PHOTO_MAX) {
			throw new RejectedRequest(HttpStatus.CONTENT_TOO_LARGE, "photo-too-large", "inspection.photo.too-large",
					new Object[] { PHOTO_MAX / (1024 * 1024) }, null);
		}
		FileFormat format = FileFormat.of(file.content()).filter(f -> f == FileFormat.JPEG || f == FileFormat.PNG)
			.orElseThrow(() -> new RejectedRequest(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not-a-photo",
					"inspection.photo.type", null, null));
		PhotoExif.Evidence evidence = format == FileFormat.JPEG ? PhotoExif.read(file.content())
				: PhotoExif.Evidence.NONE;
		String extension = format == FileFormat.JPEG ? "jpg" : "png";
		long photo = photos.insertOnce(id, itemKey, UploadedFile.storedName(file.filename(), extension),
				format == FileFormat.JPEG ? "image/jpeg" : "image/png", file.content(),
				UploadedFile.sha256(file.content()), evidence, worker.userId());
		audit.record(AuditEntry.of("INSPECTION_PHOTO_ADDED", "inspection_task", id)
			.after(Map.of("item", itemKey, "photo", photo)).detail(task.planName() + " · " + task.targetLabel()));
		return photo;
	}

	/** What submitting found. */
	public record Submitted(List<Anomaly> anomalies, Long incidentTicketId) {
	}

	/** A fail or a reading outside its thresholds. */
	public record Anomaly(String itemKey, String label, String value, String unit, BigDecimal min, BigDecimal max,
			String note) {
	}

	TaskRow load(Actor worker, long id) {
		TaskRow task = tasks.findForUpdate(id).orElseThrow(() -> RejectedRequest.notFound("inspection-task"));
		if (!access.reads(worker, task.partyId())) {
			throw RejectedRequest.notFound("inspection-task");
		}
		if (task.assigneeId() != worker.userId()) {
			throw RejectedRequest.forbidden("inspection.task.not-yours");
		}
		if (task.status() == TaskStatus.DONE) {
			throw RejectedRequest.conflict("task-done", "inspection.task.done");
		}
		return task;
	}

	Checklist checklist(TaskRow task) {
		return templates.version(task.templateVersionId()).checklist();
	}

	/** The answers that are given, checked against the checklist; blank answers are left out. */
	static Map<String, ItemResult> check(Checklist checklist, Map<String, ItemResult> results, FieldErrors errors) {
		Map<String, ItemResult> kept = new LinkedHashMap<>();
		if (results == null) {
			return kept;
		}
		results.forEach((key, result) -> {
			String field = "results." + key;
			ChecklistItem item = checklist.item(key);
			if (item == null) {
				errors.add(field, "inspection.result.unknown-item");
				return;
			}
			String value = result == null ? null : FieldErrors.clean(result.value());
			String note = result == null ? null : FieldErrors.clean(result.note());
			if (note != null && note.length() > NOTE_MAX) {
				errors.add(field, "inspection.result.note-too-long");
				return;
			}
			if (value == null && note == null) {
				return;
			}
			if (value != null) {
				switch (item.kind()) {
					case PASS_FAIL -> {
						if (!"PASS".equals(value) && !"FAIL".equals(value)) {
							errors.add(field, "inspection.result.pass-fail");
							return;
						}
					}
					case NUMBER -> {
						if (number(value) == null) {
							errors.add(field, "inspection.result.number");
							return;
						}
					}
					case TEXT -> {
						if (value.length() > TEXT_MAX) {
							errors.add(field, "inspection.result.text-too-long");
							return;
						}
					}
					// a photo item's answer is its photos, kept apart
					case PHOTO -> value = null;
				}
			}
			kept.put(key, new ItemResult(value, note));
		});
		return kept;
	}

	static List<Anomaly> anomalies(Checklist checklist, Map<String, ItemResult> results) {
		List<Anomaly> found = new ArrayList<>();
		for (ChecklistItem item : checklist.items()) {
			ItemResult result = results.get(item.key());
			if (result == null || result.value() == null) {
				continue;
			}
			boolean anomalous = switch (item.kind()) {
				case PASS_FAIL -> "FAIL".equals(result.value());
				case NUMBER -> item.outOfRange(number(result.value()));
				default -> false;
			};
			if (anomalous) {
				found.add(new Anomaly(item.key(), item.label(), result.value(), item.unit(), item.min(), item.max(),
						result.note()));
			}
		}
		return found;
	}

	static BigDecimal number(String text) {
		try {
			return text.length() > 30 ? null : new BigDecimal(text);
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
