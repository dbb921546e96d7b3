package org.yunwei.cmdb.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * Relates configuration items and removes relations (CMDB_MANAGE), both ends within the writer's scope; each change
 * is a new version in the history of both items, audited in the same transaction. Where either end's class requires
 * review, the change waits for the approval module instead ({@link CiReview}).
 */
@Service
class RelationKeeping {

	private final Relations relations;
	private final ItemRegister register;
	private final CmdbScope scope;
	private final RelationRecording recording;
	private final CiReview review;
	private final CiClasses classes;

	RelationKeeping(Relations relations, ItemRegister register, CmdbScope scope, RelationRecording recording,
			CiReview review, CiClasses classes) {
		this.relations = relations;
		this.register = register;
		this.scope = scope;
		this.recording = recording;
		this.review = review;
		this.classes = classes;
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

	/**
	 * Relates the item (source) to another. When either end's class requires review (配置管理审核流程) nothing is
	 * related yet: the relation waits, on the source item, for the approval module's decision.
	 */
	@Transactional
	public Asked add(long sourceId, RelationDraft draft) {
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
		if (reviewed(source, target)) {
			return new Asked(null, review.submitRelationAdded(source, target, type, note, reason, writer.actor()));
		}
		return new Asked(recording.add(source, target, type, note, writer.actor().userId(),
				writer.actor().displayName(), reason), null);
	}

	/**
	 * Removes a relation of the item; when either end's class requires review, the removal waits, on this item, for
	 * the approval module's decision instead ({@code null} answered when it was removed at once).
	 */
	@Transactional
	public CiPendingChange remove(long itemId, long relationId, String submittedReason) {
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
		if (reviewed(source, target)) {
			ConfigurationItem asking = source.id() == itemId ? source : target;
			ConfigurationItem other = source.id() == itemId ? target : source;
			return review.submitRelationRemoved(asking, other, relation, reason, writer.actor());
		}
		recording.remove(relation, source, target, writer.actor().userId(), writer.actor().displayName(), reason);
		return null;
	}

	/**
	 * What a request to relate did: the relation when it holds now, or the change waiting for review.
	 */
	record Asked(Relation relation, CiPendingChange pending) {
	}

	/** A relation is reviewed when the class of either end (or an ancestor) requires review. */
	private boolean reviewed(ConfigurationItem source, ConfigurationItem target) {
		return classes.find(source.classId()).map(CiClass::changesReviewed).orElse(false)
				|| classes.find(target.classId()).map(CiClass::changesReviewed).orElse(false);
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
}
