package org.yunwei.compliance.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.yunwei.compliance.Evidence;
import org.yunwei.compliance.EvidenceRequest;
import org.yunwei.compliance.EvidenceSource;
import org.yunwei.compliance.EvidenceState;
import org.yunwei.identity.Actors;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.Party;
import org.yunwei.identity.PartyKind;
import org.yunwei.web.DateRange;
import org.yunwei.web.RejectedRequest;

/**
 * The register as its readers see it: every key assessment item with the evidence the modules give for the period
 * and the reader's scope, in the reader's language. Reading needs COMPLIANCE_READ and is not audited, as no other
 * report's reading is; nothing here writes.
 */
@Service
class ComplianceRegister {

	private final AssessmentItems items = AssessmentItems.fromClasspath();
	private final List<EvidenceSource> sources;
	private final EvidenceGathering gathering;
	private final Actors actors;
	private final Organisations organisations;
	private final MessageSource messages;
	private final ZoneId zone;
	private final Clock clock;

	ComplianceRegister(List<EvidenceSource> sources, EvidenceGathering gathering, Actors actors, Organisations organisations,
			MessageSource messages, @Value("${yunwei.compliance.zone:Asia/Shanghai}") ZoneId zone) {
		for (EvidenceSource source : sources) {
			for (String id : source.items()) {
				if (!items.contains(id)) {
					throw new IllegalStateException(source.getClass().getName() + " answers for " + id
							+ ", which is no key assessment item of " + AssessmentItems.RESOURCE);
				}
			}
		}
		this.sources = List.copyOf(sources);
		this.gathering = gathering;
		this.actors = actors;
		this.organisations = organisations;
		this.messages = messages;
		this.zone = zone;
		this.clock = Clock.system(zone);
	}

	/** How many items are in each state. */
	public record Counts(int evidenced, int partial, int missing, int total) {

		static Counts of(List<Item> items) {
			int evidenced = (int) items.stream().filter(i -> i.state() == EvidenceState.EVIDENCED).count();
			int partial = (int) items.stream().filter(i -> i.state() == EvidenceState.PARTIAL).count();
			return new Counts(evidenced, partial, items.size() - evidenced - partial, items.size());
		}
	}

	/** A chapter of the standard (4 通用要求 … 10 开发运维安全一体化管理) with its items. */
	public record Chapter(int number, String title, Counts counts, List<Item> items) {
	}

	/**
	 * One key assessment item with its evidence. {@code requirement} is the item's own words; {@code present} and
	 * {@code missing} say, for a partial item, what is there and what is not; {@code gaps} what a module found
	 * wanting.
	 */
	public record Item(String id, String clause, String item, int chapter, String requirement, String clauseTitle,
			EvidenceState state, String stateLabel, List<FigureView> figures, List<RecordView> records,
			List<LinkView> links, List<String> present, List<String> missing, List<String> gaps) {
	}

	/** A live figure: its message key, its label in the reader's language, the count, the list behind it. */
	public record FigureView(String key, String label, long value, String link) {
	}

	public record RecordView(String text, Instant at, String link) {
	}

	public record LinkView(String label, String href) {
	}

	/** The whole register of a period; {@code providerPartyId} {@code null}: every provider. */
	public record Register(LocalDate from, LocalDate to, Long providerPartyId, String providerName, Counts counts,
			List<Chapter> chapters) {
	}

	/** One item of a period, as {@code GET /api/v1/compliance/items/{id}} answers. */
	public record ItemAnswer(LocalDate from, LocalDate to, Long providerPartyId, String providerName, Item item) {
	}

	ZoneId zone() {
		return zone;
	}

	/** The provider parties a reader may pick; empty for a provider, who sees only its own. */
	List<Party> providers() {
		ComplianceReader reader = ComplianceReader.of(actors.current());
		return reader.mayPick() ? organisations.parties(PartyKind.PROVIDER) : List.of();
	}

	/** Not one transaction: each source reads in its own, side by side ({@link EvidenceGathering}). */
	public Register read(DateRange period, Long provider, Locale locale) {
		EvidenceRequest request = request(period, provider);
		Map<String, Evidence> evidence = gathering.gather(sources, request);
		Map<Integer, List<Item>> byChapter = new TreeMap<>();
		for (AssessmentItem item : items.all()) {
			byChapter.computeIfAbsent(item.chapter(), c -> new ArrayList<>())
				.add(view(item, evidence.get(item.id()), locale));
		}
		List<Chapter> chapters = new ArrayList<>();
		List<Item> all = new ArrayList<>();
		byChapter.forEach((number, chapterItems) -> {
			chapters.add(new Chapter(number, text("compliance.chapter." + number, locale), Counts.of(chapterItems),
					List.copyOf(chapterItems)));
			all.addAll(chapterItems);
		});
		return new Register(period.from(), period.to(), request.providerPartyId(), providerName(request),
				Counts.of(all), chapters);
	}

	/** One item; 404 for an id that is no key assessment item. */
	public ItemAnswer item(String id, DateRange period, Long provider, Locale locale) {
		EvidenceRequest request = request(period, provider);
		AssessmentItem item = items.find(id).orElseThrow(() -> RejectedRequest.notFound("compliance-item"));
		Map<String, Evidence> evidence = gathering.gather(
				sources.stream().filter(source -> source.items().contains(id)).toList(), request);
		return new ItemAnswer(period.from(), period.to(), request.providerPartyId(), providerName(request),
				view(item, evidence.get(id), locale));
	}

	/** The question for the sources: the reader's scope decides the provider, a provider's own choice is ignored. */
	private EvidenceRequest request(DateRange period, Long provider) {
		ComplianceReader reader = ComplianceReader.of(actors.current());
		Long providerPartyId = reader.providerPartyId();
		if (reader.mayPick() && provider != null) {
			boolean known = organisations.findParty(provider).map(p -> p.kind() == PartyKind.PROVIDER).orElse(false);
			if (!known) {
				throw RejectedRequest.invalidField("provider", "compliance.provider.unknown");
			}
			providerPartyId = provider;
		}
		return new EvidenceRequest(period.from(), period.to(), zone, providerPartyId, clock.instant());
	}

	private String providerName(EvidenceRequest request) {
		return request.allProviders() ? null
				: organisations.findParty(request.providerPartyId()).map(Party::name).orElse(null);
	}

	private Item view(AssessmentItem item, Evidence evidence, Locale locale) {
		EvidenceState state = evidence == null ? EvidenceState.MISSING : evidence.state();
		String requirement = messages.getMessage("compliance.item." + item.id(), null, item.requirement(), locale);
		String clauseTitle = messages.getMessage("compliance.clause." + item.clause(), null, item.clauseTitle(),
				locale);
		if (evidence == null) {
			return new Item(item.id(), item.clause(), item.item(), item.chapter(), requirement, clauseTitle, state,
					text("compliance.state." + state, locale), List.of(), List.of(), List.of(), List.of(), List.of(),
					List.of());
		}
		return new Item(item.id(), item.clause(), item.item(), item.chapter(), requirement, clauseTitle, state,
				text("compliance.state." + state, locale),
				evidence.figures().stream()
					.map(f -> new FigureView(f.label(), text(f.label(), locale), f.value(), f.link()))
					.toList(),
				evidence.records().stream().map(r -> new RecordView(r.text(), r.at(), r.link())).toList(),
				evidence.links().stream().map(l -> new LinkView(text(l.label(), locale), l.href())).toList(),
				notes(evidence.present(), locale), notes(evidence.missing(), locale), notes(evidence.gaps(), locale));
	}

	private List<String> notes(List<Evidence.Note> notes, Locale locale) {
		return notes.stream()
			.map(n -> messages.getMessage(new DefaultMessageSourceResolvable(new String[] { n.key() },
					n.arguments().toArray()), locale))
			.toList();
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}
}
