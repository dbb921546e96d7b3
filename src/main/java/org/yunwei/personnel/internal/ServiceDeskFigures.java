package org.yunwei.personnel.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.yunwei.identity.DataScope;
import org.yunwei.ticket.AssigneeFigures;
import org.yunwei.ticket.AssigneeRatings;
import org.yunwei.ticket.Tickets;
import org.yunwei.web.DateRange;
import org.yunwei.web.RejectedRequest;

/**
 * A person's ticket timeliness and quality in a period, as the service desk's statistics by assignee count them
 * (docs/ticket-statistics.md): timeliness is the resolution SLA attainment in percent over the tickets they resolved;
 * quality is their mean satisfaction rating (1–5) times 20. Either is {@code null} when the period has no figure for
 * the person (nothing resolved under an SLA, no rating), or when the appraiser may not read the statistics.
 */
@Component
class ServiceDeskFigures {

	private final Tickets tickets;
	private final ObjectProvider<AssigneeRatings> ratings;
	private final ZoneId zone;

	ServiceDeskFigures(Tickets tickets, ObjectProvider<AssigneeRatings> ratings,
			@Value("${yunwei.personnel.zone:Asia/Shanghai}") ZoneId zone) {
		this.tickets = tickets;
		this.ratings = ratings;
		this.zone = zone;
	}

	/**
	 * @param timeliness 0–100, or {@code null}
	 * @param timelinessBasis "met/counted" tickets resolved within the SLA
	 * @param quality 0–100, or {@code null}
	 * @param qualityBasis "mean/5 (count)" of the ratings
	 */
	record PersonFigures(BigDecimal timeliness, String timelinessBasis, BigDecimal quality, String qualityBasis) {

		BigDecimal score(ScoreSource source) {
			return switch (source) {
				case TICKET_TIMELINESS -> timeliness;
				case TICKET_QUALITY -> quality;
				case MANUAL -> null;
			};
		}

		String basis(ScoreSource source) {
			return switch (source) {
				case TICKET_TIMELINESS -> timelinessBasis;
				case TICKET_QUALITY -> qualityBasis;
				case MANUAL -> null;
			};
		}
	}

	PersonFigures of(long userId, long partyId, LocalDate from, LocalDate to) {
		BigDecimal timeliness = null;
		String timelinessBasis = null;
		List<AssigneeFigures> figures;
		try {
			figures = tickets.figuresByAssignee(new DateRange(from, to), partyId);
		}
		catch (RejectedRequest refused) {
			if (refused.status() != HttpStatus.FORBIDDEN) {
				throw refused;
			}
			figures = List.of();
		}
		for (AssigneeFigures f : figures) {
			if (f.assigneeUserId() != null && f.assigneeUserId() == userId && f.resolutionSla().counted() > 0) {
				timeliness = f.resolutionSla().rate();
				timelinessBasis = f.resolutionSla().met() + "/" + f.resolutionSla().counted();
			}
		}
		BigDecimal quality = null;
		String qualityBasis = null;
		AssigneeRatings source = ratings.getIfAvailable();
		if (source != null) {
			AssigneeRatings.Rated rated = source.byAssignee(from.atStartOfDay(zone).toInstant(),
					to.plusDays(1).atStartOfDay(zone).toInstant(),
					new DataScope.Condition("provider_party_id = ?", List.of(partyId)))
				.get(userId);
			if (rated != null && rated.meanScore() != null) {
				quality = rated.meanScore().multiply(BigDecimal.valueOf(20)).setScale(1, RoundingMode.HALF_UP);
				qualityBasis = rated.meanScore().toPlainString() + "/5 (" + rated.count() + ")";
			}
		}
		return new PersonFigures(timeliness, timelinessBasis, quality, qualityBasis);
	}
}
