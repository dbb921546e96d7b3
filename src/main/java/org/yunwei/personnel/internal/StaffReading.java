package org.yunwei.personnel.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.identity.Actor;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.OrganisationUnit;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.Party;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.People;
import org.yunwei.identity.Person;
import org.yunwei.identity.Positions;
import org.yunwei.identity.Staffing;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.KeysetCursor;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

/**
 * Reading staff records: the list of those in the reader's scope, one record with its certificates, the reader's
 * own record, and the choices the keepers' forms offer. Names of people, units and posts come from the identity
 * module at reading time: the record points at them, it does not copy them.
 */
@Service
class StaffReading {

	/** A certificate is flagged as expiring this many days before its expiry. */
	static final int EXPIRING_DAYS = 60;
	static final int CHOICES = 500;

	private final StaffRecords records;
	private final CertificateRecords certificates;
	private final StaffAccess access;
	private final PersonalFields personal;
	private final People people;
	private final Organisations organisations;
	private final Positions positions;
	private final Staffing staffing;
	private final Clock clock;

	StaffReading(StaffRecords records, CertificateRecords certificates, StaffAccess access, PersonalFields personal,
			People people, Organisations organisations, Positions positions, Staffing staffing,
			@Value("${yunwei.personnel.zone:Asia/Shanghai}") ZoneId zone) {
		this.records = records;
		this.certificates = certificates;
		this.access = access;
		this.personal = personal;
		this.people = people;
		this.organisations = organisations;
		this.positions = positions;
		this.staffing = staffing;
		this.clock = Clock.system(zone);
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	/** One line of the list. */
	public record StaffLine(long id, long userId, String name, String orgUnitName, String partyName, String postName,
			String clearance, LocalDate joinedOn, long certificates, long expiredCertificates) {
	}

	/** A certificate as shown, with its state on the day read. */
	public record CertificateView(long id, String name, String issuer, String number, LocalDate issuedOn,
			LocalDate expiresOn, boolean expired, boolean expiring) {
	}

	/**
	 * A record as its reader may see it.
	 *
	 * @param personalDataShown whether the reader may see the personal data (the person, or a keeper)
	 * @param personalDataUnreadable the personal data is there but does not open with this installation's key
	 * @param phone {@code null} when none, or not shown
	 * @param idNumber {@code null} when none, or not shown
	 * @param mayManage whether the reader keeps this record
	 */
	public record StaffView(long id, long userId, String name, String username, String orgUnitName, String partyName,
			Long postId, String postName, LocalDate joinedOn, List<String> skills, List<String> xinchuangProducts,
			String clearance, LocalDate clearanceUntil, List<CertificateView> certificates, boolean personalDataShown,
			boolean personalDataUnreadable, String phone, String idNumber, boolean mayManage) {
	}

	/** The records in the reader's scope, of one provider party or of all, by id. */
	@Transactional(readOnly = true)
	public KeysetPage<StaffLine> page(Long partyId, String cursor, Integer limit) {
		access.requireReader();
		FieldErrors errors = new FieldErrors();
		int size = KeysetPage.limit(limit, errors, "personnel.limit.invalid");
		long after = 0;
		if (cursor != null) {
			Long decoded = KeysetCursor.decodeId(cursor).orElse(null);
			if (decoded == null) {
				errors.add("cursor", "field.malformed");
			}
			else {
				after = decoded;
			}
		}
		errors.throwIfAny();
		DataScope scope = access.scope();
		List<StaffRecords.StaffLineRow> rows = records.page(scope, partyId, after, size, today());
		Names names = names(rows.stream().map(StaffRecords.StaffLineRow::member).toList());
		List<StaffLine> lines = rows.stream().map(row -> {
			StaffMember m = row.member();
			return new StaffLine(m.id(), m.userId(), names.person(m.userId()), names.unit(m.orgUnitId()),
					names.party(m.partyId()), names.post(m.content().postId()), m.content().clearance().name(),
					m.content().joinedOn(), row.certificates(), row.expired());
		}).toList();
		return KeysetPage.of(lines, size, line -> KeysetCursor.encode(String.valueOf(line.id())));
	}

	/** A record of the reader's scope; 403 without PERSONNEL_READ, whatever the id. */
	@Transactional(readOnly = true)
	public StaffView view(long id) {
		Actor reader = access.requireReader();
		StaffMember member = records.find(id).filter(access::sees).orElseThrow(() -> RejectedRequest.notFound("staff"));
		return view(reader, member);
	}

	/** The reader's own record, which needs no permission. */
	@Transactional(readOnly = true)
	public Optional<StaffView> mine() {
		Actor reader = access.actor();
		return records.findByUser(reader.userId()).map(member -> view(reader, member));
	}

	/** The providers' people in the keeper's scope who have no record yet, by name: the new-record form's choices. */
	@Transactional(readOnly = true)
	public List<Person> unrecordedPeople() {
		Actor keeper = access.requireKeeper();
		List<Person> candidates = new ArrayList<>();
		for (Party party : providerParties(keeper)) {
			candidates.addAll(people.ofParty(party.id(), CHOICES));
		}
		List<Long> recorded = records.recorded(candidates.stream().map(Person::id).toList());
		return candidates.stream().filter(p -> !recorded.contains(p.id())).toList();
	}

	/** The providers' posts in the keeper's scope: the forms' choices. */
	@Transactional(readOnly = true)
	public List<Staffing.StaffedPost> postChoices() {
		Actor keeper = access.requireKeeper();
		List<Staffing.StaffedPost> posts = new ArrayList<>();
		for (Party party : providerParties(keeper)) {
			posts.addAll(staffing.posts(party.id(), CHOICES));
		}
		return posts;
	}

	/** The provider parties in the reader's scope: the list's filter. */
	@Transactional(readOnly = true)
	public List<Party> providerParties() {
		return providerParties(access.requireReader());
	}

	private List<Party> providerParties(Actor actor) {
		DataScope scope = access.scope();
		return organisations.parties(PartyKind.PROVIDER).stream().filter(p -> scope.includesParty(p.id())).toList();
	}

	private StaffView view(Actor reader, StaffMember member) {
		Names names = names(List.of(member));
		Person person = people.find(member.userId()).orElse(null);
		LocalDate today = today();
		List<CertificateView> certs = certificates.of(member.id()).stream()
			.map(c -> new CertificateView(c.id(), c.name(), c.issuer(), c.number(), c.issuedOn(), c.expiresOn(),
					c.expired(today), c.expiring(today, EXPIRING_DAYS)))
			.toList();
		boolean shown = access.seesPersonalData(reader, member);
		PersonalFields.PersonalData data = shown ? personal.open(member) : new PersonalFields.PersonalData(null, null,
				false);
		StaffContent c = member.content();
		return new StaffView(member.id(), member.userId(), names.person(member.userId()),
				person == null ? null : person.username(), names.unit(member.orgUnitId()), names.party(member.partyId()),
				c.postId(), names.post(c.postId()), c.joinedOn(), c.skills(), c.xinchuangProducts(),
				c.clearance().name(), c.clearanceUntil(), certs, shown, data.unreadable(), data.phone(),
				data.idNumber(), access.keeps(reader, member));
	}

	private Names names(List<StaffMember> members) {
		Map<Long, String> persons = people.findAll(members.stream().map(StaffMember::userId).toList()).stream()
			.collect(Collectors.toMap(Person::id, Person::displayName));
		List<OrganisationUnit> units = organisations.findAll(members.stream().map(StaffMember::orgUnitId).toList());
		Map<Long, String> unitNames = units.stream().collect(Collectors.toMap(OrganisationUnit::id,
				OrganisationUnit::name, (a, b) -> a));
		Map<Long, String> partyNames = units.stream().collect(Collectors.toMap(OrganisationUnit::partyId,
				OrganisationUnit::partyName, (a, b) -> a));
		Map<Long, String> postNames = new HashMap<>();
		members.stream().map(m -> m.content().postId()).filter(java.util.Objects::nonNull).distinct()
			.forEach(postId -> positions.post(postId).ifPresent(p -> postNames.put(postId, p.name())));
		return new Names(persons::get, unitNames::get, partyNames::get, postNames::get);
	}

	private record Names(Function<Long, String> person, Function<Long, String> unit, Function<Long, String> party,
			Function<Long, String> post) {

		String person(long id) {
			return person.apply(id);
		}

		String unit(long id) {
			return unit.apply(id);
		}

		String party(long id) {
			return party.apply(id);
		}

		String post(Long id) {
			return id == null ? null : post.apply(id);
		}
	}
}
