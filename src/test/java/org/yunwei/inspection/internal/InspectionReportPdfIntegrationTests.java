package org.yunwei.inspection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.support.HeldClusterLock;
import org.yunwei.support.IntegrationTestSupport;

import net.javacrumbs.shedlock.core.LockProvider;

/** The inspection report of a month as PDF: the plan's Chinese name and its figures read back from the document. */
class InspectionReportPdfIntegrationTests extends IntegrationTestSupport {

	@Autowired
	TaskGeneration generation;

	@Autowired
	LockProvider locks;

	InspectionWorld world;
	HeldClusterLock generating;
	HeldClusterLock escalating;

	@BeforeEach
	void world() {
		world = new InspectionWorld(jdbc, api());
		generating = HeldClusterLock.hold(locks, "inspection-tasks");
		escalating = HeldClusterLock.hold(locks, "inspection-overdue");
	}

	@AfterEach
	void release() {
		generating.close();
		escalating.close();
	}

	@Test
	void theMonthsReportPrintsAsPdfWithTheSameFigures() throws Exception {
		long plan = world.plan(world.serverPlan("2026-08-01", "2026-08-31"));
		generation.generate(plan, LocalDate.parse("2026-08-03"));
		generation.generate(plan, LocalDate.parse("2026-08-04"));
		generation.generate(plan, LocalDate.parse("2026-08-05"));
		var line = api().get("/api/v1/inspection-reports?month=2026-08", world.token(world.lead)).json().get("plans")
			.valueStream().filter(l -> l.get("planId").asLong() == plan).findFirst().orElseThrow();

		HttpResponse<byte[]> pdf = download("/api/v1/inspection-reports/pdf?month=2026-08", world.token(world.lead));
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("巡检报告", "2026-08", line.get("planName").asString(), "按时完成率");
			// the plan's row: planned 3, done 0, on time 0, overdue 3
			assertThat(text.replaceAll("\\s+", " ")).contains(line.get("planName").asString() + " 3 0 0 3");
		}
		assertThat(download("/api/v1/inspection-reports/pdf?month=August", world.token(world.lead)).statusCode())
			.isEqualTo(400);
		assertThat(download("/api/v1/inspection-reports/pdf?month=2026-08", world.token(world.supervisor))
			.statusCode()).isEqualTo(200);
	}

	private HttpResponse<byte[]> download(String path, String token) {
		try {
			return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", "Bearer " + token).header("Accept-Language", "zh-CN").build(),
					HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (Exception failed) {
			throw new AssertionError(failed);
		}
	}
}
