package org.yunwei.document.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.document.DocumentToRead;
import org.yunwei.document.internal.DocumentVersion.VersionStatus;
import org.yunwei.identity.Actor;
import org.yunwei.identity.OrganisationUnit;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.People;
import org.yunwei.identity.Person;
import org.yunwei.identity.Positions;
import org.yunwei.notification.Notice;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * Acknowledgement (阅知确认): who a version asks to confirm having read it, resolved into people when it is published
 * (or at once for a published version), each told; who has confirmed and who has not, reminders to those who have
 * not, and the list as a workbook. Those who may see the list are the document's keepers and management and
 * supervision, who read everything; anyone who reads a published version may confirm it.
 */
@Service
class Acknowledgements {

	/** A role a version may ask by, named in the reader's language (a custom role by the name it was given). */
	record ReaderRole(String code, String name) {
	}

	/** The most people one version asks. */
	static final int MAX_READERS = 5000;

	private final AcknowledgementRecords records;
	private final DocumentRecords documents;
	private final VersionRecords versions;
	private final DocumentAccess access;
	private final People people;
	private final Positions positions;
	private final Organisations organisations;
	private final ApplicationEventPublisher events;
	private final MessageSource messages;
	private final AuditTrail audit;
	private final ZoneId zone;

	Acknowledgements(AcknowledgementRecords records, DocumentRecords documents, VersionRecords versions,
			DocumentAccess access, People people, Positions positions, Organisations organisations,
			ApplicationEventPublisher events,
			MessageSource messages, AuditTrail audit, @Value("${yunwei.documents.zone:Asia/Shanghai}") ZoneId zone) {
		this.records = records;
		this.documents = documents;
		this.versions = versions;
		this.access = access;
		this.people = people;
		this.positions = positions;
		this.organisations = organisations;
		this.events = events;
		this.messages = messages;
		this.audit = audit;
		this.zone = zone;
	}

	/** A person asked, as the list shows them. */
	public record Reader(long userId, String name, String unit, Instant askedAt, Instant acknowledgedAt,
			Instant remindedAt) {

		public boolean confirmed() {
			return acknowledgedAt != null;
		}
	}

	/** A version's acknowledgement: who it asks by, the people asked, how many confirmed. */
	public record Status(long documentId, long versionId, int versionNumber, ReadersDraft readers, List<Reader> people,
			long asked, long confirmed) {
	}

	/** Sets who a version asks; a published version asks the people at once. 409 for a superseded version. */
	@Transactional
	public Status setReaders(long documentId, long versionId, ReadersDraft draft) {
		access.requireManager();
		DocumentRecords.Row row = documents.find(documentId, access.readerScope(), true)
			.orElseThrow(() -> RejectedRequest.notFound("document"));
		access.requireManagerOf(row);
		DocumentVersion version = versions.find(documentId, versionId)
			.orElseThrow(() -> RejectedRequest.notFound("document-version"));
		if (version.status() == VersionStatus.SUPERSEDED) {
			throw RejectedRequest.conflict("document-version-superseded", "document.version.superseded");
		}
		FieldErrors errors = new FieldErrors();
		Set<Long> users = new LinkedHashSet<>(draft.userIds());
		if (users.contains(null) || people.findAll(users).size() != users.size()) {
			errors.add("userIds", "document.readers.user.unknown");
		}
		Set<String> roles = new LinkedHashSet<>(draft.roleCodes());
		Set<String> known = new LinkedHashSet<>();
		positions.roleChoices().forEach(r -> known.add(r.code()));
		if (roles.contains(null) || !known.containsAll(roles)) {
			errors.add("roleCodes", "document.readers.role.unknown");
		}
		Set<Long> units = new LinkedHashSet<>(draft.orgUnitIds());
		if (units.contains(null) || organisations.findAll(units).size() != units.size()) {
			errors.add("orgUnitIds", "document.readers.unit.unknown");
		}
		errors.throwIfAny();
		ReadersDraft readers = new ReadersDraft(List.copyOf(users), List.copyOf(roles), List.copyOf(units));
		records.replaceReaders(versionId, readers);
		int asked = version.status() == VersionStatus.PUBLISHED ? askReaders(row, versionId) : 0;
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("versionId", versionId);
		after.put("userIds", readers.userIds());
		after.put("roleCodes", readers.roleCodes());
		after.put("orgUnitIds", readers.orgUnitIds());
		after.put("asked", asked);
		audit.record(AuditEntry.of("DOCUMENT_READERS_SET", "document", documentId).after(after).detail(row.title()));
		return status(row, version);
	}

	/**
	 * Every role a version may ask by: the built-in ones and those the administrators defined (a custom role's
	 * holders are resolved like a built-in one's, within the parties the document applies to).
	 */
	List<ReaderRole> readerRoles(java.util.Locale locale) {
		return positions.roleChoices()
			.stream()
			.map(r -> new ReaderRole(r.code(), messages.getMessage("role." + r.code(), null, r.name(), locale)))
			.toList();
	}

	/** Resolves a published version's readers into people and asks those not asked yet; how many were asked. */
	int askReaders(DocumentRecords.Row row, long versionId) {
		ReadersDraft readers = records.readers(versionId);
		Set<Long> userIds = new LinkedHashSet<>(readers.userIds());
		if (!readers.orgUnitIds().isEmpty()) {
			people.ofUnits(unitsWithin(readers.orgUnitIds()), MAX_READERS).forEach(p -> userIds.add(p.id()));
		}
		if (!readers.roleCodes().isEmpty()) {
			Set<Long> parties = partiesOf(row);
			for (String role : readers.roleCodes()) {
				for (Long party : parties) {
					userIds.addAll(positions.holdersOfRole(role, party, null, MAX_READERS));
				}
			}
		}
		List<Long> asked = userIds.stream().limit(MAX_READERS).toList();
		int added = records.ask(versionId, asked);
		if (added > 0) {
			events.publishEvent(new Notice("document.acknowledgement", text("document.notice.read.subject", row.title()),
					text("document.notice.read.body", row.title()), "/documents/" + row.id(), Set.copyOf(asked), null,
					null));
		}
		return added;
	}

	/** The signed-in person confirms having read the current version. 409 for a version that is not current. */
	@Transactional
	public void acknowledge(long documentId, long versionId) {
		DocumentRecords.Row row = documents.find(documentId, access.readerScope(), false)
			.orElseThrow(() -> RejectedRequest.notFound("document"));
		DocumentVersion version = versions.find(documentId, versionId)
			.filter(v -> !v.internal() || access.seesInternal())
			.orElseThrow(() -> RejectedRequest.notFound("document-version"));
		if (version.status() != VersionStatus.PUBLISHED) {
			throw RejectedRequest.conflict("document-version-not-current", "document.version.not-current");
		}
		Actor actor = access.actor();
		if (records.acknowledge(versionId, actor.userId(), Instant.now())) {
			audit.record(AuditEntry.of("DOCUMENT_ACKNOWLEDGED", "document", documentId)
				.after(Map.of("versionId", versionId, "number", version.number()))
				.detail(row.title()));
		}
	}

	@Transactional(readOnly = true)
	public Status status(long documentId, long versionId) {
		if (!access.mayManage() && access.actor().partyKind() != PartyKind.MANAGEMENT
				&& access.actor().partyKind() != PartyKind.SUPERVISION) {
			throw RejectedRequest.forbidden("document.acknowledgement.forbidden");
		}
		DocumentRecords.Row row = documents.find(documentId, access.readerScope(), false)
			.orElseThrow(() -> RejectedRequest.notFound("document"));
		requireOverseer(row);
		DocumentVersion version = versions.find(documentId, versionId)
			.orElseThrow(() -> RejectedRequest.notFound("document-version"));
		return status(row, version);
	}

	/** Whether the signed-in person may see who confirmed: the keepers, management and supervision. */
	boolean oversees(DocumentRecords.Row row) {
		Actor actor = access.actor();
		return access.keeps(row) || actor.partyKind() == PartyKind.MANAGEMENT
				|| actor.partyKind() == PartyKind.SUPERVISION;
	}

	private void requireOverseer(DocumentRecords.Row row) {
		if (!oversees(row)) {
			throw RejectedRequest.forbidden("document.acknowledgement.forbidden");
		}
	}

	/** Tells those who have not confirmed yet; how many were told. */
	@Transactional
	public int remind(long documentId, long versionId) {
		access.requireManager();
		DocumentRecords.Row row = documents.find(documentId, access.readerScope(), false)
			.orElseThrow(() -> RejectedRequest.notFound("document"));
		access.requireManagerOf(row);
		DocumentVersion version = versions.find(documentId, versionId)
			.orElseThrow(() -> RejectedRequest.notFound("document-version"));
		if (version.status() != VersionStatus.PUBLISHED) {
			throw RejectedRequest.conflict("document-version-not-current", "document.version.not-current");
		}
		List<Long> open = records.unconfirmed(versionId);
		if (!open.isEmpty()) {
			events.publishEvent(new Notice("document.acknowledgement",
					text("document.notice.remind.subject", row.title()), text("document.notice.read.body", row.title()),
					"/documents/" + documentId, Set.copyOf(open), null, null));
			records.reminded(versionId, Instant.now());
		}
		audit.record(AuditEntry.of("DOCUMENT_READERS_REMINDED", "document", documentId)
			.after(Map.of("versionId", versionId, "reminded", open.size()))
			.detail(row.title()));
		return open.size();
	}

	/** The list as an Excel workbook (.xlsx), in the reader's language. */
	@Transactional(readOnly = true)
	public byte[] export(long documentId, long versionId, Locale locale) {
		Status status = status(documentId, versionId);
		DocumentRecords.Row row = documents.find(documentId, access.readerScope(), false).orElseThrow();
		DateTimeFormatter at = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet(messages.getMessage("document.ack.sheet", null, locale));
			Row title = sheet.createRow(0);
			title.createCell(0).setCellValue(row.title() + " · v" + status.versionNumber());
			Row head = sheet.createRow(1);
			String[] columns = { "document.ack.person", "document.ack.unit", "document.ack.asked",
					"document.ack.confirmed", "document.ack.reminded" };
			for (int i = 0; i < columns.length; i++) {
				head.createCell(i).setCellValue(messages.getMessage(columns[i], null, locale));
			}
			int r = 2;
			String not = messages.getMessage("document.ack.not-yet", null, locale);
			for (Reader reader : status.people()) {
				Row line = sheet.createRow(r++);
				line.createCell(0).setCellValue(reader.name());
				line.createCell(1).setCellValue(reader.unit());
				line.createCell(2).setCellValue(at.format(reader.askedAt()));
				line.createCell(3).setCellValue(reader.confirmed() ? at.format(reader.acknowledgedAt()) : not);
				line.createCell(4).setCellValue(reader.remindedAt() == null ? "" : at.format(reader.remindedAt()));
			}
			for (int i = 0; i < columns.length; i++) {
				sheet.setColumnWidth(i, 24 * 256);
			}
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException impossible) {
			throw new UncheckedIOException(impossible);
		}
	}

	/** The signed-in person's versions to confirm. */
	@Transactional(readOnly = true)
	public List<DocumentToRead> toRead(long userId, int limit) {
		return records.toRead(userId, limit);
	}

	@Transactional(readOnly = true)
	public long toReadCount(long userId) {
		return records.toReadCount(userId);
	}

	/** Whether the person has confirmed this version. */
	boolean confirmed(long versionId, long userId) {
		return records.of(versionId).stream().anyMatch(a -> a.userId() == userId && a.acknowledgedAt() != null);
	}

	private Status status(DocumentRecords.Row row, DocumentVersion version) {
		List<AcknowledgementRecords.Asked> asked = records.of(version.id());
		Map<Long, Person> persons = people.findAll(asked.stream().map(AcknowledgementRecords.Asked::userId).toList())
			.stream()
			.collect(Collectors.toMap(Person::id, Function.identity()));
		Map<Long, String> unitNames = organisations.findAll(persons.values().stream().map(Person::orgUnitId)
			.collect(Collectors.toSet())).stream().collect(Collectors.toMap(OrganisationUnit::id, OrganisationUnit::name));
		List<Reader> readers = new ArrayList<>();
		for (AcknowledgementRecords.Asked a : asked) {
			Person p = persons.get(a.userId());
			readers.add(new Reader(a.userId(), p == null ? "—" : p.displayName(),
					p == null ? "" : unitNames.getOrDefault(p.orgUnitId(), ""), a.askedAt(), a.acknowledgedAt(),
					a.remindedAt()));
		}
		long confirmed = readers.stream().filter(Reader::confirmed).count();
		return new Status(row.id(), version.id(), version.number(), records.readers(version.id()), readers,
				readers.size(), confirmed);
	}

	/** These units and every unit below them. */
	private Set<Long> unitsWithin(List<Long> unitIds) {
		Set<Long> within = new LinkedHashSet<>(unitIds);
		for (PartyKind kind : PartyKind.values()) {
			for (OrganisationUnit unit : organisations.ofPartyKind(kind)) {
				if (unit.ancestorIds().stream().anyMatch(unitIds::contains)) {
					within.add(unit.id());
				}
			}
		}
		return within;
	}

	/** The parties a document concerns: its keeper's, those it applies to, those of the units it applies to. */
	private Set<Long> partiesOf(DocumentRecords.Row row) {
		Set<Long> parties = new LinkedHashSet<>();
		parties.add(row.partyId());
		List<Long> units = new ArrayList<>();
		for (DocumentRecords.Applies applies : documents.scope(row.id())) {
			if (applies.partyId() != null) {
				parties.add(applies.partyId());
			}
			else {
				units.add(applies.orgUnitId());
			}
		}
		organisations.findAll(units).forEach(u -> parties.add(u.partyId()));
		return parties;
	}

	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, key, Locale.SIMPLIFIED_CHINESE);
	}
}
