package org.yunwei.cmdb.internal;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.cmdb.ConfigurationItemAttribute;
import org.yunwei.cmdb.ConfigurationItemAttributeOption;
import org.yunwei.cmdb.ConfigurationItemProposal;
import org.yunwei.identity.Actor;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * Answers the facade for the items another module proposes and registers when its work is done (a release's new
 * items): checked as a new item is checked — the class's required and unique attributes, the customer unit the person
 * may name, the related item they may see — and registered in use, with the relation, without a review even for a
 * reviewed class: the release's own approval covered the items it brings (as for the versions it records). The
 * person must read the CMDB; the item's history gives the caller's reason (the release's number).
 */
@Component
public class ReleasedItems {

	private final ItemRegister register;
	private final CiClasses classes;
	private final CmdbScope scope;
	private final ConfigurationItemRecords records;
	private final RelationRecording recording;

	ReleasedItems(ItemRegister register, CiClasses classes, CmdbScope scope, ConfigurationItemRecords records,
			RelationRecording recording) {
		this.register = register;
		this.classes = classes;
		this.scope = scope;
		this.records = records;
		this.recording = recording;
	}

	/** The attributes of an enabled class, inherited first; empty for an unknown or disabled class. */
	public List<ConfigurationItemAttribute> attributes(long classId) {
		return classes.find(classId).filter(CiClass::enabled).map(c -> c.attributes().stream()
			.map(a -> new ConfigurationItemAttribute(a.code(), a.name(), a.nameEn(), a.type().name(), a.required(),
					a.options().stream().map(o -> new ConfigurationItemAttributeOption(o.code(), o.name(), o.nameEn()))
						.toList()))
			.toList()).orElse(List.of());
	}

	/** What is wrong with the proposal, by field; empty when it would be registered. Writes nothing, throws nothing. */
	public Map<String, String> check(ConfigurationItemProposal proposal) {
		return checked(proposal, scope.reader()).errors();
	}

	/**
	 * Registers the proposed item (in use) and its relation; 400 naming the fields when it no longer passes. An item
	 * of a class with a version (an application system's 当前版本) for which none was given runs the version deployed.
	 */
	@Transactional
	public long register(ConfigurationItemProposal given, String deployedVersion, String reason) {
		CmdbScope.View reader = scope.reader();
		ConfigurationItemProposal proposal = withVersion(given, deployedVersion);
		Checked checked = checked(proposal, reader);
		if (!checked.errors().isEmpty()) {
			throw RejectedRequest.invalidFields(checked.errors());
		}
		Actor actor = reader.actor();
		long id = register.insertChecked(checked.itemClass(), Lifecycle.IN_USE, checked.fields(), actor, reason);
		if (proposal.relatedItemId() != null) {
			ConfigurationItem target = records.lock(proposal.relatedItemId()).orElseThrow();
			ConfigurationItem source = records.lock(id).orElseThrow();
			recording.add(source, target, checked.relationType(), null, actor.userId(), actor.displayName(), reason);
		}
		return id;
	}

	private ConfigurationItemProposal withVersion(ConfigurationItemProposal p, String version) {
		boolean versioned = p.classId() != null && classes.find(p.classId())
			.filter(c -> c.attributes().stream().anyMatch(a -> a.code().equals(ReleasedVersions.ATTRIBUTE)))
			.isPresent();
		Object given = p.attributes().get(ReleasedVersions.ATTRIBUTE);
		if (!versioned || version == null || given != null && !given.toString().isBlank()) {
			return p;
		}
		Map<String, Object> attributes = new java.util.HashMap<>(p.attributes());
		attributes.put(ReleasedVersions.ATTRIBUTE, version);
		return new ConfigurationItemProposal(p.classId(), p.name(), p.customerUnitId(), p.ipAddress(), attributes,
				p.relatedItemId(), p.relationType());
	}

	private Checked checked(ConfigurationItemProposal p, CmdbScope.View reader) {
		FieldErrors errors = new FieldErrors();
		CiClass itemClass = null;
		if (p.classId() == null) {
			errors.add("classId", "field.required");
		}
		else {
			itemClass = classes.find(p.classId()).filter(CiClass::enabled).orElse(null);
			if (itemClass == null) {
				errors.add("classId", "field.value.unknown");
			}
		}
		RelationType type = null;
		if (p.relatedItemId() != null || FieldErrors.clean(p.relationType()) != null) {
			errors.required("relatedItemId", p.relatedItemId());
			type = errors.constant(RelationType.class, p.relationType(), "relationType");
			if (p.relatedItemId() != null && records.find(p.relatedItemId())
				.filter(i -> reader.includes(i.fields().customerUnitId(), i.fields().providerPartyId())).isEmpty()) {
				errors.add("relatedItemId", "field.value.unknown");
			}
		}
		if (itemClass == null) {
			errors.required("name", FieldErrors.clean(p.name()), 200);
			return new Checked(null, null, type, errors.asMap());
		}
		ItemRegister.Checked item = register.check(new ItemDraft(p.classId(), p.name(), null, null, null,
				p.ipAddress(), p.customerUnitId(), null, null, null, null, null, null, null, null, null, null, null,
				p.attributes(), null), itemClass, reader);
		item.errors().forEach(errors::add);
		return new Checked(itemClass, item.fields(), type, errors.asMap());
	}

	private record Checked(CiClass itemClass, ItemFields fields, RelationType relationType,
			Map<String, String> errors) {
	}
}
