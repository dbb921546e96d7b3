package org.yunwei.inspection.internal.check;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * Real servers on loopback for the checks to probe, closed by {@link #close}: an HTTP server whose {@code /health}
 * answers with a status the test sets, a server socket that accepts and never answers, an HTTPS server with a
 * self-signed certificate expiring in a given number of days (made with Bouncy Castle's ASN.1 classes, which the
 * application ships), and a free port nobody listens on.
 */
final class LoopbackTargets implements AutoCloseable {

	static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

	final AtomicInteger healthStatus = new AtomicInteger(200);
	private final List<AutoCloseable> opened = new ArrayList<>();

	/** An HTTP server: {@code /health} answers {@link #healthStatus} with the body "status: ok"; its port. */
	int http() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
		server.createContext("/health", exchange -> {
			byte[] body = "status: ok".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(healthStatus.get(), body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		opened.add(() -> server.stop(0));
		return server.getAddress().getPort();
	}

	/** A port that accepts connections and never says a word; its port. */
	int silent() throws IOException {
		ServerSocket socket = new ServerSocket(0, 50, LOOPBACK);
		List<Socket> held = new ArrayList<>();
		Thread.ofVirtual().start(() -> {
			while (!socket.isClosed()) {
				try {
					held.add(socket.accept());
				}
				catch (IOException closed) {
					return;
				}
			}
		});
		opened.add(() -> {
			socket.close();
			for (Socket s : held) {
				s.close();
			}
		});
		return socket.getLocalPort();
	}

	/** A port nobody listens on (bound, then released). */
	static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
			return socket.getLocalPort();
		}
	}

	/** An HTTPS server whose self-signed certificate expires {@code daysLeft} days and an hour from now; its port. */
	int https(int daysLeft) throws IOException, GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair pair = generator.generateKeyPair();
		X509Certificate certificate = selfSigned(pair, Instant.now().plus(Duration.ofDays(daysLeft)).plus(Duration.ofHours(1)));
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		char[] password = "test".toCharArray();
		store.setKeyEntry("server", pair.getPrivate(), password, new java.security.cert.Certificate[] { certificate });
		KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keys.init(store, password);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(keys.getKeyManagers(), null, null);
		HttpsServer server = HttpsServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
		server.setHttpsConfigurator(new HttpsConfigurator(context));
		server.createContext("/", exchange -> {
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		server.start();
		opened.add(() -> server.stop(0));
		return server.getAddress().getPort();
	}

	static X509Certificate selfSigned(KeyPair pair, Instant notAfter) throws GeneralSecurityException, IOException {
		AlgorithmIdentifier algorithm = new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption,
				DERNull.INSTANCE);
		X500Name name = new X500Name("CN=localhost, O=Yunwei test");
		V3TBSCertificateGenerator tbs = new V3TBSCertificateGenerator();
		tbs.setSerialNumber(new ASN1Integer(BigInteger.valueOf(System.nanoTime())));
		tbs.setSignature(algorithm);
		tbs.setIssuer(name);
		tbs.setSubject(name);
		tbs.setStartDate(new Time(Date.from(Instant.now().minus(Duration.ofDays(1)))));
		tbs.setEndDate(new Time(Date.from(notAfter)));
		tbs.setSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()));
		TBSCertificate unsigned = tbs.generateTBSCertificate();
		Signature signature = Signature.getInstance("SHA256withRSA");
		signature.initSign(pair.getPrivate());
		signature.update(unsigned.getEncoded(ASN1Encoding.DER));
		ASN1EncodableVector certificate = new ASN1EncodableVector();
		certificate.add(unsigned);
		certificate.add(algorithm);
		certificate.add(new DERBitString(signature.sign()));
		byte[] encoded = new DERSequence(certificate).getEncoded(ASN1Encoding.DER);
		return (X509Certificate) CertificateFactory.getInstance("X.509")
			.generateCertificate(new ByteArrayInputStream(encoded));
	}

	@Override
	public void close() throws Exception {
		for (AutoCloseable one : opened) {
			one.close();
		}
	}
}
