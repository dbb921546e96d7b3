package org.yunwei.identity;

/**
 * A person's account was moved to an organisation unit of another party (a provider's engineer now working for
 * another provider, say): published in the transaction of the move. Modules that give people duties within a party
 * (assignment groups, their leads) end those of the old party, so that the person no longer works on, nor hears of,
 * the old party's records.
 */
public record PersonChangedParty(long userId, long fromPartyId, long toPartyId) {
}
