package org.yunwei.personnel.internal;

import java.util.List;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.yunwei.identity.Party;
import org.yunwei.personnel.internal.OrganisationChart.StaffOrganisationChart;
import org.yunwei.personnel.internal.ServiceFlow.ServiceProcessFlow;
import org.yunwei.web.RejectedRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The organisation chart (运维人员组织架构图) and the service process flow (运维服务流程图) as pages, as SVG files to
 * save or print, and in the API. PERSONNEL_READ reads both; the chart only of the providers in the reader's scope.
 */
@Controller
@Tag(name = "Organisation chart and service flow", description = "运维人员组织架构图 drawn from the directory's units, "
		+ "leads, posts and people of a provider; 运维服务流程图 drawn from the ticket lifecycle and the default SLA's "
		+ "escalation chains. PERSONNEL_READ.")
class OrganisationChartController {

	static final MediaType SVG = MediaType.valueOf("image/svg+xml");

	private final OrganisationChart chart;
	private final OrganisationChartDrawing chartDrawing;
	private final ServiceFlow flow;
	private final ServiceFlowDrawing flowDrawing;

	OrganisationChartController(OrganisationChart chart, OrganisationChartDrawing chartDrawing, ServiceFlow flow,
			ServiceFlowDrawing flowDrawing) {
		this.chart = chart;
		this.chartDrawing = chartDrawing;
		this.flow = flow;
		this.flowDrawing = flowDrawing;
	}

	@GetMapping("/api/v1/staff/organisation-chart")
	@ResponseBody
	@Operation(summary = "A provider's organisation chart: units with their lead, posts, holders and headcount",
			description = "partyId: a provider in my scope (404 otherwise); without it, the first provider of my scope.")
	StaffOrganisationChart chart(@RequestParam(required = false) Long partyId) {
		return chart.of(partyOf(partyId));
	}

	@GetMapping("/api/v1/staff/organisation-chart/svg")
	@Operation(summary = "A provider's organisation chart as an SVG image")
	ResponseEntity<String> chartImage(@RequestParam(required = false) Long partyId, Locale locale) {
		StaffOrganisationChart drawn = chart.of(partyOf(partyId));
		return image(chartDrawing.draw(drawn, locale), "organisation-chart.svg");
	}

	@GetMapping("/api/v1/staff/service-flow")
	@ResponseBody
	@Operation(summary = "The service process flow: the ticket lifecycle and the default SLA's escalation chains")
	ServiceProcessFlow flow() {
		return flow.flow();
	}

	@GetMapping("/api/v1/staff/service-flow/svg")
	@Operation(summary = "The service process flow as an SVG image")
	ResponseEntity<String> flowImage(Locale locale) {
		return image(flowDrawing.draw(flow.flow(), locale), "service-flow.svg");
	}

	@GetMapping("/staff/chart")
	String chartPage(@RequestParam(required = false) Long partyId, Model model, Locale locale) {
		List<Party> parties = chart.parties();
		model.addAttribute("parties", parties);
		if (!parties.isEmpty()) {
			StaffOrganisationChart drawn = chart.of(partyId == null ? parties.getFirst().id() : partyId);
			model.addAttribute("chart", drawn);
			model.addAttribute("svg", chartDrawing.draw(drawn, locale));
		}
		return "personnel/chart";
	}

	@GetMapping("/staff/chart/image")
	ResponseEntity<String> chartDownload(@RequestParam(required = false) Long partyId, Locale locale) {
		return chartImage(partyId, locale);
	}

	@GetMapping("/staff/flow")
	String flowPage(Model model, Locale locale) {
		ServiceProcessFlow drawn = flow.flow();
		model.addAttribute("flow", drawn);
		model.addAttribute("svg", flowDrawing.draw(drawn, locale));
		return "personnel/flow";
	}

	@GetMapping("/staff/flow/image")
	ResponseEntity<String> flowDownload(Locale locale) {
		return flowImage(locale);
	}

	private Long partyOf(Long partyId) {
		if (partyId != null) {
			return partyId;
		}
		return chart.parties().stream().findFirst().map(Party::id)
			.orElseThrow(() -> RejectedRequest.notFound("party"));
	}

	private static ResponseEntity<String> image(String svg, String name) {
		return ResponseEntity.ok()
			.contentType(SVG)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
			.body(svg);
	}
}
