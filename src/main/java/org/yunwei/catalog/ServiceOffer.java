package org.yunwei.catalog;

/**
 * A service as the catalogue offers it to one organisation unit.
 *
 * @param orderable whether a person of the unit may order it now: the service is enabled and names the unit or a
 *        unit above it among its customers
 */
public record ServiceOffer(CatalogService service, boolean orderable) {
}
