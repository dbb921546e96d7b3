package org.yunwei.cmdb;

import java.util.List;

/**
 * What a change to one item may reach: its downstream impact analysis (影响分析) within three hops, as the signed-in
 * person may see it, with the facts a change's risk assessment weighs.
 *
 * @param reached how many items the failure of this one reaches, those outside the reader's scope included
 * @param hidden how many of them the reader may not see (counted, not named)
 * @param applicationSystems the names of the reached application systems (应用系统) the reader sees
 * @param services the names of the reached business services (业务服务) the reader sees
 * @param customerUnitIds the customer units whose items are reached, the item's own unit first when it has one
 * @param securityLevel the item's own 等保 level code ({@code L1}–{@code L5}) when it is an application system that
 *        records one; {@code null} otherwise
 * @param serviceLevelItem whether the item itself is an application system or a business service
 * @param serviceItemIds the ids of the application systems and business services the reader sees that the item
 *        reaches, the item itself first when it is one (changes on a shared service conflict)
 */
public record ConfigurationItemImpact(long itemId, int reached, int hidden, List<String> applicationSystems,
		List<String> services, List<Long> customerUnitIds, String securityLevel, boolean serviceLevelItem,
		List<Long> serviceItemIds) {

	/** An impact without the services' ids (for callers that weigh the names and counts only). */
	public ConfigurationItemImpact(long itemId, int reached, int hidden, List<String> applicationSystems,
			List<String> services, List<Long> customerUnitIds, String securityLevel, boolean serviceLevelItem) {
		this(itemId, reached, hidden, applicationSystems, services, customerUnitIds, securityLevel, serviceLevelItem,
				List.of());
	}
}
