package org.yunwei.cmdb.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.Party;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.People;
import org.yunwei.identity.Permission;
import org.yunwei.identity.Person;
import org.yunwei.notification.Notice;

/**
 * 低库存提醒: when a movement leaves a part's total below its minimum stock, the part's keepers hear of it once — a
 * {@link Notice} (topic {@code cmdb.spare.low-stock}) in the movement's transaction — and not again on every further
 * issue while it stays low; once the stock is back at or above the minimum the mark is cleared, so that the next fall
 * warns again. The keepers are the people of the keeping party (the provider, or management for management's own
 * parts) who hold CMDB_MANAGE, i.e. who may receive stock; the party's group robots hear of it too.
 */
@Component
class LowStockWarning {

	static final String TOPIC = "cmdb.spare.low-stock";
	private static final Locale LANGUAGE = Locale.SIMPLIFIED_CHINESE;

	private final SpareRecords records;
	private final People people;
	private final Organisations organisations;
	private final MessageSource messages;
	private final ApplicationEventPublisher events;
	private final AuditTrail audit;

	LowStockWarning(SpareRecords records, People people, Organisations organisations, MessageSource messages,
			ApplicationEventPublisher events, AuditTrail audit) {
		this.records = records;
		this.people = people;
		this.organisations = organisations;
		this.messages = messages;
		this.events = events;
		this.audit = audit;
	}

	/** After a movement of the part, within its transaction: warns on the crossing below the minimum, once. */
	void check(long partId) {
		SpareRecords.Row part = records.find(partId).orElseThrow();
		if (part.minimumStock() == 0 || part.total() >= part.minimumStock()) {
			records.clearLowStockWarned(partId);
			return;
		}
		if (!records.markLowStockWarned(partId)) {
			return;
		}
		Long keeper = keeper(part);
		Set<Long> recipients = keeper == null ? Set.of()
				: people.holding(Permission.CMDB_MANAGE, keeper).stream().map(Person::id)
					.collect(Collectors.toUnmodifiableSet());
		String subject = text("cmdb.spare.notice.low", part.name());
		String body = text("cmdb.spare.notice.low.body", part.name(), part.model() == null ? "" : part.model(),
				part.total(), part.unitName(), part.minimumStock());
		events.publishEvent(new Notice(TOPIC, subject, body, "/cmdb/spares/" + partId, recipients, Set.of(), keeper));
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("total", part.total());
		after.put("minimumStock", part.minimumStock());
		after.put("recipients", recipients.size());
		audit.record(AuditEntry.of("SPARE_LOW_STOCK_WARNED", "ci_spare_part", partId).after(after)
			.detail(part.name()));
	}

	/** The keeping party: the provider named, or management for the parts it keeps itself. */
	private Long keeper(SpareRecords.Row part) {
		if (part.providerPartyId() != null) {
			return part.providerPartyId();
		}
		return organisations.parties(PartyKind.MANAGEMENT).stream().map(Party::id).findFirst().orElse(null);
	}

	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, key, LANGUAGE);
	}
}
