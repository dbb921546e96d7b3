package org.yunwei.personnel.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.OrganisationUnit;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.Party;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.People;
import org.yunwei.identity.Person;
import org.yunwei.identity.Positions;
import org.yunwei.identity.Staffing;
import org.yunwei.web.RejectedRequest;

/**
 * The organisation chart of a provider's O&M people (运维人员组织架构图, Hunan 4.3.2a), read from the directory (the
 * identity module's parties, units, leads, posts and people) and from the staff records naming each post. Nothing is
 * stored: the chart always shows the directory as it is.
 */
@Service
class OrganisationChart {

	/** More people than this in one provider are counted, but only this many are read to count them. */
	static final int PEOPLE = 20_000;
	static final int POSTS = 2_000;

	private final StaffAccess access;
	private final Organisations organisations;
	private final People people;
	private final Positions positions;
	private final Staffing staffing;
	private final JdbcClient jdbc;

	OrganisationChart(StaffAccess access, Organisations organisations, People people, Positions positions,
			Staffing staffing, JdbcClient jdbc) {
		this.access = access;
		this.organisations = organisations;
		this.people = people;
		this.positions = positions;
		this.staffing = staffing;
		this.jdbc = jdbc;
	}

	/**
	 * One provider's chart.
	 *
	 * @param roots the provider's top units, each with the units below it
	 * @param units, posts, people the totals drawn
	 */
	public record StaffOrganisationChart(long partyId, String partyName, List<StaffChartUnit> roots, long units,
			long posts, long people) {
	}

	/**
	 * A unit of the chart.
	 *
	 * @param lead the display name of the unit's appointed lead (负责人); {@code null} when none is named
	 * @param people the enabled people placed in this unit itself (not those of the units below)
	 */
	public record StaffChartUnit(long id, String name, String lead, long people, List<StaffChartPost> posts,
			List<StaffChartUnit> children) {
	}

	/**
	 * A post (岗位) of a unit.
	 *
	 * @param holder the holder's display name; {@code null} when vacant
	 * @param backup the backup's display name (岗位备份); {@code null} when none
	 * @param staffed the staff records naming the post
	 */
	public record StaffChartPost(long id, String name, String holder, String backup, long staffed) {
	}

	/** The provider parties whose chart the reader may see, by name. */
	@Transactional(readOnly = true)
	public List<Party> parties() {
		access.requireReader();
		DataScope scope = access.scope();
		return organisations.parties(PartyKind.PROVIDER).stream().filter(p -> scope.includesParty(p.id())).toList();
	}

	/** The chart of one provider in the reader's scope; 404 for any other party. */
	@Transactional(readOnly = true)
	public StaffOrganisationChart of(long partyId) {
		access.requireReader();
		Party party = organisations.findParty(partyId)
			.filter(p -> p.kind() == PartyKind.PROVIDER && access.scope().includesParty(p.id()))
			.orElseThrow(() -> RejectedRequest.notFound("party"));
		List<OrganisationUnit> units = organisations.ofPartyKind(PartyKind.PROVIDER)
			.stream()
			.filter(u -> u.partyId() == partyId && u.enabled())
			.toList();
		Map<Long, Long> headcount = people.ofParty(partyId, PEOPLE)
			.stream()
			.collect(Collectors.groupingBy(Person::orgUnitId, Collectors.counting()));
		Map<Long, Long> staffed = jdbc.sql("""
				select post_id, count(*) from staff_member where party_id = ? and post_id is not null group by post_id""")
			.param(partyId)
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		Map<Long, List<StaffChartPost>> postsByUnit = new HashMap<>();
		long postCount = 0;
		for (Staffing.StaffedPost post : staffing.posts(partyId, POSTS)) {
			Long unitId = positions.post(post.id()).map(Positions.PostHolding::orgUnitId).orElse(null);
			if (unitId != null) {
				postsByUnit.computeIfAbsent(unitId, id -> new ArrayList<>())
					.add(new StaffChartPost(post.id(), post.name(), post.holder(), post.backup(),
							staffed.getOrDefault(post.id(), 0L)));
				postCount++;
			}
		}
		Map<Long, String> leads = leads(units);
		// the tree from the paths: a unit's parent is the last but one id of its path, when that unit is drawn
		Map<Long, OrganisationUnit> byId = new LinkedHashMap<>();
		units.stream().sorted(Comparator.comparing(OrganisationUnit::name).thenComparing(OrganisationUnit::id))
			.forEach(u -> byId.put(u.id(), u));
		Map<Long, List<OrganisationUnit>> childrenOf = new HashMap<>();
		List<OrganisationUnit> tops = new ArrayList<>();
		for (OrganisationUnit unit : byId.values()) {
			List<Long> path = unit.ancestorIds();
			Long parent = path.size() < 2 ? null : path.get(path.size() - 2);
			if (parent != null && byId.containsKey(parent)) {
				childrenOf.computeIfAbsent(parent, id -> new ArrayList<>()).add(unit);
			}
			else {
				tops.add(unit);
			}
		}
		List<StaffChartUnit> roots = tops.stream()
			.map(u -> unit(u, childrenOf, headcount, postsByUnit, leads))
			.toList();
		long headcountTotal = units.stream().mapToLong(u -> headcount.getOrDefault(u.id(), 0L)).sum();
		return new StaffOrganisationChart(party.id(), party.name(), roots, units.size(), postCount, headcountTotal);
	}

	private Map<Long, String> leads(List<OrganisationUnit> units) {
		Map<Long, Long> leadIds = new HashMap<>();
		for (OrganisationUnit unit : units) {
			positions.appointedLead(unit.id()).ifPresent(lead -> leadIds.put(unit.id(), lead));
		}
		Map<Long, String> names = people.findAll(leadIds.values())
			.stream()
			.collect(Collectors.toMap(Person::id, Person::displayName));
		Map<Long, String> leads = new HashMap<>();
		leadIds.forEach((unit, lead) -> {
			if (names.containsKey(lead)) {
				leads.put(unit, names.get(lead));
			}
		});
		return leads;
	}

	private static StaffChartUnit unit(OrganisationUnit unit, Map<Long, List<OrganisationUnit>> childrenOf,
			Map<Long, Long> headcount, Map<Long, List<StaffChartPost>> posts, Map<Long, String> leads) {
		List<StaffChartUnit> children = childrenOf.getOrDefault(unit.id(), List.of())
			.stream()
			.map(child -> unit(child, childrenOf, headcount, posts, leads))
			.toList();
		return new StaffChartUnit(unit.id(), unit.name(), leads.get(unit.id()), headcount.getOrDefault(unit.id(), 0L),
				List.copyOf(posts.getOrDefault(unit.id(), List.of())), children);
	}
}
