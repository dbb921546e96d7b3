package org.yunwei.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RobotKindTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final Instant NOW = Instant.parse("2026-11-22T02:30:00.123Z");
	private static final String SECRET = "SEC0123456789abcdef";

	@Test
	void signsDingTalkInTheAddressWithMillisecondsAndAnEncodedHmacOfTimestampAndSecret() throws Exception {
		var request = RobotKind.DINGTALK.request("https://oapi.dingtalk.com/robot/send?access_token=t0k", SECRET,
				"[INC-20261122-0001] 已分派给您", NOW);

		String query = request.uri().getRawQuery();
		assertThat(query).startsWith("access_token=t0k&timestamp=" + NOW.toEpochMilli() + "&sign=");
		String sign = URLDecoder.decode(query.substring(query.indexOf("&sign=") + 6), StandardCharsets.UTF_8);
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		String expected = Base64.getEncoder()
			.encodeToString(mac.doFinal((NOW.toEpochMilli() + "\n" + SECRET).getBytes(StandardCharsets.UTF_8)));
		assertThat(sign).isEqualTo(expected);
		assertThat(query).doesNotContain(SECRET);

		JsonNode body = JSON.readTree(request.body());
		assertThat(body.get("msgtype").asString()).isEqualTo("text");
		assertThat(body.get("text").get("content").asString()).isEqualTo("[INC-20261122-0001] 已分派给您");
	}

	@Test
	void leavesAnUnsignedDingTalkAddressAsItIs() {
		var request = RobotKind.DINGTALK.request("https://oapi.dingtalk.com/robot/send?access_token=t0k", null, "x",
				NOW);
		assertThat(request.uri().toString()).isEqualTo("https://oapi.dingtalk.com/robot/send?access_token=t0k");
	}

	@Test
	void signsFeishuInTheBodyWithSecondsAndAnHmacOfAnEmptyMessage() throws Exception {
		var request = RobotKind.FEISHU.request("https://open.feishu.cn/open-apis/bot/v2/hook/abc", SECRET, "已解决",
				NOW);

		JsonNode body = JSON.readTree(request.body());
		assertThat(body.get("timestamp").asString()).isEqualTo(String.valueOf(NOW.getEpochSecond()));
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec((NOW.getEpochSecond() + "\n" + SECRET).getBytes(StandardCharsets.UTF_8),
				"HmacSHA256"));
		assertThat(body.get("sign").asString()).isEqualTo(Base64.getEncoder().encodeToString(mac.doFinal(new byte[0])));
		assertThat(body.get("msg_type").asString()).isEqualTo("text");
		assertThat(body.get("content").get("text").asString()).isEqualTo("已解决");
		assertThat(request.uri().toString()).isEqualTo("https://open.feishu.cn/open-apis/bot/v2/hook/abc");
	}

	@Test
	void sendsWeComTextWithoutSigning() {
		var request = RobotKind.WECOM.request("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", SECRET, "升级",
				NOW);
		JsonNode body = JSON.readTree(request.body());
		assertThat(body.get("msgtype").asString()).isEqualTo("text");
		assertThat(body.get("text").get("content").asString()).isEqualTo("升级");
		assertThat(request.uri().getRawQuery()).isEqualTo("key=k");
		assertThat(RobotKind.WECOM.signs()).isFalse();
	}

	@Test
	void readsARefusalFromTheReply() {
		assertThat(RobotKind.DINGTALK.refusal(JSON.readTree("{\"errcode\":0,\"errmsg\":\"ok\"}"))).isNull();
		assertThat(RobotKind.DINGTALK.refusal(JSON.readTree("{\"errcode\":310000,\"errmsg\":\"sign not match\"}")))
			.isEqualTo("310000 sign not match");
		assertThat(RobotKind.WECOM.refusal(JSON.readTree("{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}")))
			.startsWith("93000");
		assertThat(RobotKind.FEISHU.refusal(JSON.readTree("{\"code\":0,\"msg\":\"success\",\"data\":{}}"))).isNull();
		assertThat(RobotKind.FEISHU.refusal(JSON.readTree("{\"code\":19021,\"msg\":\"sign match fail\"}")))
			.isEqualTo("19021 sign match fail");
		assertThat(RobotKind.FEISHU.refusal(JSON.readTree("{\"StatusCode\":0,\"StatusMessage\":\"success\"}"))).isNull();
	}

	@Test
	void cutsATextToTheRobotsLimitAtACharacterBoundary() {
		String text = "通知".repeat(1000);
		String cut = RobotWebhook.cut(text, RobotKind.WECOM.maxBytes());
		assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048);
		assertThat(cut).endsWith("…").startsWith("通知通知");
		assertThat(RobotWebhook.cut("short", 2048)).isEqualTo("short");
	}
}
