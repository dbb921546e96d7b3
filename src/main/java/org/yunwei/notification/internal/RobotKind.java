package org.yunwei.notification.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The group robots a notice can go to, each with its message format, its signing (加签) and how it says that it
 * refused a message. The formats are those of the vendors' custom robot documentation: a plain text message.
 */
enum RobotKind {

	/**
	 * DingTalk (钉钉) custom robot: signed by appending {@code timestamp} (milliseconds) and {@code sign} (URL-encoded
	 * base64 HmacSHA256 of {@code timestamp + "\n" + secret}, keyed with the secret) to the webhook address; a reply
	 * with {@code errcode} other than 0 is a refusal. A text may have 20,000 bytes.
	 */
	DINGTALK(true, 20_000) {
		@Override
		RobotRequest request(String url, String secret, String text, Instant now) {
			String body = json(Map.of("msgtype", "text", "text", Map.of("content", text)));
			if (secret == null) {
				return new RobotRequest(URI.create(url), body);
			}
			String timestamp = String.valueOf(now.toEpochMilli());
			String sign = base64(hmacSha256(secret.getBytes(StandardCharsets.UTF_8),
					(timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
			String signed = url + (url.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign="
					+ URLEncoder.encode(sign, StandardCharsets.UTF_8);
			return new RobotRequest(URI.create(signed), body);
		}
	},

	/**
	 * WeCom (企业微信) group robot: the key in the webhook address is its only credential (no signing); a reply with
	 * {@code errcode} other than 0 is a refusal. A text may have 2,048 bytes.
	 */
	WECOM(false, 2_048) {
		@Override
		RobotRequest request(String url, String secret, String text, Instant now) {
			return new RobotRequest(URI.create(url),
					json(Map.of("msgtype", "text", "text", Map.of("content", text))));
		}
	},

	/**
	 * Feishu (飞书) custom bot: signed with {@code timestamp} (seconds) and {@code sign} in the body, the base64
	 * HmacSHA256 of an empty message keyed with {@code timestamp + "\n" + secret}; a reply with {@code code} (or the
	 * older {@code StatusCode}) other than 0 is a refusal.
	 */
	FEISHU(true, 30_000) {
		@Override
		RobotRequest request(String url, String secret, String text, Instant now) {
			Map<String, Object> body = new LinkedHashMap<>();
			if (secret != null) {
				String timestamp = String.valueOf(now.getEpochSecond());
				body.put("timestamp", timestamp);
				body.put("sign",
						base64(hmacSha256((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8), new byte[0])));
			}
			body.put("msg_type", "text");
			body.put("content", Map.of("text", text));
			return new RobotRequest(URI.create(url), json(body));
		}

		@Override
		String refusal(JsonNode reply) {
			for (String field : new String[] { "code", "StatusCode" }) {
				JsonNode code = reply.get(field);
				if (code != null && code.isNumber() && code.asInt() != 0) {
					return code.asInt() + " " + text(reply, "msg", "StatusMessage");
				}
			}
			return null;
		}
	};

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final boolean signs;
	private final int maxBytes;

	RobotKind(boolean signs, int maxBytes) {
		this.signs = signs;
		this.maxBytes = maxBytes;
	}

	/** Whether this kind of robot takes a signing secret. */
	boolean signs() {
		return signs;
	}

	/** The longest text, in UTF-8 bytes, that the robot accepts. */
	int maxBytes() {
		return maxBytes;
	}

	/**
	 * The request that posts a text message, signed with the secret at {@code now} when there is one.
	 *
	 * @param secret {@code null} for an unsigned robot
	 */
	abstract RobotRequest request(String url, String secret, String text, Instant now);

	/** What the robot's JSON reply says went wrong, or {@code null} when it accepted the message. */
	String refusal(JsonNode reply) {
		JsonNode code = reply.get("errcode");
		if (code != null && code.isNumber() && code.asInt() != 0) {
			return code.asInt() + " " + text(reply, "errmsg");
		}
		return null;
	}

	static RobotKind parse(String value) {
		if (value == null) {
			return null;
		}
		for (RobotKind kind : values()) {
			if (kind.name().equalsIgnoreCase(value.strip())) {
				return kind;
			}
		}
		return null;
	}

	/** A URI and a JSON body to post. */
	record RobotRequest(URI uri, String body) {
	}

	private static String text(JsonNode reply, String... fields) {
		for (String field : fields) {
			JsonNode value = reply.get(field);
			if (value != null && !value.isNull()) {
				return value.asString();
			}
		}
		return "";
	}

	private static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	static byte[] hmacSha256(byte[] key, byte[] message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(message);
		}
		catch (GeneralSecurityException unavailable) {
			throw new IllegalStateException("HmacSHA256 is not available", unavailable);
		}
	}

	private static String base64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}
}
