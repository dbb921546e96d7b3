package org.yunwei.identity.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document (服务接口文档): every {@code /api/v1} endpoint takes a bearer token unless it says otherwise.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI yunweiOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Yunwei API")
				.version("v1")
				.description("""
						REST API of Yunwei (运维服务管理平台). Get a token with `POST /api/v1/auth/tokens` and send it as \
						`Authorization: Bearer <token>`. Errors are RFC 9457 problem details \
						(`application/problem+json`) with a stable `type` (`urn:yunwei:problem:...`) and a \
						`detail` in the language of `Accept-Language` (zh-CN by default).""")
				.license(new License().name("Apache-2.0")))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("ywt_…")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}
}
