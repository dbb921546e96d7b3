package org.yunwei.problem;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.problem.internal.Problem;
import org.yunwei.problem.internal.ProblemReading;

/**
 * What other modules may ask of problem management: a problem as the signed-in person may see it, and the known
 * errors (with their workarounds) of the problems an incident is linked to. Both apply the reader's right and scope:
 * a person who may not read problems gets nothing, never an error.
 */
@Service
public class Problems {

	private final ProblemReading reading;

	Problems(ProblemReading reading) {
		this.reading = reading;
	}

	/**
	 * A problem as other modules may know it.
	 *
	 * @param status {@code REGISTERED}, {@code ANALYSING}, {@code IN_PROGRESS}, {@code RESOLVED}, {@code CLOSED} or
	 *        {@code CANCELLED}
	 * @param workaround the known error's workaround; {@code null} unless it is a known error
	 * @param articleId the knowledge article proposed on closing; {@code null} when none
	 */
	public record ProblemSummary(long id, String number, String subject, String status, String priority,
			boolean knownError, String workaround, Long articleId) {
	}

	/** The problem, when it exists and the signed-in person may read it. */
	@Transactional(readOnly = true)
	public Optional<ProblemSummary> find(long id) {
		if (!mayRead()) {
			return Optional.empty();
		}
		return reading.visible(id).map(Problems::summary);
	}

	/** The problems linked to an incident that the signed-in person may read, newest first. */
	@Transactional(readOnly = true)
	public List<ProblemSummary> ofIncident(long ticketId) {
		return mayRead() ? reading.ofIncident(ticketId).stream().map(Problems::summary).toList() : List.of();
	}

	/**
	 * The problems the signed-in person may read whose number is the text or whose subject contains it, newest first,
	 * for a picker (a change that fixes problems); empty for a blank text or a person who may not read problems.
	 */
	@Transactional(readOnly = true)
	public List<ProblemSummary> search(String text, int limit) {
		String cleaned = org.yunwei.web.FieldErrors.clean(text);
		if (!mayRead() || cleaned == null) {
			return List.of();
		}
		String q = cleaned.length() > 100 ? cleaned.substring(0, 100) : cleaned;
		return reading.page(new org.yunwei.problem.internal.ProblemFilter(null, null, null, null, q, null), null,
				Math.max(1, Math.min(limit, 50))).items().stream().map(Problems::summary).toList();
	}

	private boolean mayRead() {
		return reading.mayRead();
	}

	private static ProblemSummary summary(Problem p) {
		return new ProblemSummary(p.id(), p.number(), p.collection().subject(), p.status().name(),
				p.collection().priority().name(), p.knownError(), p.workaround(), p.articleId());
	}
}
