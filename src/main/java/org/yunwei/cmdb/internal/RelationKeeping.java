package org.yunwei.cmdb.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * Relates configuration items and removes relations (CMDB_MANAGE), both ends within the writer's scope; each change
 * is a new version in the history of both items, audited in the same transaction.
 */
@Service
class RelationKeeping {

	private final Relations relations;
	private final ItemRegister register;
	private final CmdbScope scope;
	private final AuditTrail audit;

	RelationKeeping(Relations relations, ItemRegister register, CmdbScope scope, AuditTrail audit) {
		this.relations = relations;
		this.register = register;
		this.scope = scope;
		this.audit = audit;
	}

	/**
	 * The relations of an item that hold now, or held at a moment; those whose other end lies outside the reader's
	 * scope are left out.
	 */
	@Transactional(readOnly = true)
	public List<Relation> of(long itemId, Instant moment) {
		CmdbScope.View reader = scope.reader();
		register.visible(itemId, reader);
		return relations.of(itemId, moment).stream()
			.filter(r -> visible(r.sourceId() == itemId ? r.targetId() : r.sourceId(), reader))
			.toList();
	}

	@Transactional
	public Relation add(long sourceId, RelationDraft draft) {
		CmdbScope.View writer = scope.writer();
		FieldErrors errors = new FieldErrors();
		errors.required("targetId", draft.targetId());
		RelationType type = errors.constant(RelationType.class, draft.type(), "type");
		String note = FieldErrors.clean(draft.note());
		String reason = FieldErrors.clean(draft.reason());
		errors.optional("note", note, 500).optional("reason", reason, 1000);
		if (draft.targetId() != null && draft.targetId() == sourceId) {
			errors.add("targetId", "cmdb.relation.self");
		}
		register.visible(sourceId, writer);
		if (draft.targetId() != null && !errors.has("targetId") && !visible(draft.targetId(), writer)) {
			errors.add("targetId", "field.value.unknown");
		}
		errors.throwIfAny();
		// lock both ends in id order, so that two writers relating the same pair cannot deadlock
		long first = Math.min(sourceId, draft.targetId());
		long second = Math.max(sourceId, draft.targetId());
		ConfigurationItem a = register.writable(first, writer);
		ConfigurationItem b = register.writable(second, writer);
		ConfigurationItem source = a.id() == sourceId ? a : b;
		ConfigurationItem target = a.id() == sourceId ? b : a;
		if (relations.exists(sourceId, target.id(), type)) {
			throw RejectedRequest.conflict("duplicate-relation", "cmdb.relation.exists");
		}
		long id = relations.insert(sourceId, target.id(), type, note, writer.actor().displayName());
		register.relationChanged(source, writer, "RELATION_ADDED",
				new FieldChange("relation", null, end(type, "OUT", target)), reason);
		register.relationChanged(target, writer, "RELATION_ADDED",
				new FieldChange("relation", null, end(type, "IN", source)), reason);
		audit.record(AuditEntry.of("CI_RELATION_CREATED", "ci_relation", id)
			.after(Map.of("sourceId", sourceId, "targetId", target.id(), "type", type.name())).detail(reason));
		return relations.find(id).orElseThrow();
	}

	@Transactional
	public void remove(long itemId, long relationId, String submittedReason) {
		CmdbScope.View writer = scope.writer();
		Relation relation = relations.find(relationId)
			.filter(r -> r.removedAt() == null && (r.sourceId() == itemId || r.targetId() == itemId))
			.orElseThrow(() -> RejectedRequest.notFound("ci-relation"));
		String reason = FieldErrors.clean(submittedReason);
		new FieldErrors().optional("reason", reason, 1000).throwIfAny();
		long first = Math.min(relation.sourceId(), relation.targetId());
		long second = Math.max(relation.sourceId(), relation.targetId());
		ConfigurationItem a = register.writable(first, writer);
		ConfigurationItem b = register.writable(second, writer);
		ConfigurationItem source = a.id() == relation.sourceId() ? a : b;
		ConfigurationItem target = a.id() == relation.sourceId() ? b : a;
		relations.remove(relationId, writer.actor().displayName());
		register.relationChanged(source, writer, "RELATION_REMOVED",
				new FieldChange("relation", end(relation.type(), "OUT", target), null), reason);
		register.relationChanged(target, writer, "RELATION_REMOVED",
				new FieldChange("relation", end(relation.type(), "IN", source), null), reason);
		audit.record(AuditEntry.of("CI_RELATION_DELETED", "ci_relation", relationId)
			.before(Map.of("sourceId", relation.sourceId(), "targetId", relation.targetId(), "type",
					relation.type().name()))
			.detail(reason));
	}

	private boolean visible(long itemId, CmdbScope.View reader) {
		try {
			register.visible(itemId, reader);
			return true;
		}
		catch (RejectedRequest notFound) {
			return false;
		}
	}

	/** The relation as one end's history tells it: its type, direction and the other end. */
	private static Map<String, Object> end(RelationType type, String direction, ConfigurationItem other) {
		Map<String, Object> end = new LinkedHashMap<>();
		end.put("type", type.name());
		end.put("direction", direction);
		end.put("otherId", other.id());
		end.put("otherName", other.fields().name());
		return end;
	}
}
