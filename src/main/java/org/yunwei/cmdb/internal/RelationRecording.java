package org.yunwei.cmdb.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.cmdb.ConfigurationItemChanged;

/**
 * Writes a relation change once it may happen — at once, or when its review is granted: the relation row, a new
 * version in the history of both ends, the audit entry and the events. The ends are locked by the caller. Kept apart
 * from {@link RelationKeeping} (which checks what a writer asks) so that {@link CiReview} can apply a granted change
 * for its requester without depending on the services that submit changes to it.
 */
@Component
class RelationRecording {

	private final Relations relations;
	private final ConfigurationItemRecords records;
	private final ItemChanges changes;
	private final CiClasses classes;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;

	RelationRecording(Relations relations, ConfigurationItemRecords records, ItemChanges changes, CiClasses classes,
			AuditTrail audit, ApplicationEventPublisher events) {
		this.relations = relations;
		this.records = records;
		this.changes = changes;
		this.classes = classes;
		this.audit = audit;
		this.events = events;
	}

	Relation add(ConfigurationItem source, ConfigurationItem target, RelationType type, String note, Long byId,
			String byName, String reason) {
		long id = relations.insert(source.id(), target.id(), type, note, byName);
		changed(source, "RELATION_ADDED", new FieldChange("relation", null, end(type, "OUT", target)), byId, byName,
				reason);
		changed(target, "RELATION_ADDED", new FieldChange("relation", null, end(type, "IN", source)), byId, byName,
				reason);
		audit.record(AuditEntry.of("CI_RELATION_CREATED", "ci_relation", id)
			.after(Map.of("sourceId", source.id(), "targetId", target.id(), "type", type.name())).detail(reason));
		return relations.find(id).orElseThrow();
	}

	void remove(Relation relation, ConfigurationItem source, ConfigurationItem target, Long byId, String byName,
			String reason) {
		relations.remove(relation.id(), byName);
		changed(source, "RELATION_REMOVED", new FieldChange("relation", end(relation.type(), "OUT", target), null),
				byId, byName, reason);
		changed(target, "RELATION_REMOVED", new FieldChange("relation", end(relation.type(), "IN", source), null),
				byId, byName, reason);
		audit.record(AuditEntry.of("CI_RELATION_DELETED", "ci_relation", relation.id())
			.before(Map.of("sourceId", relation.sourceId(), "targetId", relation.targetId(), "type",
					relation.type().name()))
			.detail(reason));
	}

	/** A relation change in an item's history, as a new version of the item. */
	private void changed(ConfigurationItem item, String kind, FieldChange change, Long byId, String byName,
			String reason) {
		item.relationsChanged();
		records.touch(item.id(), item.version());
		changes.append(item.id(), item.version(), kind, byId, byName, reason, List.of(change), item.snapshot());
		String classCode = classes.find(item.classId()).map(CiClass::code).orElse("");
		events.publishEvent(new ConfigurationItemChanged(item.id(), classCode, kind, item.version()));
	}

	/** The relation as one end's history tells it: its type, direction and the other end. */
	static Map<String, Object> end(RelationType type, String direction, ConfigurationItem other) {
		Map<String, Object> end = new LinkedHashMap<>();
		end.put("type", type.name());
		end.put("direction", direction);
		end.put("otherId", other.id());
		end.put("otherName", other.fields().name());
		return end;
	}
}
