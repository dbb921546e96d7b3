package org.yunwei.cmdb;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.yunwei.cmdb.internal.ConfigurationItemLookup;

/**
 * What other modules may ask of configuration management: an item as the signed-in person may see it, and items for
 * a picker (search as you type by name, IP address, serial number or asset tag). Both apply the person's scope: an
 * item they may not see is absent. Changes are told by {@link ConfigurationItemChanged}.
 */
@Service
public class ConfigurationItems {

	private final ConfigurationItemLookup lookup;

	ConfigurationItems(ConfigurationItemLookup lookup) {
		this.lookup = lookup;
	}

	/** The item, when it exists and the signed-in person may see it. */
	public Optional<ConfigurationItemSummary> find(long itemId) {
		return lookup.find(itemId);
	}

	/**
	 * Items whose name, IP address, serial number or asset tag contain the text, by name, at most {@code limit}
	 * (1–50); empty for a blank text.
	 */
	public List<ConfigurationItemSummary> search(String text, int limit) {
		return lookup.search(text, limit);
	}

	/**
	 * The downstream impact of the item within three hops, when it exists and the signed-in person may see it: what
	 * a change's risk assessment (变更评估) attaches.
	 */
	public Optional<ConfigurationItemImpact> impact(long itemId) {
		return lookup.impact(itemId);
	}

	/** Every class of items, parents before their subclasses; disabled ones included and marked. */
	public List<ConfigurationItemClass> classes() {
		return lookup.classes();
	}
}
