package org.yunwei.cmdb.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.Party;
import org.yunwei.identity.PartyKind;
import org.yunwei.ticket.TicketReference;
import org.yunwei.ticket.Tickets;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.KeysetCursor;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

/**
 * Spare parts (备品备件) and consumables (低值易耗品): the kinds of parts a keeper holds, the stock at each storage
 * location, receipts, and issues and returns against tickets. A provider keeps and sees its own parts, management
 * its own and sees every keeper's, supervision reads all; customers keep no stock (403). Stock never goes below zero:
 * an issue of more than the location holds, or a return of more than went to the ticket, is refused (422) and
 * changes nothing. Every write is audited in its transaction.
 */
@Service
class SpareStore {

	static final int MAX_QUANTITY = 100_000;
	static final List<String> KINDS = List.of("SPARE_PART", "CONSUMABLE");

	private final SpareRecords records;
	private final CmdbScope scope;
	private final Organisations organisations;
	private final Tickets tickets;
	private final AuditTrail audit;
	private final LowStockWarning lowStock;

	SpareStore(SpareRecords records, CmdbScope scope, Organisations organisations, Tickets tickets,
			AuditTrail audit, LowStockWarning lowStock) {
		this.lowStock = lowStock;
		this.records = records;
		this.scope = scope;
		this.organisations = organisations;
		this.tickets = tickets;
		this.audit = audit;
	}

	/** The parts the reader sees, by name; only those low on stock when asked. */
	@Transactional(readOnly = true)
	public List<SparePart> list(String kind, boolean lowOnly) {
		Actor reader = reader();
		String checkedKind = null;
		if (FieldErrors.clean(kind) != null) {
			if (!KINDS.contains(kind.strip().toUpperCase(java.util.Locale.ROOT))) {
				throw RejectedRequest.invalidField("kind", "field.value.unknown");
			}
			checkedKind = kind.strip().toUpperCase(java.util.Locale.ROOT);
		}
		boolean everything = reader.partyKind() != PartyKind.PROVIDER;
		return records.parts(everything, everything ? null : reader.partyId(), checkedKind, lowOnly, 500).stream()
			.map(this::part).toList();
	}

	@Transactional(readOnly = true)
	public SparePart get(long id) {
		return part(visible(id, reader()));
	}

	@Transactional
	public SparePart create(SpareDrafts.PartDraft draft) {
		Actor writer = writer();
		FieldErrors errors = new FieldErrors();
		String name = FieldErrors.clean(draft.name());
		String model = FieldErrors.clean(draft.model());
		String unit = FieldErrors.clean(draft.unitName());
		errors.required("name", name, 200).optional("model", model, 200).required("unitName", unit, 20);
		String kind = FieldErrors.clean(draft.kind()) == null ? null : draft.kind().strip().toUpperCase(java.util.Locale.ROOT);
		if (kind == null) {
			errors.add("kind", "field.required");
		}
		else if (!KINDS.contains(kind)) {
			errors.add("kind", "field.value.unknown");
		}
		int minimum = draft.minimumStock() == null ? 0 : draft.minimumStock();
		if (minimum < 0 || minimum > MAX_QUANTITY) {
			errors.add("minimumStock", "cmdb.spare.quantity");
		}
		Long keeper = draft.providerPartyId();
		if (writer.partyKind() == PartyKind.PROVIDER) {
			if (keeper != null && keeper != writer.partyId()) {
				errors.add("providerPartyId", "cmdb.item.provider-own");
			}
			keeper = writer.partyId();
		}
		else if (keeper != null && organisations.findParty(keeper).filter(p -> p.kind() == PartyKind.PROVIDER)
			.isEmpty()) {
			errors.add("providerPartyId", "field.value.unknown");
		}
		errors.throwIfAny();
		SpareDrafts.PartDraft cleaned = new SpareDrafts.PartDraft(name, kind, model, unit, minimum, keeper);
		long id = records.insert(cleaned, kind, minimum, keeper);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("name", name);
		after.put("kind", kind);
		after.put("model", model);
		after.put("unitName", unit);
		after.put("minimumStock", minimum);
		after.put("providerPartyId", keeper);
		audit.record(AuditEntry.of("SPARE_PART_CREATED", "ci_spare_part", id).after(after).detail(name));
		return part(records.find(id).orElseThrow());
	}

	/** Receives, issues or returns stock at a location. */
	@Transactional
	public SpareMovement move(long partId, SpareDrafts.MovementDraft draft) {
		Actor writer = writer();
		SpareRecords.Row part = visible(partId, writer);
		FieldErrors errors = new FieldErrors();
		String kind = FieldErrors.clean(draft.kind()) == null ? null : draft.kind().strip().toUpperCase(java.util.Locale.ROOT);
		if (kind == null) {
			errors.add("kind", "field.required");
		}
		else if (!List.of("RECEIVED", "ISSUED", "RETURNED").contains(kind)) {
			errors.add("kind", "field.value.unknown");
		}
		String location = FieldErrors.clean(draft.location());
		errors.required("location", location, 200);
		Integer quantity = draft.quantity();
		if (quantity == null) {
			errors.add("quantity", "field.required");
		}
		else if (quantity < 1 || quantity > MAX_QUANTITY) {
			errors.add("quantity", "cmdb.spare.quantity");
		}
		String reason = FieldErrors.clean(draft.reason());
		errors.optional("reason", reason, 1000);
		TicketReference ticket = null;
		String number = FieldErrors.clean(draft.ticketNumber());
		if (kind != null && !"RECEIVED".equals(kind)) {
			if (number == null) {
				errors.add("ticketNumber", "cmdb.spare.ticket-required");
			}
			else {
				ticket = tickets.findByNumber(number).orElse(null);
				if (ticket == null) {
					errors.add("ticketNumber", "cmdb.spare.ticket-unknown");
				}
			}
		}
		errors.throwIfAny();
		int held = records.lockStock(partId, location);
		int now = switch (kind) {
			case "ISSUED" -> {
				if (quantity > held) {
					throw FieldErrors.ruleBroken("spare-stock-short", "quantity", "cmdb.spare.short");
				}
				yield held - quantity;
			}
			case "RETURNED" -> {
				if (quantity > records.outstanding(partId, ticket.id())) {
					throw FieldErrors.ruleBroken("spare-return-exceeds", "quantity", "cmdb.spare.return-exceeds");
				}
				yield held + quantity;
			}
			default -> held + quantity;
		};
		records.setStock(partId, location, now);
		long id = records.move(partId, location, kind, quantity, ticket == null ? null : ticket.id(),
				ticket == null ? null : ticket.number(), reason, writer);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("movementId", id);
		after.put("kind", kind);
		after.put("location", location);
		after.put("quantity", quantity);
		after.put("stock", now);
		if (ticket != null) {
			after.put("ticket", ticket.number());
		}
		audit.record(AuditEntry.of("SPARE_STOCK_MOVED", "ci_spare_part", partId).before(Map.of("stock", held))
			.after(after).detail(part.name()));
		lowStock.check(partId);
		return records.movements(partId, null, 1).getFirst();
	}

	/** The part's movements, newest first. */
	@Transactional(readOnly = true)
	public KeysetPage<SpareMovement> movements(long partId, String cursor, int limit) {
		visible(partId, reader());
		Long before = cursor == null ? null : KeysetCursor.decodeId(cursor)
			.orElseThrow(() -> RejectedRequest.invalidField("cursor", "field.malformed"));
		return KeysetPage.of(records.movements(partId, before, limit), limit, m -> KeysetCursor.encode(m.id()));
	}

	/** Whether the signed-in person may keep parts (for the pages' forms). */
	boolean mayKeep() {
		return scope.mayManage();
	}

	private Actor reader() {
		Actor actor = scope.reader().actor();
		if (actor.partyKind() == PartyKind.CUSTOMER) {
			throw RejectedRequest.forbidden("problem.forbidden");
		}
		return actor;
	}

	private Actor writer() {
		return scope.writer().actor();
	}

	/** The part when the person sees it: a provider its own, anyone else every part; 404 otherwise. */
	private SpareRecords.Row visible(long id, Actor actor) {
		return records.find(id)
			.filter(p -> actor.partyKind() != PartyKind.PROVIDER
					|| (p.providerPartyId() != null && p.providerPartyId() == actor.partyId()))
			.orElseThrow(() -> RejectedRequest.notFound("spare-part"));
	}

	private SparePart part(SpareRecords.Row row) {
		String keeper = row.providerPartyId() == null ? null
				: organisations.findParty(row.providerPartyId()).map(Party::name).orElse(null);
		List<SparePart.Stock> stock = records.stock(row.id()).entrySet().stream()
			.map(e -> new SparePart.Stock(e.getKey(), e.getValue())).toList();
		return new SparePart(row.id(), row.name(), row.kind(), row.model(), row.unitName(), row.minimumStock(),
				row.providerPartyId(), keeper, stock, row.total(), row.createdAt());
	}
}
