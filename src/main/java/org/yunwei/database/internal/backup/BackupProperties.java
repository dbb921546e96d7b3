package org.yunwei.database.internal.backup;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code yunwei.backup.*}: where scheduled backups go, when they run ({@code schedule}, a cron expression in the
 * server's time zone, {@code -} for never) and how many of them are kept.
 */
@ConfigurationProperties("yunwei.backup")
public record BackupProperties(@DefaultValue("./data/backups") String directory,
		@DefaultValue("0 30 2 * * *") String schedule, @DefaultValue("7") int keep) {

	public BackupProperties {
		if (keep < 1) {
			throw new IllegalArgumentException("yunwei.backup.keep must be at least 1, not " + keep);
		}
	}
}
