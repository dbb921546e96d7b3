package org.yunwei.inspection.internal;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.cmdb.ConfigurationItemClass;
import org.yunwei.inspection.internal.TemplateReading.TemplateLine;
import org.yunwei.inspection.internal.TemplateReading.TemplateView;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/inspection-templates")
@Tag(name = "Inspection templates", description = "巡检模板: checklists (pass/fail, number with thresholds, text, "
		+ "photo) for a class of configuration items, a place or an application system, in versions; a task keeps "
		+ "the version it was generated with. Read with INSPECTION_READ (the shipped templates and one's party's; "
		+ "management and supervision every party's), kept with INSPECTION_MANAGE; shipped templates are copied, "
		+ "never changed (409).")
class TemplateApiController {

	private final TemplateKeeping keeping;
	private final TemplateReading reading;

	TemplateApiController(TemplateKeeping keeping, TemplateReading reading) {
		this.keeping = keeping;
		this.reading = reading;
	}

	/** What a keeper writes. */
	record TemplateForm(String name,
			@Parameter(description = "CI_CLASS, LOCATION or APPLICATION_SYSTEM; fixed once created") String targetKind,
			@Parameter(description = "the class code, for CI_CLASS") String ciClassCode, String description,
			@Parameter(description = "kind: PASS_FAIL, NUMBER, TEXT or PHOTO; unit, min and max for numbers only")
			List<Checklist.ChecklistLine> items) {

		TemplateContent content(List<ConfigurationItemClass> classes) {
			return TemplateContent.of(name, targetKind, ciClassCode, description, items, classes);
		}
	}

	private static TemplateForm orEmpty(TemplateForm form) {
		return form == null ? new TemplateForm(null, null, null, null, null) : form;
	}

	@GetMapping
	@Operation(summary = "The templates I may use, shipped ones first")
	List<TemplateLine> list(
			@Parameter(description = "only the enabled ones") @RequestParam(defaultValue = "false") boolean enabled) {
		return reading.list(enabled);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A new template of my party", description = "400 naming the refused fields "
			+ "(`items[n].label` …).")
	TemplateView create(@RequestBody(required = false) TemplateForm form) {
		return reading.view(keeping.create(classes -> orEmpty(form).content(classes)));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A template with its current checklist and its versions")
	TemplateView get(@PathVariable long id) {
		return reading.view(id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Revise a template", description = "Changed items make a new version; tasks already "
			+ "generated keep theirs. The target kind is fixed. 409 for a shipped template.")
	TemplateView revise(@PathVariable long id, @RequestBody(required = false) TemplateForm form) {
		keeping.revise(id, classes -> orEmpty(form).content(classes));
		return reading.view(id);
	}

	@GetMapping("/{id}/versions/{version}")
	@Operation(summary = "The checklist of one version")
	List<ChecklistItem> version(@PathVariable long id, @PathVariable long version) {
		return reading.version(id, version);
	}

	@PostMapping("/{id}/copy")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Copy a template (a shipped one, say) into my party's, to adapt it")
	TemplateView copy(@PathVariable long id) {
		return reading.view(keeping.copy(id));
	}

	@PostMapping("/{id}/enabled")
	@Operation(summary = "Enable or disable a template", description = "A disabled template is no longer chosen for "
			+ "new plans; its plans go on. Body `{\"enabled\": false}`.")
	TemplateView enable(@PathVariable long id, @RequestBody(required = false) Map<String, Boolean> body) {
		keeping.enable(id, body == null ? null : body.get("enabled"));
		return reading.view(id);
	}
}
