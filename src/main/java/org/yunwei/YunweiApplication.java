package org.yunwei;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.yunwei.database.BackupCommand;
import org.yunwei.dataset.GenerateCommand;

/**
 * Yunwei (运维): O&M service management for government IT.
 */
@SpringBootApplication
@Modulithic(systemName = "Yunwei")
public class YunweiApplication {

	/**
	 * Starts the application, or with {@code generate} as the first argument runs the data generator and exits
	 * (see {@link GenerateCommand}), or with {@code backup} or {@code restore} backs up or restores the database and
	 * exits (see {@link BackupCommand}).
	 */
	public static void main(String[] args) {
		if (args.length > 0 && GenerateCommand.NAME.equals(args[0])) {
			System.exit(GenerateCommand.run(YunweiApplication.class, Arrays.copyOfRange(args, 1, args.length)));
		}
		if (args.length > 0 && BackupCommand.handles(args[0])) {
			System.exit(BackupCommand.run(YunweiApplication.class, args));
		}
		SpringApplication.run(YunweiApplication.class, args);
	}
}
