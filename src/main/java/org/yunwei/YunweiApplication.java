package org.yunwei;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * Yunwei (运维): O&M service management for government IT.
 */
@SpringBootApplication
@Modulithic(systemName = "Yunwei")
public class YunweiApplication {

	public static void main(String[] args) {
		SpringApplication.run(YunweiApplication.class, args);
	}
}
