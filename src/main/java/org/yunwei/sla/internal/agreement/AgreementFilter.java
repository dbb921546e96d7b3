package org.yunwei.sla.internal.agreement;

/** What a list of agreements is narrowed to; every part is optional. {@code after}: the code of the last row seen. */
record AgreementFilter(Long providerPartyId, Long customerOrgUnitId, Long serviceId, Boolean enabled, String after,
		int limit) {

	static final int DEFAULT_LIMIT = 50;
	static final int MAX_LIMIT = 200;

	AgreementFilter {
		limit = limit <= 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
	}
}
