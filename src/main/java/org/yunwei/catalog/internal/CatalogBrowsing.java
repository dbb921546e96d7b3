package org.yunwei.catalog.internal;

import org.yunwei.web.FieldErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.identity.OrganisationUnit;
import org.yunwei.identity.Organisations;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

/**
 * Reading the catalogue as the asker may see it ({@link Audience}): the list of services, one service, and the
 * portal's tree of categories with their services. A customer asking for a service they may not order is told it
 * does not exist.
 */
@Service
@Transactional(readOnly = true)
class CatalogBrowsing {

	/**
	 * The portal shows the whole visible catalogue in its tree: a city's catalogue holds hundreds of services, not
	 * millions, and a tree cut into pages could not be read. The cap only guards against the unexpected.
	 */
	private static final int PORTAL_CAP = 2000;

	private final Services services;
	private final Categories categories;
	private final Audience audience;
	private final Organisations organisations;

	CatalogBrowsing(Services services, Categories categories, Audience audience, Organisations organisations) {
		this.services = services;
		this.categories = categories;
		this.audience = audience;
		this.organisations = organisations;
	}

	@PreAuthorize("isAuthenticated()")
	public KeysetPage<ServiceSummary> list(ServiceQuery query) {
		return KeysetPage.of(services.page(query, audience.current()), query.limit(),
				row -> ServiceQuery.Cursor.after(query.sort(), row).encode());
	}

	@PreAuthorize("isAuthenticated()")
	public ServiceDetail get(long id) {
		Audience.Reader reader = audience.current();
		Services.Row row = services.find(id)
			.filter(s -> reader.sees(s.enabled(), s.providerOrgUnitId(), services.customerUnitIds(id)))
			.orElseThrow(() -> RejectedRequest.notFound("service"));
		ServiceDetail detail = detail(row);
		if (reader.wholeCatalogue()) {
			return detail;
		}
		// a customer department learns which of its own units may order, not which other departments may
		return new ServiceDetail(detail.id(), detail.code(), detail.name(), detail.description(), detail.categoryId(),
				detail.categoryName(), detail.provider(), detail.objects(), detail.indicators(), detail.customers()
					.stream()
					.filter(u -> reader.orderingUnitIds().contains(u.id()))
					.toList(), detail.enabled(), detail.createdAt());
	}

	/** The service with its parts, whoever asks; callers have checked that it exists and may be shown. */
	ServiceDetail detail(long id) {
		return detail(services.find(id).orElseThrow(() -> RejectedRequest.notFound("service")));
	}

	/** The visible categories as a tree, each with the visible services matching the filter that it holds. */
	@PreAuthorize("isAuthenticated()")
	public List<Shelf> portal(String q, ServiceObjectKind object) {
		Audience.Reader reader = audience.current();
		List<ServiceSummary> shown = services.page(new ServiceQuery(null, object, null, FieldErrors.clean(q), null,
				ServiceQuery.Sort.NAME, PORTAL_CAP, null), reader);
		Map<Long, List<ServiceDetail.Indicator>> indicators = services
			.indicatorsOf(shown.stream().map(ServiceSummary::id).toList());
		Map<Long, OrganisationUnit> providers = organisations
			.findAll(shown.stream().map(ServiceSummary::providerOrgUnitId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(OrganisationUnit::id, Function.identity()));
		Map<Long, List<Offer>> byCategory = shown.stream()
			.map(s -> new Offer(s, indicators.getOrDefault(s.id(), List.of()),
					unit(s.providerOrgUnitId(), providers)))
			.collect(Collectors.groupingBy(o -> o.service().categoryId()));
		boolean filtered = FieldErrors.clean(q) != null || object != null;
		// a customer, a provider (its own services), or anyone filtering, sees only the branches that lead to a service
		boolean prune = !reader.wholeCatalogue() || reader.limitedToOwnServices() || filtered;
		List<Categories.Category> visible = categories.all().stream()
			.filter(c -> reader.wholeCatalogue() || c.enabled())
			.toList();
		return shelves(CategoryNode.treeOf(visible), byCategory, prune);
	}

	private List<Shelf> shelves(List<CategoryNode> nodes, Map<Long, List<Offer>> byCategory, boolean prune) {
		List<Shelf> shelves = new ArrayList<>();
		for (CategoryNode node : nodes) {
			Shelf shelf = new Shelf(node, byCategory.getOrDefault(node.id(), List.of()),
					shelves(node.children(), byCategory, prune));
			if (!prune || shelf.count() > 0) {
				shelves.add(shelf);
			}
		}
		return shelves;
	}

	private ServiceDetail detail(Services.Row row) {
		List<Long> customerIds = services.customerUnitIds(row.id());
		List<Long> unitIds = new ArrayList<>(customerIds);
		unitIds.add(row.providerOrgUnitId());
		Map<Long, OrganisationUnit> units = organisations.findAll(unitIds).stream()
			.collect(Collectors.toMap(OrganisationUnit::id, Function.identity()));
		String categoryName = categories.find(row.categoryId()).map(Categories.Category::name).orElse(null);
		return new ServiceDetail(row.id(), row.code(), row.name(), row.description(), row.categoryId(), categoryName,
				unit(row.providerOrgUnitId(), units), services.objects(row.id()), services.indicators(row.id()),
				customerIds.stream().map(id -> unit(id, units)).toList(), row.enabled(), row.createdAt());
	}

	private static ServiceDetail.Unit unit(long id, Map<Long, OrganisationUnit> units) {
		OrganisationUnit unit = units.get(id);
		return unit == null ? new ServiceDetail.Unit(id, null, 0, null)
				: new ServiceDetail.Unit(id, unit.name(), unit.partyId(), unit.partyName());
	}

	/** A service as the portal shows it. */
	record Offer(ServiceSummary service, List<ServiceDetail.Indicator> indicators, ServiceDetail.Unit provider) {
	}

	/** A category of the portal with its services and the categories below it. */
	record Shelf(CategoryNode category, List<Offer> offers, List<Shelf> children) {

		/** The services here and below. */
		public int count() {
			return offers.size() + children.stream().mapToInt(Shelf::count).sum();
		}
	}
}
