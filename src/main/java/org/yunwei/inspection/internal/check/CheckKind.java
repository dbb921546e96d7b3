package org.yunwei.inspection.internal.check;

/** What an automated check probes. */
public enum CheckKind {
	/** An HTTP(S) URL: the status expected, a text the body contains, the response time. */
	HTTP,
	/** A TCP port that accepts a connection. */
	TCP,
	/** The TLS certificate a host presents on a port: the days left before it expires. */
	TLS,
	/** A host that answers: {@code InetAddress.isReachable} (ICMP when privileged, else TCP echo), then a TCP port. */
	PING,
	/** A PostgreSQL database that accepts the credentials and answers {@code select 1}. */
	DATABASE
}
