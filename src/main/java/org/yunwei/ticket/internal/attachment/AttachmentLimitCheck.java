package org.yunwei.ticket.internal.attachment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.yunwei.ticket.internal.record.TicketSettings;

/**
 * Warns at start-up when the servlet container would cut off an upload before the service desk's own limit applies:
 * people would then get a bare "too large" and lose the rest of the form instead of the message beside the field.
 */
@Component
class AttachmentLimitCheck {

	private static final Logger log = LoggerFactory.getLogger(AttachmentLimitCheck.class);

	private final Environment environment;
	private final TicketSettings settings;

	AttachmentLimitCheck(Environment environment, TicketSettings settings) {
		this.environment = environment;
		this.settings = settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	void compare() {
		String configured = environment.getProperty("spring.servlet.multipart.max-file-size");
		if (configured == null) {
			return;
		}
		long multipart = DataSize.parse(configured).toBytes();
		if (multipart >= 0 && multipart < settings.attachmentMaxBytes()) {
			log.warn("spring.servlet.multipart.max-file-size ({} bytes) is below yunwei.tickets.attachment-max-bytes "
					+ "({} bytes): larger attachments are cut off before the service desk can explain why", multipart,
					settings.attachmentMaxBytes());
		}
	}
}
