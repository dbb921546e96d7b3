/**
 * The assessment-evidence register (考核证据): the 89 key assessment items (关键考核项) of the Hunan O&amp;M standard,
 * chapters 4–10, each with the evidence the system holds for it in a chosen period: <em>evidenced</em> (live
 * figures, the latest records, links to the pages and exports that show them), <em>partial</em> (what is there and
 * what is missing, in words) or <em>not yet provided</em>. Page {@code /compliance}, API
 * {@code /api/v1/compliance/items}.
 * <p>
 * The items themselves come from {@code compliance/assessment-items.tsv} (a copy of the standard's list); the
 * evidence from the modules that own the records, each through the small SPI of this package: a module implements
 * {@link org.yunwei.compliance.EvidenceSource} as a Spring bean and answers for the items it serves. An item no
 * source answers for is {@link org.yunwei.compliance.EvidenceState#MISSING}. The register is read-only: there is no
 * endpoint that writes it.
 * <p>
 * Management and supervision read every provider's evidence (or one provider's, picked); a provider reads its own
 * party's; customers do not see the register. Reading needs {@code COMPLIANCE_READ}.
 * <p>
 * Depends on {@code identity} for who is asking, their party, the providers a reader may pick and the providers'
 * staffing ({@code Staffing}), and on {@code web} for the period's dates and refusals. Modules above these depend on
 * {@code compliance} to contribute; {@code identity}, {@code audit} and {@code web} sit below it (they cannot depend
 * on it without a cycle), so their items (5.3.2, 7.7.2a, 10.3.2c) are read through their public API by this module's
 * own sources in {@code compliance.internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Compliance",
		allowedDependencies = { "identity", "web" })
package org.yunwei.compliance;
