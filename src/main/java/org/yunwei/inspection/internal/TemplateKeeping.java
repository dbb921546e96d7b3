package org.yunwei.inspection.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.cmdb.ConfigurationItemClass;
import org.yunwei.cmdb.ConfigurationItems;
import org.yunwei.identity.Actor;
import org.yunwei.web.RejectedRequest;

/**
 * Keeping templates: a new one of the keeper's party, a revision (a new version when the items change), enabling
 * and disabling. Shipped templates are nobody's to change: copy them. Every write is audited in its transaction.
 */
@Service
public class TemplateKeeping {

	private final InspectionTemplates templates;
	private final InspectionAccess access;
	private final ConfigurationItems items;
	private final AuditTrail audit;

	TemplateKeeping(InspectionTemplates templates, InspectionAccess access, ConfigurationItems items,
			AuditTrail audit) {
		this.templates = templates;
		this.access = access;
		this.items = items;
		this.audit = audit;
	}

	/** The content is read once the keeper's right is checked, given the classes one may name. */
	@Transactional
	public long create(Function<List<ConfigurationItemClass>, TemplateContent> written) {
		Actor keeper = access.requireManager();
		TemplateContent content = written.apply(items.classes());
		long id = templates.insert(keeper.partyId(), content, keeper.userId());
		audit.record(AuditEntry.of("INSPECTION_TEMPLATE_CREATED", "inspection_template", id)
			.after(content.audited()).detail(content.name()));
		return id;
	}

	@Transactional
	public void revise(long id, Function<List<ConfigurationItemClass>, TemplateContent> written) {
		Actor keeper = access.requireManager();
		InspectionTemplate template = load(id);
		TemplateContent content = written.apply(items.classes());
		Map<String, Object> before = Map.of("name", template.name(), "version", template.currentVersion());
		if (template.revise(content, templates.current(id).checklist())) {
			templates.insertVersion(id, template.currentVersion(), content.checklist(), keeper.userId());
		}
		templates.update(template);
		audit.record(AuditEntry.of("INSPECTION_TEMPLATE_REVISED", "inspection_template", id).before(before)
			.after(Map.of("name", template.name(), "version", template.currentVersion())).detail(template.name()));
	}

	/** A copy of a template (a shipped one, typically) for the keeper's party to adapt; the copy's id. */
	@Transactional
	public long copy(long id) {
		Actor keeper = access.requireManager();
		InspectionTemplate source = templates.find(id)
			.filter(t -> access.reads(keeper, t.partyId()))
			.orElseThrow(() -> RejectedRequest.notFound("inspection-template"));
		TemplateContent content = new TemplateContent(source.name(), source.targetKind(), source.ciClassCode(),
				source.description(), templates.current(id).checklist());
		long copy = templates.insert(keeper.partyId(), content, keeper.userId());
		audit.record(AuditEntry.of("INSPECTION_TEMPLATE_CREATED", "inspection_template", copy)
			.after(content.audited()).detail(content.name()));
		return copy;
	}

	@Transactional
	public void enable(long id, Boolean enabled) {
		access.requireManager();
		if (enabled == null) {
			throw RejectedRequest.invalidField("enabled", "field.required");
		}
		InspectionTemplate template = load(id);
		boolean before = template.enabled();
		template.enable(enabled);
		templates.update(template);
		audit.record(AuditEntry.of(enabled ? "INSPECTION_TEMPLATE_ENABLED" : "INSPECTION_TEMPLATE_DISABLED",
				"inspection_template", id).before(Map.of("enabled", before)).after(Map.of("enabled", enabled))
			.detail(template.name()));
	}

	private InspectionTemplate load(long id) {
		InspectionTemplate template = templates.findForUpdate(id)
			.orElseThrow(() -> RejectedRequest.notFound("inspection-template"));
		// a shipped template is everyone's to read: the aggregate refuses the change itself (409)
		if (!template.shipped()) {
			access.requireWritable(template.partyId());
		}
		return template;
	}
}
