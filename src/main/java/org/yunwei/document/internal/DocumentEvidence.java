package org.yunwei.document.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.yunwei.compliance.Evidence;
import org.yunwei.compliance.Evidence.EvidenceLink;
import org.yunwei.compliance.Evidence.Figure;
import org.yunwei.compliance.Evidence.Note;
import org.yunwei.compliance.EvidenceRequest;
import org.yunwei.compliance.EvidenceSource;

/**
 * The library's documents as evidence of the items whose evidence is a 制度 or 准则. For the items that ask that the
 * staff know it (4.4.2a 行为管理准则, 4.4.2c 机房管理准则, 5.3.2b 岗位职责说明书, 5.3.2c 岗位备份制度, 6.1.2a 服务台管理制度):
 * a current approved version, who confirmed having read it, and a review not overdue, with a gap for each that is
 * wanting. For the others (6.2.2a 知识库管理制度, 7.4.2a 配置管理制度, 7.6.2a 发布管理制度, 7.7.2d 安全管理实施制度) a current
 * document of the category is enough. Without one, an item is partial with the document named as missing. Documents
 * are a state, not a period's records: the figures are those of now, of the documents the asked provider keeps or
 * that apply to it.
 */
@Component
class DocumentEvidence implements EvidenceSource {

	static final Set<String> KNOWN = Set.of("4.4.2a", "4.4.2c", "5.3.2b", "5.3.2c", "6.1.2a");
	static final Set<String> PRESENT = Set.of("6.2.2a", "7.4.2a", "7.6.2a", "7.7.2d");
	private static final int LATEST = 3;

	private final CategoryRecords categories;
	private final DocumentRecords documents;
	private final AcknowledgementRecords acknowledgements;

	DocumentEvidence(CategoryRecords categories, DocumentRecords documents, AcknowledgementRecords acknowledgements) {
		this.categories = categories;
		this.documents = documents;
		this.acknowledgements = acknowledgements;
	}

	@Override
	public Set<String> items() {
		Set<String> all = new java.util.HashSet<>(KNOWN);
		all.addAll(PRESENT);
		return all;
	}

	@Override
	public List<Evidence> evidence(EvidenceRequest request) {
		Map<String, List<Long>> categoriesOf = new LinkedHashMap<>();
		for (DocumentCategory category : categories.all()) {
			for (String item : category.items()) {
				if (items().contains(item)) {
					categoriesOf.computeIfAbsent(item, i -> new ArrayList<>()).add(category.id());
				}
			}
		}
		LocalDate today = LocalDate.ofInstant(request.now(), request.zone());
		List<Evidence> all = new ArrayList<>();
		for (String item : items().stream().sorted().toList()) {
			List<Long> ids = categoriesOf.getOrDefault(item, List.of());
			List<Long> first = ids.isEmpty() ? List.of() : List.of(ids.getFirst());
			EvidenceLink list = new EvidenceLink("evidence.link.documents",
					"/documents" + (first.isEmpty() ? "" : "?categoryId=" + first.getFirst()) );
			List<DocumentRecords.Row> current = documents.currentOf(ids, request.providerPartyId());
			if (current.isEmpty()) {
				all.add(Evidence.partial(item, List.of(), List.of(Note.of("evidence.document.missing")))
					.withLinks(List.of(list))
					.withGaps(List.of(Note.of("evidence.gap.no-current-document"))));
				continue;
			}
			long overdue = current.stream().filter(r -> r.reviewDate() != null && r.reviewDate().isBefore(today)).count();
			long asked = 0;
			long confirmed = 0;
			for (DocumentRecords.Row row : current) {
				long[] counts = acknowledgements.counts(row.currentVersionId());
				asked += counts[0];
				confirmed += counts[1];
			}
			List<Figure> figures = new ArrayList<>(List.of(new Figure("evidence.document.current", current.size(),
					list.href())));
			if (KNOWN.contains(item)) {
				figures.add(new Figure("evidence.document.asked", asked, null));
				figures.add(new Figure("evidence.document.confirmed", confirmed, null));
				figures.add(new Figure("evidence.document.review-overdue", overdue, null));
			}
			Evidence evidence = Evidence.evidenced(item, figures)
				.withRecords(current.stream().limit(LATEST)
					.map(r -> new Evidence.EvidenceRecord(r.title() + " · v" + r.currentVersionNumber(),
							r.effectiveDate() == null ? null : r.effectiveDate().atStartOfDay(request.zone()).toInstant(),
							"/documents/" + r.id()))
					.toList())
				.withLinks(List.of(list));
			if (KNOWN.contains(item)) {
				List<Note> gaps = new ArrayList<>();
				if (overdue > 0) {
					gaps.add(Note.of("evidence.gap.document-review-overdue", overdue));
				}
				if (asked == 0) {
					gaps.add(Note.of("evidence.gap.document-not-acknowledged"));
				}
				else if (confirmed < asked) {
					gaps.add(Note.of("evidence.gap.document-unconfirmed", asked - confirmed));
				}
				evidence = evidence.withGaps(gaps);
			}
			all.add(evidence);
		}
		return all;
	}
}
