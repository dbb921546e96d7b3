package org.yunwei.cmdb.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.yunwei.web.RejectedRequest;

/**
 * The import page: choose a class, download its template, upload the filled workbook, and read the report — every
 * refused row with its column and reason; nothing imported while any row is refused, unless the valid rows are asked
 * for.
 */
@Controller
class ImportWebController {

	private final ItemImport imports;
	private final CiClasses classes;
	private final CmdbScope scope;
	private final ImportJobs jobs;

	ImportWebController(ItemImport imports, CiClasses classes, CmdbScope scope, ImportJobs jobs) {
		this.jobs = jobs;
		this.imports = imports;
		this.classes = classes;
		this.scope = scope;
	}

	@GetMapping("/cmdb/import")
	String page(@RequestParam(required = false) Long classId, Model model) {
		scope.writer();
		return page(model, classId, false, Map.of());
	}

	@GetMapping("/cmdb/classes/{id}/import-template")
	ResponseEntity<byte[]> template(@PathVariable long id, Locale locale) {
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(LedgerExport.XLSX))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("ci-import-" + id + ".xlsx").build().toString())
			.body(imports.template(id, locale));
	}

	@PostMapping("/cmdb/import")
	String upload(@RequestParam(required = false) Long classId,
			@RequestParam(required = false) Boolean validRowsOnly,
			@RequestParam(required = false) MultipartFile file, Locale locale, Model model) throws IOException {
		scope.writer();
		try {
			ImportJob job = jobs.start(classId, file == null || file.isEmpty() ? null : file.getBytes(),
					Boolean.TRUE.equals(validRowsOnly), locale);
			return "redirect:/cmdb/import/jobs/" + job.id();
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.NOT_FOUND) {
				throw refused;
			}
			model.addAttribute("problem", refused.messageKey());
			Map<String, String> errors = new LinkedHashMap<>(refused.fieldErrors());
			if (errors.isEmpty()) {
				errors.put("file", refused.messageKey());
			}
			return page(model, classId, Boolean.TRUE.equals(validRowsOnly), errors);
		}
	}

	/** An import in the background: its progress while it runs, its report when done. */
	@GetMapping("/cmdb/import/jobs/{id}")
	String job(@PathVariable long id, Locale locale, Model model) {
		ImportJob job = jobs.get(id);
		model.addAttribute("job", job);
		model.addAttribute("maxRows", ItemImport.MAX_ROWS);
		model.addAttribute("className", classes.find(job.classId()).map(c -> c.label(locale)).orElse("—"));
		return "cmdb/import-job";
	}

	private String page(Model model, Long classId, boolean validRowsOnly, Map<String, String> errors) {
		model.addAttribute("classes", classes.all().stream().filter(CiClass::enabled).toList());
		model.addAttribute("classId", classId);
		model.addAttribute("validRowsOnly", validRowsOnly);
		model.addAttribute("errors", errors);
		return "cmdb/import";
	}
}
