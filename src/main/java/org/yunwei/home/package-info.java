/**
 * The home page of each party: what a person sees first after signing in, with the way into their work.
 * <p>
 * Depends on {@code identity} to know who is asking.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Home", allowedDependencies = { "identity" })
package org.yunwei.home;
