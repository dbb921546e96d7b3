package org.yunwei.compliance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class AssessmentItemsTests {

	/** The TSV's ids, read line by line without the register's code: clause and item joined. */
	private static List<String> tsvIds() throws IOException {
		try (InputStream in = AssessmentItemsTests.class.getClassLoader()
			.getResourceAsStream("compliance/assessment-items.tsv")) {
			List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
			assertThat(lines.get(0)).startsWith("clause\titem\t");
			List<String> ids = new ArrayList<>();
			for (String line : lines.subList(1, lines.size())) {
				if (!line.isBlank()) {
					String[] cells = line.split("\t");
					ids.add(cells[0] + cells[1]);
				}
			}
			return ids;
		}
	}

	@Test
	void holdsExactlyTheEightyNineItemsOfTheStandardNoneDroppedNoneInvented() throws IOException {
		List<String> tsv = tsvIds();
		List<String> register = AssessmentItems.fromClasspath().all().stream().map(AssessmentItem::id).toList();

		assertThat(tsv).hasSize(89).doesNotHaveDuplicates();
		assertThat(register).hasSize(89).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(tsv);
		assertThat(register).contains("6.1.2e", "5.6.2a.1", "4.3.2c", "10.3.2c", "9.4.2a");
	}

	@Test
	void ordersItemsByClauseNumberAndKnowsTheirChapters() {
		List<AssessmentItem> items = AssessmentItems.fromClasspath().all();
		List<String> ids = items.stream().map(AssessmentItem::id).toList();

		assertThat(ids.get(0)).isEqualTo("4.3.2a");
		assertThat(ids.get(ids.size() - 1)).isEqualTo("10.3.2d");
		// 9.4.2a comes last in the file, but before chapter 10 by its number
		assertThat(ids.indexOf("9.4.2a")).isLessThan(ids.indexOf("10.1.2a")).isGreaterThan(ids.indexOf("9.3.2c"));
		Set<Integer> chapters = new LinkedHashSet<>(items.stream().map(AssessmentItem::chapter).toList());
		assertThat(chapters).containsExactly(4, 5, 6, 7, 8, 9, 10);
		AssessmentItem visits = AssessmentItems.fromClasspath().find("6.1.2e").orElseThrow();
		assertThat(visits.requirement()).isEqualTo("回访报告");
		assertThat(visits.clauseTitle()).isEqualTo("服务台");
		assertThat(AssessmentItems.fromClasspath().find("6.1.2z")).isEmpty();
	}

	@Test
	void everyItemAndClauseHasItsEnglishWords() throws IOException {
		java.util.Properties english = new java.util.Properties();
		try (InputStream in = AssessmentItemsTests.class.getClassLoader()
			.getResourceAsStream("i18n/compliance_en.properties")) {
			english.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		for (AssessmentItem item : AssessmentItems.fromClasspath().all()) {
			assertThat(english.getProperty("compliance.item." + item.id())).as(item.id()).isNotBlank();
			assertThat(english.getProperty("compliance.clause." + item.clause())).as(item.clause()).isNotBlank();
			assertThat(english.getProperty("compliance.chapter." + item.chapter())).isNotBlank();
		}
	}

	@Test
	void refusesARepeatedOrMalformedItem() {
		String header = "clause\titem\tkey_assessment_item\tparent_clause_title\n";
		assertThatThrownBy(() -> AssessmentItems.read(stream(header + "6.1.2\te\t回访报告\t服务台\n6.1.2\te\t回访\t服务台\n")))
			.hasMessageContaining("6.1.2e");
		assertThatThrownBy(() -> AssessmentItems.read(stream(header + "6.1.2\te\t回访报告\n")))
			.hasMessageContaining("line 2");
	}

	private static InputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}
}
