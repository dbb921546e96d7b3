package org.yunwei.cmdb.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.cmdb.ConfigurationItemChanged;
import org.yunwei.identity.OrganisationUnit;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.Party;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.People;
import org.yunwei.identity.Person;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.KeysetCursor;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

/**
 * Records and changes configuration items (CMDB_MANAGE), within the writer's scope, checked against the item's
 * class, audited and kept in the item's history in the same transaction; and reads them, with their history and as
 * they were at a moment, within the reader's scope. An item outside the scope is "not found".
 */
@Service
class ItemRegister {

	private final ConfigurationItemRecords records;
	private final ItemChanges changes;
	private final CiClasses classes;
	private final CmdbScope scope;
	private final Organisations organisations;
	private final People people;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final CiUniqueness uniqueness;
	private final CiReview review;

	ItemRegister(ConfigurationItemRecords records, ItemChanges changes, CiClasses classes, CmdbScope scope,
			Organisations organisations, People people, AuditTrail audit, ApplicationEventPublisher events,
			CiUniqueness uniqueness, CiReview review) {
		this.uniqueness = uniqueness;
		this.review = review;
		this.records = records;
		this.changes = changes;
		this.classes = classes;
		this.scope = scope;
		this.organisations = organisations;
		this.people = people;
		this.audit = audit;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public ItemView get(long id) {
		return view(visible(id, scope.reader()));
	}

	@Transactional
	public ItemView create(ItemDraft draft) {
		CmdbScope.View writer = scope.writer();
		FieldErrors errors = new FieldErrors();
		CiClass itemClass = null;
		if (draft.classId() == null) {
			errors.add("classId", "field.required");
		}
		else {
			itemClass = classes.find(draft.classId()).filter(CiClass::enabled).orElse(null);
			if (itemClass == null) {
				errors.add("classId", "field.value.unknown");
			}
		}
		Lifecycle lifecycle = FieldErrors.clean(draft.lifecycle()) == null ? Lifecycle.PLANNED
				: errors.constant(Lifecycle.class, draft.lifecycle(), "lifecycle");
		if (lifecycle != null && !lifecycle.initial()) {
			errors.add("lifecycle", "cmdb.item.lifecycle.not-initial");
		}
		String reason = FieldErrors.clean(draft.reason());
		errors.optional("reason", reason, 1000);
		ItemFields fields = fields(draft, itemClass, writer, errors, java.util.Set.of());
		errors.throwIfAny();
		long id = insertChecked(itemClass, lifecycle, fields, writer.actor(), reason);
		return view(records.find(id).orElseThrow());
	}

	/**
	 * Writes a checked new item: the row, its unique values, the first entry of its history with the reason, the
	 * audit entry and the event. The caller has checked the fields against the class.
	 */
	long insertChecked(CiClass itemClass, Lifecycle lifecycle, ItemFields fields, org.yunwei.identity.Actor actor,
			String reason) {
		ConfigurationItem item = ConfigurationItem.record(itemClass, lifecycle, fields);
		Map<Long, String> unique = uniqueValues(itemClass, fields, null);
		long id;
		try {
			id = records.insert(item);
			records.replaceUniqueValues(id, unique);
		}
		catch (DuplicateKeyException concurrent) {
			throw RejectedRequest.conflict("duplicate", "problem.duplicate-field");
		}
		Map<String, Object> snapshot = item.snapshot();
		List<FieldChange> recorded = new ArrayList<>();
		snapshot.forEach((field, value) -> {
			if (value != null && !field.equals("classId")) {
				recorded.add(new FieldChange(field, null, value));
			}
		});
		changes.append(id, 1, "CREATED", actor, reason, recorded, snapshot);
		audit.record(AuditEntry.of("CI_CREATED", "configuration_item", id).after(snapshot).detail(reason));
		events.publishEvent(new ConfigurationItemChanged(id, itemClass.code(), "CREATED", 1));
		return id;
	}

	@Transactional
	public ItemView update(long id, ItemDraft draft) {
		return edit(id, draft).item();
	}

	/**
	 * Changes an item, or — when its class requires review (配置管理审核流程) — submits the change for review: the
	 * item stays as it is and the change waits for the approval module's decision.
	 */
	@Transactional
	public Edited edit(long id, ItemDraft draft) {
		CmdbScope.View writer = scope.writer();
		ConfigurationItem item = records.lock(id)
			.filter(i -> writer.includes(i.fields().customerUnitId(), i.fields().providerPartyId()))
			.orElseThrow(() -> RejectedRequest.notFound("configuration-item"));
		CiClass itemClass = classes.find(item.classId()).orElseThrow();
		FieldErrors errors = new FieldErrors();
		if (draft.classId() != null && draft.classId() != item.classId()) {
			errors.add("classId", "cmdb.item.class-fixed");
		}
		String reason = FieldErrors.clean(draft.reason());
		errors.required("reason", reason, 1000);
		ItemFields fields = fields(draft, itemClass, writer, errors, java.util.Set.of());
		errors.throwIfAny();
		Map<String, Object> before = item.snapshot();
		int baseVersion = item.version();
		List<FieldChange> changed = item.revise(fields);
		if (changed.isEmpty()) {
			return new Edited(view(item), null);
		}
		Map<Long, String> unique = uniqueValues(itemClass, fields, id);
		if (itemClass.changesReviewed()) {
			CiPendingChange pending = review.submit(id, itemClass, baseVersion, fields, changed, reason,
					writer.actor());
			return new Edited(view(records.find(id).orElseThrow()), pending);
		}
		try {
			records.update(item);
			records.replaceUniqueValues(id, unique);
		}
		catch (DuplicateKeyException concurrent) {
			throw RejectedRequest.conflict("duplicate", "problem.duplicate-field");
		}
		changes.append(id, item.version(), "UPDATED", writer.actor(), reason, changed, item.snapshot());
		audit.record(AuditEntry.of("CI_CHANGED", "configuration_item", id).before(only(before, changed))
			.after(only(item.snapshot(), changed)).detail(reason));
		events.publishEvent(new ConfigurationItemChanged(id, itemClass.code(), "UPDATED", item.version()));
		return new Edited(view(records.find(id).orElseThrow()), null);
	}

	/**
	 * Records the version a completed release (发布) deployed on an item whose class has the version attribute (an
	 * application system's 当前版本), as a change in its history with the release as its reason. No review is asked
	 * even for a reviewed class: the release's own approval covered the deployment, and the version records what now
	 * runs. The item must be visible to the signed-in person, who completed the release; answers whether it changed.
	 */
	@Transactional
	public boolean recordVersion(long id, String version, String reason) {
		CmdbScope.View reader = scope.reader();
		ConfigurationItem item = records.lock(id)
			.filter(i -> reader.includes(i.fields().customerUnitId(), i.fields().providerPartyId()))
			.orElseThrow(() -> RejectedRequest.notFound("configuration-item"));
		CiClass itemClass = classes.find(item.classId()).orElseThrow();
		if (itemClass.attributes().stream().noneMatch(a -> a.code().equals(ReleasedVersions.ATTRIBUTE))) {
			throw FieldErrors.ruleBroken("item-without-version", "ciIds", "cmdb.item.without-version");
		}
		ItemFields f = item.fields();
		Map<String, Object> attributes = new java.util.TreeMap<>(f.attributes());
		attributes.put(ReleasedVersions.ATTRIBUTE, version);
		List<FieldChange> changed = item.revise(new ItemFields(f.name(), f.assetTag(), f.serialNumber(),
				f.ipAddress(), f.customerUnitId(), f.providerPartyId(), f.ownerUserId(), f.custodianUserId(),
				f.building(), f.floor(), f.room(), f.rack(), f.supplier(), f.purchasedOn(), f.purchasePrice(),
				f.warrantyUntil(), attributes));
		if (changed.isEmpty()) {
			return false;
		}
		records.update(item);
		changes.append(id, item.version(), "UPDATED", reader.actor(), reason, changed, item.snapshot());
		audit.record(AuditEntry.of("CI_CHANGED", "configuration_item", id)
			.after(Map.of(ReleasedVersions.ATTRIBUTE, version)).detail(reason));
		events.publishEvent(new ConfigurationItemChanged(id, itemClass.code(), "UPDATED", item.version()));
		return true;
	}

	/**
	 * What an edit did: the item as it is now, and the change waiting for review when its class requires one
	 * ({@code null} when the edit applied at once or changed nothing).
	 */
	record Edited(ItemView item, CiPendingChange pending) {
	}

	/**
	 * Moves an item along its lifecycle, or — when its class requires review — submits the move for review: the item
	 * stays where it is until the approval module grants it.
	 */
	@Transactional
	public Edited moveTo(long id, String target, String submittedReason) {
		CmdbScope.View writer = scope.writer();
		ConfigurationItem item = records.lock(id)
			.filter(i -> writer.includes(i.fields().customerUnitId(), i.fields().providerPartyId()))
			.orElseThrow(() -> RejectedRequest.notFound("configuration-item"));
		FieldErrors errors = new FieldErrors();
		Lifecycle lifecycle = errors.constant(Lifecycle.class, target, "lifecycle");
		String reason = FieldErrors.clean(submittedReason);
		errors.required("reason", reason, 1000);
		errors.throwIfAny();
		CiClass itemClass = classes.find(item.classId()).orElseThrow();
		int baseVersion = item.version();
		Lifecycle from = item.lifecycle();
		// checked on the item before anything is submitted: a move the lifecycle does not allow is refused at once
		FieldChange change = item.moveTo(lifecycle);
		if (itemClass.changesReviewed()) {
			CiPendingChange pending = review.submitLifecycle(id, itemClass, baseVersion, from, lifecycle, reason,
					writer.actor());
			return new Edited(view(records.find(id).orElseThrow()), pending);
		}
		records.update(item);
		changes.append(id, item.version(), "LIFECYCLE", writer.actor(), reason, List.of(change), item.snapshot());
		audit.record(AuditEntry.of("CI_LIFECYCLE_CHANGED", "configuration_item", id)
			.before(Map.of("lifecycle", change.before())).after(Map.of("lifecycle", change.after())).detail(reason));
		events.publishEvent(new ConfigurationItemChanged(id, itemClass.code(), "LIFECYCLE", item.version()));
		return new Edited(view(item), null);
	}

	/** The item's history, newest first. */
	@Transactional(readOnly = true)
	public KeysetPage<ItemChange> history(long id, String cursor, int limit) {
		visible(id, scope.reader());
		Long before = cursor == null ? null : KeysetCursor.decodeId(cursor)
			.orElseThrow(() -> RejectedRequest.invalidField("cursor", "field.malformed"));
		return KeysetPage.of(changes.of(id, before, limit), limit, c -> KeysetCursor.encode(c.id()));
	}

	/** The item as it was at a moment: its last change at or before it; 404 when it did not exist yet. */
	@Transactional(readOnly = true)
	public ItemChange asOf(long id, Instant moment) {
		visible(id, scope.reader());
		return changes.asOf(id, moment).orElseThrow(() -> RejectedRequest.notFound("configuration-item"));
	}

	/**
	 * What is wrong with a draft for a new item of the class, checked as {@link #create} checks it (uniqueness against
	 * the stored items included) but without writing: the field errors by field, empty when the draft would be saved,
	 * and the checked fields for the caller's own checks across several drafts.
	 */
	Checked check(ItemDraft draft, CiClass itemClass, CmdbScope.View writer) {
		return check(draft, itemClass, writer, java.util.Set.of(), true);
	}

	/**
	 * As {@link #check(ItemDraft, CiClass, CmdbScope.View)}, for an import that checks many drafts: the customer units
	 * it already knows the writer may name are not looked up again, and it checks uniqueness itself for all rows at
	 * once when {@code uniqueness} is false.
	 */
	Checked check(ItemDraft draft, CiClass itemClass, CmdbScope.View writer, java.util.Set<Long> knownUnits,
			boolean uniqueness) {
		FieldErrors errors = new FieldErrors();
		Lifecycle lifecycle = FieldErrors.clean(draft.lifecycle()) == null ? Lifecycle.PLANNED
				: errors.constant(Lifecycle.class, draft.lifecycle(), "lifecycle");
		if (lifecycle != null && !lifecycle.initial()) {
			errors.add("lifecycle", "cmdb.item.lifecycle.not-initial");
		}
		errors.optional("reason", FieldErrors.clean(draft.reason()), 1000);
		ItemFields fields = fields(draft, itemClass, writer, errors, knownUnits);
		if (errors.isEmpty() && uniqueness) {
			try {
				uniqueValues(itemClass, fields, null);
			}
			catch (RejectedRequest taken) {
				taken.fieldErrors().forEach(errors::add);
			}
		}
		return new Checked(fields, lifecycle, errors.asMap());
	}

	record Checked(ItemFields fields, Lifecycle lifecycle, Map<String, String> errors) {
	}

	/** The item for a writer about to relate it, locked; 404 outside the writer's scope. */
	ConfigurationItem writable(long id, CmdbScope.View writer) {
		return records.lock(id)
			.filter(i -> writer.includes(i.fields().customerUnitId(), i.fields().providerPartyId()))
			.orElseThrow(() -> RejectedRequest.notFound("configuration-item"));
	}

	/**
	 * The item if the reader may see it; empty otherwise, without a refusal thrown, so that a caller inside its own
	 * transaction (another module's page asking the facade) is not left with a transaction marked for rollback.
	 */
	@Transactional(readOnly = true)
	public Optional<ItemView> findVisible(long id) {
		CmdbScope.View reader = scope.reader();
		return records.find(id).filter(i -> reader.includes(i.fields().customerUnitId(), i.fields().providerPartyId()))
			.map(this::view);
	}

	/**
	 * The item whatever anyone's scope, for what the system does on its own with nobody signed in (an automated
	 * check's alarm opening an incident on the item's unit).
	 */
	@Transactional(readOnly = true)
	public Optional<ItemView> findForSystem(long id) {
		return records.find(id).map(this::view);
	}

	ConfigurationItem visible(long id, CmdbScope.View reader) {
		return records.find(id).filter(i -> reader.includes(i.fields().customerUnitId(), i.fields().providerPartyId()))
			.orElseThrow(() -> RejectedRequest.notFound("configuration-item"));
	}

	ItemView view(ConfigurationItem item) {
		ItemFields f = item.fields();
		CiClass itemClass = classes.find(item.classId()).orElseThrow();
		String unit = f.customerUnitId() == null ? null
				: organisations.find(f.customerUnitId()).map(u -> u.partyName() + " / " + u.name()).orElse(null);
		String provider = f.providerPartyId() == null ? null
				: organisations.findParty(f.providerPartyId()).map(Party::name).orElse(null);
		String owner = f.ownerUserId() == null ? null
				: people.find(f.ownerUserId()).map(Person::displayName).orElse(null);
		String custodian = f.custodianUserId() == null ? null
				: people.find(f.custodianUserId()).map(Person::displayName).orElse(null);
		return new ItemView(item.id(), item.classId(), itemClass.code(), itemClass.name(), f.name(),
				item.lifecycle(), f.assetTag(), f.serialNumber(), f.ipAddress(), f.customerUnitId(), unit,
				f.providerPartyId(), provider, f.ownerUserId(), owner, f.custodianUserId(), custodian, f.building(),
				f.floor(), f.room(), f.rack(), f.supplier(), f.purchasedOn(), f.purchasePrice(), f.warrantyUntil(),
				f.attributes(), item.version(), item.createdAt(), item.updatedAt());
	}

	/** The submitted fields, checked; the mistakes join {@code errors}. */
	private ItemFields fields(ItemDraft draft, CiClass itemClass, CmdbScope.View writer, FieldErrors errors,
			java.util.Set<Long> knownUnits) {
		String name = FieldErrors.clean(draft.name());
		String assetTag = FieldErrors.clean(draft.assetTag());
		String serial = FieldErrors.clean(draft.serialNumber());
		String ip = FieldErrors.clean(draft.ipAddress());
		errors.required("name", name, 200).optional("assetTag", assetTag, 64).optional("serialNumber", serial, 100);
		if (ip != null) {
			Optional<String> normal = AttributeValues.ipAddress(ip);
			if (normal.isEmpty()) {
				errors.add("ipAddress", "cmdb.field.ip");
			}
			ip = normal.orElse(null);
		}
		Long unitId = draft.customerUnitId();
		if (unitId != null && !knownUnits.contains(unitId)) {
			Optional<OrganisationUnit> unit = organisations.find(unitId)
				.filter(u -> u.partyKind() == PartyKind.CUSTOMER);
			if (unit.isEmpty()) {
				errors.add("customerUnitId", "field.value.unknown");
			}
		}
		Long providerId = draft.providerPartyId();
		if (providerId != null && organisations.findParty(providerId).filter(p -> p.kind() == PartyKind.PROVIDER)
			.isEmpty()) {
			errors.add("providerPartyId", "field.value.unknown");
		}
		else if (writer.provider()) {
			if (providerId != null && providerId != writer.actor().partyId()) {
				errors.add("providerPartyId", "cmdb.item.provider-own");
			}
			else if (unitId == null) {
				// an item a provider records for no customer is its own: otherwise it could not see it again
				providerId = writer.actor().partyId();
			}
		}
		if (!errors.has("customerUnitId") && !errors.has("providerPartyId") && !writer.includes(unitId, providerId)) {
			errors.add("customerUnitId", "cmdb.item.unit-not-served");
		}
		Long owner = person(draft.ownerUserId(), "ownerUserId", errors);
		Long custodian = person(draft.custodianUserId(), "custodianUserId", errors);
		String building = FieldErrors.clean(draft.building());
		String floor = FieldErrors.clean(draft.floor());
		String room = FieldErrors.clean(draft.room());
		String rack = FieldErrors.clean(draft.rack());
		String supplier = FieldErrors.clean(draft.supplier());
		errors.optional("building", building, 100).optional("floor", floor, 50).optional("room", room, 100)
			.optional("rack", rack, 100).optional("supplier", supplier, 200);
		LocalDate purchased = date(draft.purchasedOn(), "purchasedOn", errors);
		LocalDate warranty = date(draft.warrantyUntil(), "warrantyUntil", errors);
		if (purchased != null && warranty != null && warranty.isBefore(purchased)) {
			errors.add("warrantyUntil", "cmdb.item.warranty-before-purchase");
		}
		BigDecimal price = price(draft.purchasePrice(), errors);
		Map<String, Object> attributes = itemClass == null ? Map.of()
				: AttributeValues.check(itemClass, draft.attributes(), errors,
						ref -> records.find(ref)
							.filter(i -> writer.includes(i.fields().customerUnitId(), i.fields().providerPartyId()))
							.map(i -> new AttributeValues.CiClassOfItem(i.classPath())));
		return new ItemFields(name, assetTag, serial, ip, unitId, providerId, owner, custodian, building, floor, room,
				rack, supplier, purchased, price, warranty, attributes);
	}

	private Long person(Long userId, String field, FieldErrors errors) {
		if (userId != null && people.find(userId).filter(Person::enabled).isEmpty()) {
			errors.add(field, "field.value.unknown");
		}
		return userId;
	}

	private static LocalDate date(String text, String field, FieldErrors errors) {
		String cleaned = FieldErrors.clean(text);
		if (cleaned == null) {
			return null;
		}
		try {
			return LocalDate.parse(cleaned);
		}
		catch (DateTimeParseException malformed) {
			errors.add(field, "cmdb.field.date");
			return null;
		}
	}

	private static BigDecimal price(String text, FieldErrors errors) {
		String cleaned = FieldErrors.clean(text);
		if (cleaned == null) {
			return null;
		}
		try {
			BigDecimal price = new BigDecimal(cleaned);
			if (price.signum() < 0 || price.scale() > 2 || price.compareTo(new BigDecimal("1000000000000")) >= 0) {
				errors.add("purchasePrice", "cmdb.field.price");
				return null;
			}
			return price;
		}
		catch (NumberFormatException malformed) {
			errors.add("purchasePrice", "cmdb.field.price");
			return null;
		}
	}

	private Map<Long, String> uniqueValues(CiClass itemClass, ItemFields fields, Long itemId) {
		return uniqueness.values(itemClass, fields, itemId);
	}

	static Map<String, Object> only(Map<String, Object> values, List<FieldChange> changed) {
		Map<String, Object> selected = new LinkedHashMap<>();
		changed.forEach(c -> selected.put(c.field(), values.get(c.field())));
		return selected;
	}
}
