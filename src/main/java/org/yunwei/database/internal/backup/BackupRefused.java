package org.yunwei.database.internal.backup;

/**
 * A backup or restore that cannot be done as asked (a directory that is not empty, a backup made by a Yunwei with
 * other migrations, a damaged file); the message says what to do, and nothing was changed.
 */
public class BackupRefused extends RuntimeException {

	public BackupRefused(String message) {
		super(message);
	}
}
