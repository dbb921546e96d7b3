package org.yunwei.document.internal;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.yunwei.identity.PartyKind;

/**
 * Which documents a person reads: management and supervision every one; anyone else those their party keeps and
 * those that apply to their party or to their unit or a unit above it (a document for a department applies to its
 * offices too).
 *
 * @param unitAndAncestors the person's unit and the units above it
 */
record DocumentReaderScope(PartyKind partyKind, long partyId, Set<Long> unitAndAncestors) {

	boolean everything() {
		return partyKind == PartyKind.MANAGEMENT || partyKind == PartyKind.SUPERVISION;
	}

	/** A SQL condition on the document aliased {@code d}, with its parameters. */
	String where() {
		return everything() ? "true" : """
				(d.party_id = ? or exists (select 1 from document_scope s where s.document_id = d.id
				  and (s.party_id = ? or s.org_unit_id = any(cast(? as bigint[])))))""";
	}

	List<Object> parameters() {
		if (everything()) {
			return List.of();
		}
		return List.of(partyId, partyId,
				unitAndAncestors.stream().sorted().map(String::valueOf).collect(Collectors.joining(",", "{", "}")));
	}
}
