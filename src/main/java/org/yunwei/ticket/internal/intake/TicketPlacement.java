package org.yunwei.ticket.internal.intake;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yunwei.catalog.CatalogService;
import org.yunwei.catalog.ServiceCatalog;
import org.yunwei.catalog.ServiceOffer;
import org.yunwei.identity.OrganisationUnit;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.PartyKind;
import org.yunwei.web.FieldErrors;

/**
 * Checks where a ticket (or an alert route that opens tickets) is placed: an enabled customer unit, and a service
 * that unit may order, whose providing unit's party then serves the ticket. Mistakes go to the caller's
 * {@link FieldErrors} under {@code customerOrgUnitId} and {@code serviceId}.
 */
@Component
public class TicketPlacement {

	private final Organisations organisations;
	private final ServiceCatalog catalog;

	TicketPlacement(Organisations organisations, ServiceCatalog catalog) {
		this.organisations = organisations;
		this.catalog = catalog;
	}

	/** The enabled customer unit of this id; {@code null} (with the mistake noted) when there is none. */
	public OrganisationUnit customerUnit(Long unitId, FieldErrors errors) {
		return customerUnit(unitId, unitId == null ? Optional.empty() : organisations.find(unitId), errors);
	}

	/** {@link #customerUnit(Long, FieldErrors)} of a unit the caller has read already: {@code found}, empty for none. */
	OrganisationUnit customerUnit(Long unitId, Optional<OrganisationUnit> found, FieldErrors errors) {
		if (unitId == null) {
			errors.add("customerOrgUnitId", "field.required");
			return null;
		}
		OrganisationUnit unit = found.filter(u -> u.partyKind() == PartyKind.CUSTOMER && u.enabled()).orElse(null);
		if (unit == null) {
			errors.add("customerOrgUnitId", "ticket.customer.invalid");
		}
		return unit;
	}

	/**
	 * The party that provides the service, when the service is enabled and the unit (if known) may order it;
	 * {@code null} for no service or a mistake noted.
	 */
	public Long serviceProvider(Long serviceId, OrganisationUnit unit, FieldErrors errors) {
		CatalogService service = service(serviceId, unit, errors);
		return service == null ? null : providerOf(service);
	}

	/**
	 * The service, when it is enabled and the unit (if known) may order it; {@code null} for no service or a mistake
	 * noted.
	 */
	CatalogService service(Long serviceId, OrganisationUnit unit, FieldErrors errors) {
		if (serviceId == null) {
			return null;
		}
		// the unit is read already: the service and whether the unit may order it come in one statement; without a
		// unit there is nothing to order it for
		Optional<ServiceOffer> offer = unit == null ? catalog.find(serviceId).map(s -> new ServiceOffer(s, true))
				: catalog.offerTo(serviceId, unit);
		CatalogService service = offer.map(ServiceOffer::service).filter(CatalogService::enabled).orElse(null);
		if (service == null) {
			errors.add("serviceId", "ticket.service.unknown");
			return null;
		}
		if (!offer.get().orderable()) {
			errors.add("serviceId", "ticket.service.not-orderable");
			return null;
		}
		return service;
	}

	/** The party whose unit provides the service; {@code null} when that unit is gone. */
	Long providerOf(CatalogService service) {
		return organisations.find(service.providerOrgUnitId()).map(OrganisationUnit::partyId).orElse(null);
	}
}
