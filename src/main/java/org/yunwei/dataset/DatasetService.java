package org.yunwei.dataset;

import java.util.List;

/**
 * A generated catalogue service, as the accounts file lists it.
 *
 * @param id the service
 * @param providerPartyId the provider party that delivers it
 * @param serviceObject its 服务对象 kind
 * @param orgUnitIds every customer unit that may order it (whole subtrees spelled out)
 */
public record DatasetService(long id, long providerPartyId, String serviceObject, List<Long> orgUnitIds) {
}
