package org.yunwei.cmdb.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/ci-classes")
@Tag(name = "CI classes", description = "配置项分类: the classes of configuration items and their typed attributes "
		+ "(TEXT, NUMBER, DATE, ENUM, REFERENCE, IP_ADDRESS; required, unique). A class inherits every attribute of "
		+ "its ancestors (服务器 → 物理服务器 / 虚拟机). Anyone who reads the CMDB (CMDB_READ, or a customer) reads "
		+ "them; management's holders of CMDB_MANAGE define them.")
class CiClassApiController {

	private final CiClassAdministration classes;
	private final ItemImport imports;

	CiClassApiController(CiClassAdministration classes, ItemImport imports) {
		this.classes = classes;
		this.imports = imports;
	}

	@GetMapping("/{id}/import-template")
	@Operation(summary = "The import template of a class (.xlsx): its columns, and a sheet of the customer units "
			+ "the caller may name (CMDB_MANAGE)")
	org.springframework.http.ResponseEntity<byte[]> template(@PathVariable long id, java.util.Locale locale) {
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.parseMediaType(LedgerExport.XLSX))
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
					org.springframework.http.ContentDisposition.attachment().filename("ci-import-" + id + ".xlsx")
						.build().toString())
			.body(imports.template(id, locale));
	}

	@GetMapping
	@Operation(summary = "Every class, parents before their subclasses, each with all its attributes "
			+ "(inherited ones first)")
	List<CiClass> list() {
		return classes.list();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One class with its attributes; 404 when there is none")
	CiClass get(@PathVariable long id) {
		return classes.get(id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Define a class",
			description = "400 with `errors` by field (code, name, parentId); 409 when the code is taken; 403 for "
					+ "anyone but management's holders of CMDB_MANAGE.")
	CiClass create(@RequestBody CiClassDraft draft) {
		return classes.create(draft);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Rename, describe, enable or disable a class",
			description = "The code and the parent are fixed (400 when changed).")
	CiClass update(@PathVariable long id, @RequestBody CiClassDraft draft) {
		return classes.update(id, draft);
	}

	@PostMapping("/{id}/attributes")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add an attribute to a class (and so to its subclasses)",
			description = "400 with `errors` by field — `code` taken along the class's ancestors or subclasses, "
					+ "ENUM without options, unique on a type that cannot be; 422 (`required-on-populated-class`) "
					+ "for a required attribute on a class that already has items. Answers the class.")
	CiClass addAttribute(@PathVariable long id, @RequestBody AttributeDraft draft) {
		return classes.addAttribute(id, draft);
	}

	@PutMapping("/{id}/attributes/{attributeId}")
	@Operation(summary = "Change an attribute's names, options, position or required rule",
			description = "Code, type and uniqueness are fixed (400 when changed).")
	CiClass updateAttribute(@PathVariable long id, @PathVariable long attributeId,
			@RequestBody AttributeDraft draft) {
		return classes.updateAttribute(id, attributeId, draft);
	}

	@DeleteMapping("/{id}/attributes/{attributeId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete an attribute no item holds a value for",
			description = "422 (`attribute-in-use`) while any item of the class or its subclasses holds a value.")
	void deleteAttribute(@PathVariable long id, @PathVariable long attributeId) {
		classes.deleteAttribute(id, attributeId);
	}
}
