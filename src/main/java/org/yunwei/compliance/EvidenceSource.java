package org.yunwei.compliance;

import java.util.List;
import java.util.Set;

/**
 * What a module knows about the key assessment items it serves: implemented by a Spring bean in the module that owns
 * the records (e.g. the service desk for 4.3.2c 运维服务记录表), found by the register among the application's beans.
 * <p>
 * <b>Scope.</b> {@link EvidenceRequest#providerPartyId()} names the one provider party whose evidence is asked for, or
 * is {@code null} for all (management and supervision without a filter). A source must count and list only that
 * provider's records then; customers never reach a source. Links lead to pages that apply the reader's own scope.
 * <p>
 * <b>Speed.</b> The register asks every source for every page view; a source answers from indexed range counts or
 * daily rollups of the period, never by scanning a table, and lists at most a handful of latest records (the city
 * benchmark reads {@code /compliance} for a month at 1,000,000 tickets, p99 ≤ 300 ms).
 * <p>
 * <b>Reading only.</b> A source runs in a read-only transaction and never writes.
 */
public interface EvidenceSource {

	/**
	 * The ids of the items this source answers for, clause and item joined ({@code 6.1.2e}, {@code 5.6.2a.1}); each
	 * must be one of the register's items (the register refuses to start otherwise). Constant for the application's
	 * lifetime; never {@code null}.
	 */
	Set<String> items();

	/**
	 * The evidence of the period, one element per item of {@link #items()} (an item left out is treated as not
	 * answered). Never {@code null}; an element's {@link Evidence#itemId()} must be one of {@link #items()}.
	 */
	List<Evidence> evidence(EvidenceRequest request);
}
