package org.yunwei.knowledge.internal.usage;

import java.time.LocalDate;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunwei.web.DateRange;
import org.yunwei.web.FieldErrors;

/** The coverage and effectiveness page (知识库的覆盖范围, 可用性和有效性) of a period. */
@Controller
class KnowledgeCoverageWebController {

	private final KnowledgeCoverage coverage;

	KnowledgeCoverageWebController(KnowledgeCoverage coverage) {
		this.coverage = coverage;
	}

	@GetMapping("/knowledge/coverage")
	String coverage(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			Model model) {
		coverage.requireReader();
		FieldErrors errors = new FieldErrors();
		DateRange period = DateRange.both("from", from, "to", to, errors);
		model.addAttribute("errors", errors.asMap());
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("figures", coverage.of(errors.isEmpty() ? period : null));
		model.addAttribute("presets", DateRange.presets(LocalDate.now(KnowledgeCoverage.ZONE)));
		return "knowledge/coverage";
	}
}
