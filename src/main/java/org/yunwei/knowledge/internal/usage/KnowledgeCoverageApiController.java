package org.yunwei.knowledge.internal.usage;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.web.DateRange;
import org.yunwei.web.FieldErrors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/knowledge/coverage")
@Tag(name = "Knowledge coverage", description = "知识库的覆盖范围, 可用性和有效性: the share of resolved incidents with "
		+ "a linked article (per service and service category), the articles readers can find and those past their "
		+ "review date, and how often articles were linked and solved the problem. Staff with KNOWLEDGE_MANAGE or "
		+ "TICKET_REPORT, within their scope.")
class KnowledgeCoverageApiController {

	private final KnowledgeCoverage coverage;

	KnowledgeCoverageApiController(KnowledgeCoverage coverage) {
		this.coverage = coverage;
	}

	@GetMapping
	@Operation(summary = "The figures of a period", description = "Both dates or neither (the last 30 days). 400 "
			+ "for an unreadable date or a start after the end; 403 for customers and staff without the rights.")
	KnowledgeCoverage.Figures figures(
			@Parameter(description = "first day, e.g. 2026-11-01") @RequestParam(required = false) String from,
			@Parameter(description = "last day, included") @RequestParam(required = false) String to) {
		coverage.requireReader();
		FieldErrors errors = new FieldErrors();
		DateRange period = DateRange.both("from", from, "to", to, errors);
		errors.throwIfAny();
		return coverage.of(period);
	}
}
