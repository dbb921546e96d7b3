package org.yunwei.ticket.internal.record;

import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The service desk's settings ({@code yunwei.tickets.*}).
 *
 * @param zone the zone of ticket numbers' days and of "today" for SLA validity
 * @param autoCloseBusinessDays a resolved ticket the customer neither confirms nor reopens closes after this many
 *        business days on the default calendar
 * @param attachmentMaxBytes the largest attachment accepted
 * @param attachmentTypes the file name extensions accepted, lower case
 * @param concurrentCreations how many API creations run their transaction at once on a node (they serialise on
 *        the number counter); default twice the processors, at least 4
 */
@ConfigurationProperties("yunwei.tickets")
public record TicketSettings(ZoneId zone, Integer autoCloseBusinessDays, Long attachmentMaxBytes,
		List<String> attachmentTypes, Integer concurrentCreations) {

	public TicketSettings {
		zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
		autoCloseBusinessDays = autoCloseBusinessDays == null ? 3 : autoCloseBusinessDays;
		concurrentCreations = concurrentCreations == null
				? Math.max(4, 2 * Runtime.getRuntime().availableProcessors()) : Math.max(1, concurrentCreations);
		attachmentMaxBytes = attachmentMaxBytes == null ? 10L * 1024 * 1024 : attachmentMaxBytes;
		attachmentTypes = attachmentTypes == null || attachmentTypes.isEmpty()
				? List.of("png", "jpg", "jpeg", "gif", "pdf", "txt", "log", "csv", "doc", "docx", "xls", "xlsx",
						"ppt", "pptx", "zip", "7z", "rar", "ofd", "wps", "et")
				: attachmentTypes.stream().map(t -> t.strip().toLowerCase(java.util.Locale.ROOT)).toList();
	}
}
