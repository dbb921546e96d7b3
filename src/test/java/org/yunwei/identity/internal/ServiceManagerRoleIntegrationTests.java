package org.yunwei.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;

class ServiceManagerRoleIntegrationTests extends IntegrationTestSupport {

	@Test
	void givesTheServiceLevelManagerRoleToManagementOnly() {
		var directory = new TestDirectory(jdbc);
		long provider = directory.userId(directory.user(directory.orgUnit(directory.party("PROVIDER", "服务方"), null, "服务台")));
		long management = directory.userId(directory.user(directory.orgUnit(directory.party("MANAGEMENT", "数据局"), null, "运维科")));
		String security = securityAdminToken();

		assertThat(api().put("/api/v1/users/" + provider + "/roles", security, map("roles", List.of("SERVICE_MANAGER")))
			.status()).isEqualTo(422);
		assertThat(api().put("/api/v1/users/" + management + "/roles", security, map("roles", List.of("SERVICE_MANAGER")))
			.status()).isEqualTo(200);
		assertThat(jdbc.sql("""
				select count(*) from user_role ur join role r on r.id = ur.role_id
				where ur.user_id = ? and r.code = 'SERVICE_MANAGER'""").param(management).query(Long.class).single())
			.isEqualTo(1);
	}
}
