package org.yunwei.cmdb.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunwei.compliance.Evidence;
import org.yunwei.compliance.Evidence.EvidenceLink;
import org.yunwei.compliance.Evidence.Figure;
import org.yunwei.compliance.Evidence.Note;
import org.yunwei.compliance.EvidenceRequest;
import org.yunwei.compliance.EvidenceSource;
import org.yunwei.document.PolicyDocuments;

/**
 * The asset ledger as evidence of 7.4.2a (配置管理制度): evidenced when the document library holds a 配置管理制度 in
 * force for the provider asked about (partial, with the document named as missing, until it does), with the ledger's
 * size and the period's change records as figures, and its completeness as gaps — items without an owner, a location
 * or a warranty end date. A provider's evidence counts the items of the units it serves and those it maintains, as
 * its ledger shows them.
 */
@Component
class LedgerEvidence implements EvidenceSource {

	static final String ITEM = "7.4.2a";
	static final String RULES_CATEGORY = "CONFIGURATION";

	private final JdbcClient jdbc;
	private final CmdbScope scope;
	private final PolicyDocuments documents;

	LedgerEvidence(JdbcClient jdbc, CmdbScope scope, PolicyDocuments documents) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.documents = documents;
	}

	@Override
	public Set<String> items() {
		return Set.of(ITEM);
	}

	@Override
	public List<Evidence> evidence(EvidenceRequest request) {
		Scoped scoped = Scoped.of(request, scope);
		long[] counts = jdbc.sql("""
				select count(*) as items,
				  count(*) filter (where i.owner_user_id is null) as without_owner,
				  count(*) filter (where coalesce(i.building, i.room, i.rack) is null) as without_location,
				  count(*) filter (where i.warranty_until is null) as without_warranty
				from configuration_item i where i.lifecycle <> 'DISPOSED' and""" + " " + scoped.where())
			.params(scoped.params())
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4) })
			.single();
		List<Object> changeParams = new ArrayList<>(scoped.params());
		changeParams.add(Timestamp.from(request.start()));
		changeParams.add(Timestamp.from(request.end()));
		long changes = jdbc.sql("select count(*) from ci_change c join configuration_item i on i.id = c.item_id where "
				+ scoped.where() + " and c.changed_at >= ? and c.changed_at < ?")
			.params(changeParams).query(Long.class).single();
		List<Figure> figures = List.of(new Figure("evidence.cmdb.items", counts[0], "/cmdb"),
				new Figure("evidence.cmdb.without-owner", counts[1], null),
				new Figure("evidence.cmdb.without-location", counts[2], null),
				new Figure("evidence.cmdb.without-warranty", counts[3], "/cmdb?sort=warranty"),
				new Figure("evidence.cmdb.changes", changes, null));
		long rules = documents.inForce(RULES_CATEGORY, request.providerPartyId());
		Evidence evidence = rules > 0 ? Evidence.evidenced(ITEM, figures)
				: Evidence.partial(ITEM, List.of(Note.of("evidence.cmdb.present.ledger", counts[0])),
						List.of(Note.of("evidence.cmdb.missing.rules"))).withFigures(figures);
		evidence = evidence.withLinks(List.of(new EvidenceLink("evidence.cmdb.link.ledger", "/cmdb")));
		List<Note> gaps = new ArrayList<>();
		if (counts[1] > 0) {
			gaps.add(Note.of("evidence.cmdb.gap.without-owner", counts[1]));
		}
		if (counts[2] > 0) {
			gaps.add(Note.of("evidence.cmdb.gap.without-location", counts[2]));
		}
		if (counts[3] > 0) {
			gaps.add(Note.of("evidence.cmdb.gap.without-warranty", counts[3]));
		}
		return List.of(evidence.withGaps(gaps));
	}

	/**
	 * The items one provider's evidence counts — those of the units it serves and those it maintains — as a
	 * condition on {@code configuration_item i}; every item when all providers are asked about.
	 */
	record Scoped(String where, List<Object> params) {

		static Scoped of(EvidenceRequest request, CmdbScope scope) {
			if (request.allProviders()) {
				return new Scoped("true", List.of());
			}
			String units = scope.servedBy(request.providerPartyId()).stream().sorted().map(String::valueOf)
				.collect(Collectors.joining(",", "{", "}"));
			return new Scoped("(i.customer_unit_id = any(cast(? as bigint[])) or i.provider_party_id = ?)",
					List.of(units, request.providerPartyId()));
		}
	}
}
