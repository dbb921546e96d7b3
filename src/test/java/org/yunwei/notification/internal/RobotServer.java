package org.yunwei.notification.internal;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Stands in for the DingTalk, WeCom and Feishu servers on the loopback address: keeps every request it receives and
 * answers each path with the reply set for it (by default one that every kind reads as accepted).
 */
final class RobotServer implements AutoCloseable {

	static final String ACCEPTED = "{\"errcode\":0,\"errmsg\":\"ok\",\"code\":0,\"msg\":\"success\"}";

	private final HttpServer server;
	private final Queue<Received> received = new ConcurrentLinkedQueue<>();
	private final Map<String, String> replies = new ConcurrentHashMap<>();

	RobotServer() {
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		server.createContext("/", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			String path = exchange.getRequestURI().getPath();
			received.add(new Received(path, exchange.getRequestURI().getRawQuery(), body,
					exchange.getRequestHeaders().getFirst("Content-Type")));
			byte[] reply = replies.getOrDefault(path, ACCEPTED).getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, reply.length);
			exchange.getResponseBody().write(reply);
			exchange.close();
		});
		server.start();
	}

	/** An address of this server, e.g. {@code url("/dingtalk-1?access_token=abc")}. */
	String url(String pathAndQuery) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
	}

	void reply(String path, String json) {
		replies.put(path, json);
	}

	List<Received> at(String path) {
		return received.stream().filter(r -> r.path().equals(path)).toList();
	}

	@Override
	public void close() {
		server.stop(0);
	}

	record Received(String path, String query, String body, String contentType) {
	}
}
