package org.yunwei.cmdb;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.yunwei.cmdb.internal.ConfigurationItemLookup;
import org.yunwei.cmdb.internal.ReleasedVersions;

/**
 * What other modules may ask of configuration management: an item as the signed-in person may see it, and items for
 * a picker (search as you type by name, IP address, serial number or asset tag). Both apply the person's scope: an
 * item they may not see is absent. Changes are told by {@link ConfigurationItemChanged}.
 */
@Service
public class ConfigurationItems {

	private final ConfigurationItemLookup lookup;
	private final ReleasedVersions releasedVersions;

	ConfigurationItems(ConfigurationItemLookup lookup, ReleasedVersions releasedVersions) {
		this.lookup = lookup;
		this.releasedVersions = releasedVersions;
	}

	/** The item, when it exists and the signed-in person may see it. */
	public Optional<ConfigurationItemSummary> find(long itemId) {
		return lookup.find(itemId);
	}

	/**
	 * The item whatever anyone's scope, for work the system does with nobody signed in (an automated check's alarm);
	 * never for showing to a person, who gets {@link #find}.
	 */
	public Optional<ConfigurationItemSummary> findForSystem(long itemId) {
		return lookup.findForSystem(itemId);
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

	/**
	 * Records the version a completed release (发布) deployed on an application system (its 当前版本 attribute), in the
	 * item's history with the reason given (the release's number). The item must be visible to the signed-in person.
	 * Answers whether the version changed (false when it already ran that version).
	 *
	 * @throws org.yunwei.web.RejectedRequest 404 for an item not visible; 422 for an item whose class has no version
	 */
	public boolean recordReleasedVersion(long itemId, String version, String reason) {
		return releasedVersions.record(itemId, version, reason);
	}
}
