package org.yunwei.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The backoff between tries, the webhook addresses a robot may have, and links. */
class OutboxRulesTests {

	@Test
	void waitsTwiceAsLongAfterEachFailureUpToTheLongestWaitAndGivesUpAfterTheLastTry() {
		Backoff backoff = new Backoff(Duration.ofMinutes(1), Duration.ofHours(1), 10);
		assertThat(backoff.after(1)).contains(Duration.ofMinutes(1));
		assertThat(backoff.after(2)).contains(Duration.ofMinutes(2));
		assertThat(backoff.after(5)).contains(Duration.ofMinutes(16));
		assertThat(backoff.after(7)).contains(Duration.ofHours(1));
		assertThat(backoff.after(9)).contains(Duration.ofHours(1));
		assertThat(backoff.after(10)).isEmpty();
	}

	@Test
	void acceptsHttpsAnywhereAndHttpOnlyWithinTheIntranet() {
		assertThat(WebhookAddress.problemWith("https://oapi.dingtalk.com/robot/send?access_token=x")).isNull();
		assertThat(WebhookAddress.problemWith("http://10.1.2.3:8080/robot")).isNull();
		assertThat(WebhookAddress.problemWith("http://192.168.10.5/hook")).isNull();
		assertThat(WebhookAddress.problemWith("http://172.20.0.9/hook")).isNull();
		assertThat(WebhookAddress.problemWith("http://127.0.0.1:9000/hook")).isNull();
		assertThat(WebhookAddress.problemWith("http://robot-relay/hook")).isNull();
		assertThat(WebhookAddress.problemWith("http://[fd00::5]/hook")).isNull();

		assertThat(WebhookAddress.problemWith("http://oapi.dingtalk.com/robot/send")).isEqualTo("notification.robot.url.insecure");
		assertThat(WebhookAddress.problemWith("http://172.32.0.1/hook")).isEqualTo("notification.robot.url.insecure");
		assertThat(WebhookAddress.problemWith("http://8.8.8.8/hook")).isEqualTo("notification.robot.url.insecure");
		assertThat(WebhookAddress.problemWith("ftp://10.0.0.1/hook")).isEqualTo("notification.robot.url.invalid");
		assertThat(WebhookAddress.problemWith("https://user:pw@example.com/x")).isEqualTo("notification.robot.url.invalid");
		assertThat(WebhookAddress.problemWith("not a url")).isEqualTo("notification.robot.url.invalid");
	}

	@Test
	void makesLinksAbsoluteWithTheBaseUrlAndRedirectsOnlyWithinTheApplication() {
		Links links = new Links("https://yunwei.example.gov.cn/");
		assertThat(links.absolute("/tickets/42")).isEqualTo("https://yunwei.example.gov.cn/tickets/42");
		assertThat(links.absolute("tickets/42")).isEqualTo("https://yunwei.example.gov.cn/tickets/42");
		assertThat(links.absolute(null)).isNull();
		assertThat(Links.local("/tickets/42")).isTrue();
		assertThat(Links.local("//evil.example.com/x")).isFalse();
		assertThat(Links.local("https://evil.example.com/")).isFalse();
		assertThat(Links.local("/\\evil.example.com")).isFalse();
	}

	@Test
	void masksTheWebhookAddress() {
		assertThat(Robots.Robot.mask("https://oapi.dingtalk.com/robot/send?access_token=abcdef123456"))
			.isEqualTo("https://oapi.dingtalk.com/…3456");
		assertThat(Robots.Robot.mask("http://10.0.0.1:8080/hook/secretpath")).isEqualTo("http://10.0.0.1:8080/…path");
	}
}
