package org.yunwei.sla;

/**
 * The agreement that governs a record, and its target for the record's priority.
 *
 * @param level how specifically the agreement matched the record (see {@link ServiceLevels#resolve})
 * @param calendarId the business calendar for business-time targets; {@code null} means the default calendar
 */
public record AppliedAgreement(long agreementId, String code, String name, Level level, Long calendarId,
		ServiceLevelTarget target) {

	/** The precedence levels, most specific first. */
	public enum Level {
		/** The agreement names the record's customer unit (or a unit above it) and lists the record's service. */
		CUSTOMER_AND_SERVICE,
		/** The agreement names the record's customer unit (or a unit above it) and covers all services. */
		CUSTOMER,
		/** The agreement names no customer and lists the record's service. */
		SERVICE,
		/** The default agreement (默认协议). */
		DEFAULT
	}
}
