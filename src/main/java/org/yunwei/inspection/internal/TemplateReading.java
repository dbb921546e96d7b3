package org.yunwei.inspection.internal;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.cmdb.ConfigurationItemClass;
import org.yunwei.cmdb.ConfigurationItems;
import org.yunwei.identity.Actor;
import org.yunwei.inspection.internal.InspectionTemplates.TemplateVersion;
import org.yunwei.web.RejectedRequest;

/** Templates as their readers see them: the shipped ones and those of the parties their scope covers. */
@Service
public class TemplateReading {

	private final InspectionTemplates templates;
	private final InspectionAccess access;
	private final ConfigurationItems items;

	TemplateReading(InspectionTemplates templates, InspectionAccess access, ConfigurationItems items) {
		this.templates = templates;
		this.access = access;
		this.items = items;
	}

	/** A template in a list. */
	public record TemplateLine(long id, String name, String targetKind, String ciClassCode, String ciClassName,
			int version, int items, boolean shipped, boolean enabled) {
	}

	/** A template with its current checklist and the numbers of all its versions. */
	public record TemplateView(long id, String name, String targetKind, String ciClassCode, String ciClassName,
			String description, int version, List<ChecklistItem> items, boolean shipped, boolean enabled,
			List<VersionLine> versions) {
	}

	public record VersionLine(long id, int number, java.time.Instant createdAt, int items) {
	}

	@Transactional(readOnly = true)
	public List<TemplateLine> list(boolean enabledOnly) {
		Actor reader = access.requireReader();
		List<ConfigurationItemClass> classes = items.classes();
		return templates.list(access.readableParty(reader)).stream()
			.filter(t -> !enabledOnly || t.enabled())
			.map(t -> new TemplateLine(t.id(), t.name(), t.targetKind().name(), t.ciClassCode(),
					className(classes, t.ciClassCode()), t.currentVersion(),
					templates.current(t.id()).checklist().items().size(), t.shipped(), t.enabled()))
			.toList();
	}

	@Transactional(readOnly = true)
	public TemplateView view(long id) {
		Actor reader = access.requireReader();
		InspectionTemplate t = readable(reader, id);
		List<TemplateVersion> versions = templates.versions(id);
		return new TemplateView(t.id(), t.name(), t.targetKind().name(), t.ciClassCode(),
				className(items.classes(), t.ciClassCode()), t.description(), t.currentVersion(),
				versions.getFirst().checklist().items(), t.shipped(), t.enabled(),
				versions.stream().map(v -> new VersionLine(v.id(), v.number(), v.createdAt(),
						v.checklist().items().size())).toList());
	}

	/** One version's checklist, for a task that keeps it. */
	@Transactional(readOnly = true)
	public List<ChecklistItem> version(long id, long number) {
		Actor reader = access.requireReader();
		readable(reader, id);
		return templates.versions(id).stream().filter(v -> v.number() == number).findFirst()
			.orElseThrow(() -> RejectedRequest.notFound("inspection-template")).checklist().items();
	}

	InspectionTemplate readable(Actor reader, long id) {
		InspectionTemplate template = templates.find(id)
			.orElseThrow(() -> RejectedRequest.notFound("inspection-template"));
		if (!access.reads(reader, template.partyId())) {
			throw RejectedRequest.notFound("inspection-template");
		}
		return template;
	}

	static String className(List<ConfigurationItemClass> classes, String code) {
		if (code == null) {
			return null;
		}
		Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		return classes.stream().filter(c -> c.code().equals(code)).findFirst()
			.map(c -> Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) && c.nameEn() != null ? c.nameEn()
					: c.name())
			.orElse(code);
	}
}
