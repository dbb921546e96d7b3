/**
 * Cryptographic primitives chosen once for the whole application: SHA-256 by default, the Chinese national
 * algorithms (国密 SM3 and, later, SM2) when {@code yunwei.crypto=gm}, for 信创 deployments; and the encryption of
 * single personal fields at rest ({@link org.yunwei.crypto.FieldCipher}: AES-256-GCM, SM4-GCM in {@code gm} mode) under a
 * key kept outside the database.
 * <p>
 * Depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Crypto", allowedDependencies = {})
package org.yunwei.crypto;
