package org.yunwei.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

class OperationsAccessTests {

	private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("key", "anonymousUser",
			AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
	private static final Authentication PERSON = UsernamePasswordAuthenticationToken.authenticated("zhang", null,
			AuthorityUtils.createAuthorityList("TICKET_WORK"));
	private static final Authentication SCRAPER = UsernamePasswordAuthenticationToken.authenticated("prometheus", null,
			AuthorityUtils.createAuthorityList("METRICS_READ"));

	@Test
	void byDefaultMetricsNeedTheirPermissionAndTheApiDocumentIsOpen() {
		var access = new OperationsAccess(false, true);
		for (Authentication anyone : List.of(ANONYMOUS, PERSON, SCRAPER)) {
			assertThat(granted(access, "/actuator/health", anyone)).isTrue();
			assertThat(granted(access, "/v3/api-docs", anyone)).isTrue();
			assertThat(granted(access, "/swagger-ui/index.html", anyone)).isTrue();
		}
		assertThat(granted(access, "/actuator/prometheus", ANONYMOUS)).isFalse();
		assertThat(granted(access, "/actuator/prometheus", PERSON)).isFalse();
		assertThat(granted(access, "/actuator/prometheus", SCRAPER)).isTrue();
		assertThat(granted(access, "/actuator/info", ANONYMOUS)).isFalse();
	}

	@Test
	void publicMetricsAreOpenToAnyone() {
		var access = new OperationsAccess(true, true);
		assertThat(granted(access, "/actuator/prometheus", ANONYMOUS)).isTrue();
	}

	@Test
	void aClosedApiDocumentNeedsSigningInOrAToken() {
		var access = new OperationsAccess(false, false);
		assertThat(granted(access, "/v3/api-docs", ANONYMOUS)).isFalse();
		assertThat(granted(access, "/v3/api-docs/swagger-config", ANONYMOUS)).isFalse();
		assertThat(granted(access, "/swagger-ui.html", ANONYMOUS)).isFalse();
		assertThat(granted(access, "/v3/api-docs", PERSON)).isTrue();
		assertThat(granted(access, "/swagger-ui/index.html", PERSON)).isTrue();
		assertThat(granted(access, "/actuator/health", ANONYMOUS)).isTrue();
	}

	private static boolean granted(OperationsAccess access, String path, Authentication who) {
		var request = new MockHttpServletRequest("GET", path);
		return access.authorize(() -> who, new RequestAuthorizationContext(request)).isGranted();
	}
}
