package org.yunwei.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yunwei.support.IntegrationTestSupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every operation of the OpenAPI document that takes a JSON or multipart body, called as the administrator with
 * malformed JSON, control characters in each text field, values of the wrong kind and 1 MB strings: never a server
 * error, never the name of a Java type or class in the answer, and nothing written. Deterministic (a fixed seed),
 * and the path's records do not exist, so that a probe that passes the checks cannot change a record other tests use.
 */
class ApiFuzzIntegrationTests extends IntegrationTestSupport {

	private static final long SEED = 20261206L;
	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
	private static final Pattern JAVA_NAME = Pattern.compile("\\b(?:java|javax|jakarta|org|tools)\\.[a-z]|Exception");
	private static final String[] CONTROL = { "\u0000", "\u0001", "\u0008", "\u000b", "\u001b", "\u007f", "\u0085" };
	private static final String HUGE = "a".repeat(1024 * 1024);
	private static final String NO_SUCH_RECORD = "987654321";

	private final HttpClient http = HttpClient.newHttpClient();
	private final Random random = new Random(SEED);
	private final List<String> failures = new ArrayList<>();
	private JsonNode schemas;
	private int requests;
	private String token;

	@Test
	void everyJsonAndMultipartOperationRefusesBadBodiesWithoutAServerErrorOrAJavaName() {
		token = adminToken();
		JsonNode document = api().get("/v3/api-docs", token).json();
		schemas = document.get("components").get("schemas");
		long written = successfulAuditRecords();
		long parties = jdbc.sql("select count(*) from party").query(Long.class).single();
		int operations = 0;
		for (var path : document.get("paths").properties()) {
			for (var operation : path.getValue().properties()) {
				JsonNode content = operation.getValue().path("requestBody").path("content");
				String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
				String url = path.getKey().replaceAll("\\{[^}]+}", NO_SUCH_RECORD);
				if (content.has("application/json")) {
					operations++;
					fuzzJson(method, url, resolve(content.get("application/json").get("schema")));
				}
				if (content.has("multipart/form-data")) {
					operations++;
					fuzzMultipart(method, url, resolve(content.get("multipart/form-data").get("schema")));
				}
			}
		}
		assertThat(operations).as("operations with a body").isGreaterThan(40);
		assertThat(failures).isEmpty();
		System.out.printf("API fuzz: %d operations, %d requests%n", operations, requests);
		assertThat(successfulAuditRecords()).as("successful writes during the fuzz").isEqualTo(written);
		assertThat(jdbc.sql("select count(*) from party").query(Long.class).single()).isEqualTo(parties);
	}

	private void fuzzJson(String method, String url, JsonNode schema) {
		JsonNode sample = sample(schema, 0);
		String operation = method + " " + url;
		expectRefused(operation + " truncated", send(method, url, "application/json", sample.toString()
			.substring(0, Math.max(1, sample.toString().length() / 2))), true);
		expectRefused(operation + " not JSON", send(method, url, "application/json", "{'a': nul"), true);
		for (String field : textFields(sample)) {
			String control = CONTROL[random.nextInt(CONTROL.length)];
			JsonNode body = with(sample, field, node -> NODES.stringNode("值" + control + "值"));
			var answer = send(method, url, "application/json", body.toString());
			expectRefused(operation + " control character U+" + Integer.toHexString(control.charAt(0)) + " in "
					+ field, answer, true);
			if (answer.status() != 400 || !answer.body().contains("\"errors\"")) {
				failures.add(operation + " control character in " + field + ": not a 400 naming the field: "
						+ answer.status() + " " + abbreviated(answer.body()));
			}
		}
		if (sample.isObject()) {
			for (String field : sample.propertyNames()) {
				JsonNode body = with(sample, field, node -> wrongKind(node));
				expectRefused(operation + " wrong kind of " + field, send(method, url, "application/json",
						body.toString()), true);
			}
		}
		List<String> texts = textFields(sample);
		if (!texts.isEmpty()) {
			String field = texts.get(random.nextInt(texts.size()));
			expectRefused(operation + " 1 MB in " + field, send(method, url, "application/json",
					with(sample, field, node -> NODES.stringNode(HUGE)).toString()), false);
		}
	}

	private void fuzzMultipart(String method, String url, JsonNode schema) {
		String operation = method + " " + url;
		String file = schema.path("properties").propertyNames().stream()
			.filter(name -> "binary".equals(resolve(schema.get("properties").get(name)).path("format").asString("")))
			.findFirst()
			.orElse("file");
		expectRefused(operation + " multipart without a boundary", send(method, url, "multipart/form-data",
				"--x\r\nContent-Disposition: form-data; name=\"" + file + "\"\r\n\r\nx"), true);
		String control = CONTROL[random.nextInt(CONTROL.length)];
		expectRefused(operation + " control character in the file name", multipart(method, url, file,
				"报告" + control + ".txt"), true);
		expectRefused(operation + " a 64 kB file name", multipart(method, url, file, "名".repeat(64 * 1024)), true);
	}

	/** The answer is a client error (when {@code only4xx}) or at least no server error, and names no Java type. */
	private void expectRefused(String probe, Answer answer, boolean only4xx) {
		int status = answer.status();
		if (status >= 500 || only4xx && status < 400) {
			failures.add(probe + ": " + status + " " + abbreviated(answer.body()));
		}
		if (JAVA_NAME.matcher(answer.body()).find()) {
			failures.add(probe + ": a Java name in the answer: " + abbreviated(answer.body()));
		}
	}

	private Answer multipart(String method, String url, String part, String filename) {
		String boundary = "yunweiFuzz" + Long.toHexString(random.nextLong());
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
				+ filename + "\"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--" + boundary + "--\r\n";
		return send(method, url, "multipart/form-data; boundary=" + boundary, body);
	}

	private Answer send(String method, String url, String contentType, String body) {
		requests++;
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + url))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", contentType)
			.header("Accept", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		try {
			var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body());
		}
		catch (java.io.IOException ex) {
			// the server broke the connection: as bad as a server error
			return new Answer(599, "connection broken: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A body the schema describes: the first of each enum, an example date, one element per list. */
	private JsonNode sample(JsonNode schema, int depth) {
		JsonNode resolved = resolve(schema);
		String type = resolved.path("type").asString("object");
		if (resolved.has("enum")) {
			return resolved.get("enum").get(0);
		}
		return switch (type) {
			case "string" -> NODES.stringNode(switch (resolved.path("format").asString("")) {
				case "date" -> "2026-12-31";
				case "date-time" -> "2026-12-31T08:30:00+08:00";
				default -> "样例";
			});
			case "integer" -> NODES.numberNode(1);
			case "number" -> NODES.numberNode(1.5);
			case "boolean" -> NODES.booleanNode(true);
			case "array" -> {
				ArrayNode array = NODES.arrayNode();
				if (depth < 4) {
					array.add(sample(resolved.path("items"), depth + 1));
				}
				yield array;
			}
			default -> {
				ObjectNode object = NODES.objectNode();
				if (depth < 4) {
					resolved.path("properties").properties()
						.forEach(p -> object.set(p.getKey(), sample(p.getValue(), depth + 1)));
					if (resolved.has("additionalProperties") && resolved.get("additionalProperties").isObject()) {
						object.set("KEY", sample(resolved.get("additionalProperties"), depth + 1));
					}
				}
				yield object;
			}
		};
	}

	/** Paths ({@code a}, {@code a.b}, {@code a[0]}) of the text values in the sample, enums included. */
	private static List<String> textFields(JsonNode sample) {
		List<String> fields = new ArrayList<>();
		collectText(sample, "", fields);
		return fields;
	}

	private static void collectText(JsonNode node, String path, List<String> into) {
		if (node.isString()) {
			into.add(path);
		}
		else if (node.isObject()) {
			node.properties().forEach(p -> collectText(p.getValue(), path.isEmpty() ? p.getKey()
					: path + "." + p.getKey(), into));
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				collectText(node.get(i), path + "[" + i + "]", into);
			}
		}
	}

	/** A copy of {@code sample} with the value at {@code path} replaced. */
	private static JsonNode with(JsonNode sample, String path, UnaryOperator<JsonNode> replace) {
		JsonNode copy = sample.deepCopy();
		if (path.isEmpty()) {
			return replace.apply(copy);
		}
		List<Object> steps = new ArrayList<>();
		var matcher = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]").matcher(path);
		while (matcher.find()) {
			steps.add(matcher.group(1) != null ? matcher.group(1) : (Object) Integer.valueOf(matcher.group(2)));
		}
		JsonNode parent = copy;
		for (int i = 0; i < steps.size() - 1; i++) {
			parent = steps.get(i) instanceof Integer index ? parent.get(index) : parent.get((String) steps.get(i));
		}
		Object last = steps.getLast();
		if (last instanceof Integer index) {
			((ArrayNode) parent).set(index, replace.apply(parent.get(index)));
		}
		else {
			((ObjectNode) parent).set((String) last, replace.apply(parent.get((String) last)));
		}
		return copy;
	}

	private static JsonNode wrongKind(JsonNode node) {
		if (node.isString()) {
			return JSON.createObjectNode().set("nested", NODES.arrayNode().add(1));
		}
		if (node.isNumber()) {
			return NODES.stringNode("zwölf");
		}
		if (node.isBoolean()) {
			return NODES.stringNode("maybe");
		}
		if (node.isArray()) {
			return NODES.stringNode("not a list");
		}
		return NODES.numberNode(42);
	}

	private JsonNode resolve(JsonNode schema) {
		JsonNode current = schema == null ? NODES.objectNode() : schema;
		for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
			String name = current.get("$ref").asString().substring("#/components/schemas/".length());
			current = schemas.get(name);
		}
		if (current.has("allOf") && current.get("allOf").size() == 1) {
			return resolve(current.get("allOf").get(0));
		}
		return current;
	}

	private long successfulAuditRecords() {
		return jdbc.sql("select count(*) from audit_record where actor = 'admin' and outcome = 'SUCCESS'")
			.query(Long.class)
			.single();
	}

	private record Answer(int status, String body) {
	}

	private static String abbreviated(String body) {
		return body.length() > 300 ? body.substring(0, 300) + "…" : body;
	}
}
