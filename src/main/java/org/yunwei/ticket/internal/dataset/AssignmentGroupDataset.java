package org.yunwei.ticket.internal.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunwei.dataset.Dataset;
import org.yunwei.dataset.DatasetContext;
import org.yunwei.dataset.DatasetPlan;

/**
 * The generated providers' assignment groups (处理组): a first line (一线服务台) and a second line (二线技术支持) each,
 * the first escalating to the second, led by the provider's desk manager; the first half of the agents in the first
 * line, the rest in the second. Codes {@code GEN-P01-L1}.
 * <p>
 * Reads {@code identity.providerParties}, {@code identity.agents}, {@code identity.deskManagers}; publishes
 * {@link DatasetContext#GROUPS}, {@link DatasetContext#GROUPS_OF_USER}, {@code ticket.groupsOfProvider} (party to
 * its groups, first line first) and {@code ticket.groupMembers} (group to its members).
 */
@Component
class AssignmentGroupDataset implements Dataset {

	private final JdbcClient jdbc;

	AssignmentGroupDataset(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "ticket-groups";
	}

	@Override
	public Set<String> after() {
		return Set.of("identity");
	}

	@Override
	public long generate(DatasetPlan plan, int chunk, DatasetContext context) {
		List<Long> providers = context.get("identity.providerParties");
		Map<Long, List<Long>> agents = context.get("identity.agents");
		Map<Long, Long> leads = context.get("identity.deskManagers");
		long rows = 0;
		var created = java.sql.Timestamp.from(plan.anchor().minus(java.time.Duration.ofDays(800)));
		for (int p = 0; p < providers.size(); p++) {
			long party = providers.get(p);
			Long lead = leads.get(party);
			String code = "GEN-P%02d".formatted(p + 1);
			long second = group(code + "-L2", "二线技术支持组（服务商 %02d）".formatted(p + 1), party, lead, null, created);
			long first = group(code + "-L1", "一线服务台（服务商 %02d）".formatted(p + 1), party, lead, second, created);
			List<Long> members = agents.getOrDefault(party, List.of());
			for (int a = 0; a < members.size(); a++) {
				member(a < members.size() / 2 ? first : second, members.get(a));
				rows++;
			}
			if (lead != null) {
				member(first, lead);
				member(second, lead);
				rows += 2;
			}
			rows += 2;
		}
		return rows;
	}

	private long group(String code, String name, long party, Long lead, Long escalation,
			java.sql.Timestamp created) {
		return jdbc.sql("""
				insert into ticket_group (code, name, party_id, lead_user_id, escalation_group_id, created_at)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(code, name, party, lead, escalation, created)
			.query(Long.class)
			.single();
	}

	private void member(long group, long user) {
		jdbc.sql("insert into ticket_group_member (group_id, user_id) values (?, ?)").params(group, user).update();
	}

	@Override
	public void describe(DatasetPlan plan, DatasetContext context) {
		Map<Long, List<Long>> ofProvider = new LinkedHashMap<>();
		jdbc.sql("select party_id, id from ticket_group where code like 'GEN-P%' order by code")
			.query((rs, n) -> ofProvider.computeIfAbsent(rs.getLong(1), p -> new ArrayList<>()).add(rs.getLong(2)))
			.list();
		Map<Long, List<Long>> members = new LinkedHashMap<>();
		Map<Long, List<Long>> ofUser = new LinkedHashMap<>();
		jdbc.sql("""
				select m.group_id, m.user_id from ticket_group_member m join ticket_group g on g.id = m.group_id
				where g.code like 'GEN-P%' order by g.code, m.user_id""")
			.query((rs, n) -> {
				members.computeIfAbsent(rs.getLong(1), g -> new ArrayList<>()).add(rs.getLong(2));
				return ofUser.computeIfAbsent(rs.getLong(2), u -> new ArrayList<>()).add(rs.getLong(1));
			})
			.list();
		List<Long> groups = ofProvider.values().stream().flatMap(List::stream).sorted().toList();
		context.put(DatasetContext.GROUPS, groups);
		context.put(DatasetContext.GROUPS_OF_USER, ofUser);
		context.put("ticket.groupsOfProvider", ofProvider);
		context.put("ticket.groupMembers", members);
		context.count("assignmentGroups", groups.size());
	}
}
