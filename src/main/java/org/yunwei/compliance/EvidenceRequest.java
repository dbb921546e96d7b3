package org.yunwei.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The question the register puts to every {@link EvidenceSource}: the days of the period (both included, in
 * {@code zone}) and whose evidence.
 *
 * @param from first day of the period; never {@code null}
 * @param to last day, included; never {@code null}, not before {@code from}
 * @param zone the zone the days are counted in (the register's, by default Asia/Shanghai)
 * @param providerPartyId the one provider party whose records count; {@code null}: every provider
 * @param now the moment the question is asked, for gaps such as "nothing in the last 30 days"
 */
public record EvidenceRequest(LocalDate from, LocalDate to, ZoneId zone, Long providerPartyId, Instant now) {

	public EvidenceRequest {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		Objects.requireNonNull(zone, "zone");
		Objects.requireNonNull(now, "now");
		if (from.isAfter(to)) {
			throw new IllegalArgumentException("from " + from + " is after to " + to);
		}
	}

	/** The first instant of the period. */
	public Instant start() {
		return from.atStartOfDay(zone).toInstant();
	}

	/** The first instant after the period. */
	public Instant end() {
		return to.plusDays(1).atStartOfDay(zone).toInstant();
	}

	/** Whether every provider's records count. */
	public boolean allProviders() {
		return providerPartyId == null;
	}

	/**
	 * A SQL condition restricting rows to the asked provider, for the column holding a row's provider party id:
	 * {@code true} for every provider, else {@code column = ?} with {@link #providerPartyId()} as its one parameter
	 * (see {@link #parameters()}).
	 */
	public String providerCondition(String column) {
		return allProviders() ? "true" : column + " = ?";
	}

	/** The parameters of {@link #providerCondition}: none, or the provider party id. */
	public java.util.List<Object> parameters() {
		return allProviders() ? java.util.List.of() : java.util.List.of(providerPartyId);
	}
}
