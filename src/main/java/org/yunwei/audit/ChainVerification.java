package org.yunwei.audit;

/**
 * What verifying the audit hash chain found. When {@code intact} is false, {@code firstBrokenSeq} and
 * {@code firstBrokenId} name the first record whose link does not hold ({@code null} when the record itself is
 * missing at the end is not detectable) and {@code reason} says how:
 * <ul>
 * <li>{@code HASH_MISMATCH}: the record's content no longer gives its stored hash (it was changed);</li>
 * <li>{@code PREVIOUS_HASH_MISMATCH}: the record does not point at the hash of the one before it;</li>
 * <li>{@code GAP}: records before this one are missing (deleted other than by a purge).</li>
 * </ul>
 * Records are verified only once sealed; {@code unsealed} counts those still waiting for the sealer.
 *
 * @param checked how many sealed records were read, the broken one included
 * @param algorithm the digest of the chain, {@code SHA-256} or {@code SM3}
 */
public record ChainVerification(boolean intact, long checked, long unsealed, String algorithm, Long firstBrokenSeq,
		Long firstBrokenId, String reason) {

	public static ChainVerification intact(long checked, long unsealed, String algorithm) {
		return new ChainVerification(true, checked, unsealed, algorithm, null, null, null);
	}

	public static ChainVerification broken(long checked, long unsealed, String algorithm, long seq, long id,
			String reason) {
		return new ChainVerification(false, checked, unsealed, algorithm, seq, id, reason);
	}
}
