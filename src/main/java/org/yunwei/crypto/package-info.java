/**
 * Cryptographic primitives chosen once for the whole application: SHA-256 by default, the Chinese national
 * algorithms (国密 SM3 and, later, SM4/SM2) when {@code yunwei.crypto=gm}, for 信创 deployments.
 * <p>
 * Depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Crypto", allowedDependencies = {})
package org.yunwei.crypto;
