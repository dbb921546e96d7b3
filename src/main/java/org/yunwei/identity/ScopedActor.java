package org.yunwei.identity;

/**
 * A person together with the scope they act in: what a module's service needs once it has checked the person's
 * right, to place what they write ({@link Actor#userId()}, {@link DataScope#providerPartyId()}) and to keep what they
 * read and change within their scope ({@link DataScope#includesAny}, {@link DataScope#whereAny} and the others).
 *
 * @param scope the person's scope as {@link Actors#scopeOf} decides it
 */
public record ScopedActor(Actor actor, DataScope scope) {
}
