package org.yunwei.cmdb;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import org.yunwei.cmdb.internal.ConfigurationItemLookup;
import org.yunwei.cmdb.internal.ReleasedItems;
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
	private final ReleasedItems releasedItems;

	ConfigurationItems(ConfigurationItemLookup lookup, ReleasedVersions releasedVersions,
			ReleasedItems releasedItems) {
		this.lookup = lookup;
		this.releasedVersions = releasedVersions;
		this.releasedItems = releasedItems;
	}

	/** The item, when it exists and the signed-in person may see it. */
	public Optional<ConfigurationItemSummary> find(long itemId) {
		return lookup.find(itemId);
	}

	/**
	 * The items of these ids that exist and that the signed-in person may see, by id (the others absent), read at
	 * once: for a record that names many items, such as a change.
	 */
	public Map<Long, ConfigurationItemSummary> find(Collection<Long> itemIds) {
		return lookup.find(itemIds);
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

	/**
	 * The downstream impacts within three hops of several items at once, by item id, each what {@link #impact} answers
	 * for that item; an item that does not exist or that the signed-in person may not see is absent. Answered with a
	 * handful of queries however many items (one walk each over the relations held in memory): for a change's risk
	 * assessment on many items.
	 */
	public Map<Long, ConfigurationItemImpact> impacts(Collection<Long> itemIds) {
		return lookup.impacts(itemIds);
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

	/** The attributes items of an enabled class have, inherited ones first; empty for an unknown or disabled class. */
	public List<ConfigurationItemAttribute> attributes(long classId) {
		return releasedItems.attributes(classId);
	}

	/** How a proposed item may relate to an existing one (the proposal's {@code relationType}). */
	public List<String> relationTypes() {
		return java.util.Arrays.stream(org.yunwei.cmdb.internal.RelationType.values()).map(Enum::name).toList();
	}

	/**
	 * What is wrong with an item another module proposes to register later, checked as a new item in the CMDB is
	 * (the class enabled, its required attributes and unique values, a customer unit and a related item the signed-in
	 * person may see): the message keys by field, empty when it would be registered. Writes nothing and throws
	 * nothing, so that a caller may check inside its own transaction.
	 */
	public Map<String, String> checkProposal(ConfigurationItemProposal proposal) {
		return releasedItems.check(proposal);
	}

	/**
	 * Registers a proposed item, in use, with its relation, in the caller's transaction; the item's history gives the
	 * reason (e.g. the release that brought it). No review is asked even for a reviewed class: the caller's own
	 * approval (a release's) stands for it. An item of a class with a version (an application system's 当前版本) for
	 * which the proposal gives none runs {@code deployedVersion} (may be {@code null}). Answers the new item's id.
	 *
	 * @throws org.yunwei.web.RejectedRequest 400 naming the proposal's fields when it no longer passes the checks
	 */
	public long registerProposal(ConfigurationItemProposal proposal, String deployedVersion, String reason) {
		return releasedItems.register(proposal, deployedVersion, reason);
	}
}
