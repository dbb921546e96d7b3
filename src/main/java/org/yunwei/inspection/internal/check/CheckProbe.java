package org.yunwei.inspection.internal.check;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.springframework.stereotype.Component;

/**
 * Runs one probe, bounded by the check's timeout in every step (connect, handshake, read, query), so that a dead
 * target costs at most that long and never holds the scheduler. Each probe answers a {@link Reading}; it never
 * throws for what the target does.
 * <p>
 * Ping: {@link InetAddress#isReachable} sends an ICMP echo where the JVM may (root or {@code CAP_NET_RAW}) and
 * otherwise tries the TCP echo port, where a refused connection also proves the host is up; when that finds nothing
 * and a port is given, a TCP connection to it decides. The reading says which way answered.
 */
@Component
public class CheckProbe {

	static final int BODY_LIMIT = 1024 * 1024;
	static final int DEFAULT_WARN_DAYS = 30;

	public Reading probe(ProbeTarget target) {
		return switch (target.kind()) {
			case HTTP -> http(target);
			case TCP -> tcp(target);
			case TLS -> tls(target);
			case PING -> ping(target);
			case DATABASE -> database(target);
		};
	}

	private Reading http(ProbeTarget target) {
		long start = System.nanoTime();
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(target.timeoutMillis()))
			.followRedirects(HttpClient.Redirect.NEVER).build();
		try (client) {
			HttpRequest request = HttpRequest.newBuilder(URI.create(target.target()))
				.timeout(Duration.ofMillis(target.timeoutMillis())).header("User-Agent", "Yunwei-check").GET().build();
			HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
			String body;
			try (InputStream in = response.body()) {
				body = new String(in.readNBytes(BODY_LIMIT), StandardCharsets.UTF_8);
			}
			int millis = since(start);
			int status = response.statusCode();
			boolean statusOk = target.expectStatus() == null ? status >= 200 && status < 400
					: status == target.expectStatus();
			if (!statusOk) {
				return Reading.down(millis, "check.detail.http.status", status,
						target.expectStatus() == null ? "2xx/3xx" : target.expectStatus());
			}
			if (target.bodyContains() != null && !body.contains(target.bodyContains())) {
				return Reading.down(millis, "check.detail.http.body", status, target.bodyContains());
			}
			return timed(target, millis, "check.detail.http.ok", status);
		}
		catch (HttpTimeoutException e) {
			return Reading.down(since(start), "check.detail.timeout", target.timeoutMillis());
		}
		catch (IOException e) {
			return Reading.down(since(start), "check.detail.unreachable", reason(e));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return Reading.down(since(start), "check.detail.timeout", target.timeoutMillis());
		}
	}

	private Reading tcp(ProbeTarget target) {
		long start = System.nanoTime();
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(target.target(), target.port()), target.timeoutMillis());
			return timed(target, since(start), "check.detail.tcp.ok", target.port());
		}
		catch (SocketTimeoutException e) {
			return Reading.down(since(start), "check.detail.timeout", target.timeoutMillis());
		}
		catch (IOException e) {
			return Reading.down(since(start), "check.detail.unreachable", reason(e));
		}
	}

	/** Reads the certificate without trusting it: a self-signed or expired one is measured, not refused. */
	private Reading tls(ProbeTarget target) {
		long start = System.nanoTime();
		int warnDays = target.warnDays() == null ? DEFAULT_WARN_DAYS : target.warnDays();
		try (Socket plain = new Socket()) {
			plain.connect(new InetSocketAddress(target.target(), target.port()), target.timeoutMillis());
			plain.setSoTimeout(target.timeoutMillis());
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, new TrustManager[] { new ReadingTrustManager() }, new SecureRandom());
			try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, target.target(),
					target.port(), false)) {
				socket.startHandshake();
				X509Certificate certificate = (X509Certificate) socket.getSession().getPeerCertificates()[0];
				Instant notAfter = certificate.getNotAfter().toInstant();
				long days = Math.floorDiv(Duration.between(Instant.now(), notAfter).toSeconds(), 86_400L);
				int millis = since(start);
				String expires = notAfter.toString().substring(0, 10);
				if (days < 0) {
					return Reading.down(millis, "check.detail.tls.expired", expires).withDaysLeft((int) days);
				}
				if (days < warnDays) {
					return Reading.warning(millis, "check.detail.tls.soon", days, expires).withDaysLeft((int) days);
				}
				return Reading.up(millis, "check.detail.tls.ok", days, expires).withDaysLeft((int) days);
			}
		}
		catch (SocketTimeoutException e) {
			return Reading.down(since(start), "check.detail.timeout", target.timeoutMillis());
		}
		catch (IOException | java.security.GeneralSecurityException e) {
			return Reading.down(since(start), "check.detail.unreachable", reason(e));
		}
	}

	private Reading ping(ProbeTarget target) {
		long start = System.nanoTime();
		try {
			InetAddress address = InetAddress.getByName(target.target());
			if (address.isReachable(target.timeoutMillis())) {
				return timed(target, since(start), "check.detail.ping.reachable");
			}
		}
		catch (UnknownHostException e) {
			return Reading.down(since(start), "check.detail.unreachable", reason(e));
		}
		catch (IOException e) {
			// no answer that way; the port decides
		}
		if (target.port() == null) {
			return Reading.down(since(start), "check.detail.ping.silent");
		}
		long fallback = System.nanoTime();
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(target.target(), target.port()), target.timeoutMillis());
			return timed(target, since(fallback), "check.detail.ping.tcp", target.port());
		}
		catch (IOException e) {
			return Reading.down(since(start), "check.detail.ping.silent-port", target.port());
		}
	}

	/** PostgreSQL only: the URL was checked to start with {@code jdbc:postgresql:} when the check was kept. */
	private Reading database(ProbeTarget target) {
		long start = System.nanoTime();
		Properties properties = new Properties();
		if (target.dbUser() != null) {
			properties.setProperty("user", target.dbUser());
		}
		if (target.dbPassword() != null) {
			properties.setProperty("password", target.dbPassword());
		}
		int seconds = Math.max(1, (target.timeoutMillis() + 999) / 1000);
		properties.setProperty("connectTimeout", String.valueOf(seconds));
		properties.setProperty("loginTimeout", String.valueOf(seconds));
		properties.setProperty("socketTimeout", String.valueOf(seconds));
		properties.setProperty("ApplicationName", "Yunwei check");
		try (Connection connection = new org.postgresql.Driver().connect(target.target(), properties)) {
			if (connection == null) {
				return Reading.down(since(start), "check.detail.database.url");
			}
			try (Statement statement = connection.createStatement()) {
				statement.setQueryTimeout(seconds);
				try (ResultSet rs = statement.executeQuery("select 1")) {
					if (rs.next() && rs.getInt(1) == 1) {
						return timed(target, since(start), "check.detail.database.ok");
					}
				}
			}
			return Reading.down(since(start), "check.detail.database.answer");
		}
		catch (SQLException e) {
			return Reading.down(since(start), "check.detail.database.refused",
					e.getSQLState() == null ? reason(e) : e.getSQLState() + " " + reason(e));
		}
	}

	private static Reading timed(ProbeTarget target, int millis, String key, Object... args) {
		if (target.slowMillis() != null && millis > target.slowMillis()) {
			Object[] all = new Object[] { millis, target.slowMillis() };
			return Reading.warning(millis, "check.detail.slow", all);
		}
		return Reading.up(millis, key, args);
	}

	private static int since(long start) {
		return (int) Math.min(Integer.MAX_VALUE, Duration.ofNanos(System.nanoTime() - start).toMillis());
	}

	/** A short reason without stack or secrets, e.g. "ConnectException: Connection refused". */
	private static String reason(Exception e) {
		String message = e.getMessage() == null ? "" : ": " + e.getMessage();
		if (e instanceof ConnectException && message.isEmpty()) {
			message = ": refused";
		}
		String text = e.getClass().getSimpleName() + message;
		return text.length() <= 300 ? text : text.substring(0, 299) + "…";
	}

	/** Accepts any certificate: the TLS check reads the expiry; trusting the chain is not what it measures. */
	private static final class ReadingTrustManager implements X509TrustManager {

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType) {
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType) {
		}

		@Override
		public X509Certificate[] getAcceptedIssuers() {
			return new X509Certificate[0];
		}
	}
}
