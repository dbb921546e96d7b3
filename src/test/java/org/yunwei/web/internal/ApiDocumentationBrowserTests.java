package org.yunwei.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.yunwei.support.BrowserTestSupport;

class ApiDocumentationBrowserTests extends BrowserTestSupport {

	@Test
	void swaggerUiShowsTheDocumentedOperationsUnderTheContentSecurityPolicy() {
		open("/swagger-ui.html");
		assertThat(find(".opblock-summary-path").getText()).startsWith("/api/v1/");
		assertThat(browser.getPageSource()).contains("Yunwei API");
	}
}
