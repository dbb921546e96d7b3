package org.yunwei.audit.internal;

import org.springframework.stereotype.Component;
import org.yunwei.crypto.Digester;

/**
 * The hash of one link of the audit chain: the installation's digest (SHA-256, or SM3 in {@code gm} mode) over the
 * canonical form of the record, its sequence and the hash before it.
 */
@Component
class ChainDigest {

	/** Where the chain starts when nothing was ever purged. */
	static final String GENESIS = "0".repeat(64);

	private final Digester digester;

	ChainDigest(Digester digester) {
		this.digester = digester;
	}

	String of(String previousHash, long chainSeq, ChainEntry entry) {
		return digester.hexDigest(entry.canonicalForm(previousHash, chainSeq));
	}

	String algorithm() {
		return digester.algorithm();
	}
}
