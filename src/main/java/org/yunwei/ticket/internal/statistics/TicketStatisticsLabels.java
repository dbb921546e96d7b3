package org.yunwei.ticket.internal.statistics;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.yunwei.catalog.CatalogService;
import org.yunwei.catalog.ServiceCatalog;
import org.yunwei.identity.OrganisationUnit;
import org.yunwei.identity.Organisations;

/**
 * What a person reads for a statistic's value, and where its tickets are listed: enum values through the service
 * desk's bundle, customer units through {@link Organisations}, services through {@link ServiceCatalog}; a value of
 * nothing (no service, no category) reads "not given" and has no list to go to.
 */
@Component
class TicketStatisticsLabels {

	static final String LIST = "/tickets";
	/** Up to this many names are looked up one by one. */
	private static final int PREFETCH_ABOVE = 5;

	private final MessageSource messages;
	private final Organisations organisations;
	private final ServiceCatalog catalog;

	TicketStatisticsLabels(MessageSource messages, Organisations organisations, ServiceCatalog catalog) {
		this.messages = messages;
		this.organisations = organisations;
		this.catalog = catalog;
	}

	/** Names the values of one request, asking each other module once per distinct id. */
	Namer namer(Locale locale) {
		return new Namer(locale);
	}

	final class Namer {

		private final Locale locale;
		private final Map<String, String> names = new HashMap<>();

		private Namer(Locale locale) {
			this.locale = locale;
		}

		/**
		 * Looks up the names of many customer units or services at once (one query for all of a kind) rather than
		 * one by one; the few that are left, e.g. disabled services, are then asked for singly.
		 */
		void prefetch(TicketStatisticsDimension dimension, java.util.Collection<String> keys) {
			if (keys.size() <= PREFETCH_ABOVE) {
				return;
			}
			if (dimension == TicketStatisticsDimension.CUSTOMER) {
				organisations.ofPartyKind(org.yunwei.identity.PartyKind.CUSTOMER)
					.forEach(unit -> names.put(dimension + ":" + unit.id(), unitName(unit)));
			}
			else if (dimension == TicketStatisticsDimension.SERVICE) {
				catalog.enabled(Integer.MAX_VALUE)
					.forEach(service -> names.put(dimension + ":" + service.id(), service.name()));
			}
		}

		public String label(TicketStatisticsDimension dimension, String key) {
			if (key == null) {
				return text("ticket-stats.none");
			}
			return names.computeIfAbsent(dimension + ":" + key, k -> switch (dimension) {
				case TYPE -> text("ticket.type." + key);
				case STATUS -> text("ticket.status." + key);
				case CHANNEL -> text("ticket.channel." + key);
				case PRIORITY, CATEGORY -> key;
				case CUSTOMER -> organisations.find(Long.parseLong(key))
					.map(Namer::unitName)
					.orElse("#" + key);
				case SERVICE -> catalog.find(Long.parseLong(key)).map(CatalogService::name).orElse("#" + key);
			});
		}

		String text(String key, Object... arguments) {
			return messages.getMessage(key, arguments, key, locale);
		}

		private static String unitName(OrganisationUnit unit) {
			return unit.partyName() + " · " + unit.name();
		}
	}

	/**
	 * The tickets created in the period with one value; {@code null} for "not given", which the list cannot filter
	 * by.
	 */
	static String created(TicketStatisticsPeriod period, TicketStatisticsDimension dimension, String key) {
		return key == null ? null : link("createdFrom", period.from().toString(), "createdTo", period.to().toString(),
				dimension.listParameter(), key);
	}

	/** The tickets whose {@code event} (created, resolved, closed) fell on the days from … to. */
	static String on(String event, LocalDate from, LocalDate to) {
		return link(event + "From", from.toString(), event + "To", to.toString());
	}

	/** The ticket list with the given parameters, in pairs of name and value. */
	static String link(String... parametersAndValues) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(LIST);
		for (int i = 0; i < parametersAndValues.length; i += 2) {
			uri.queryParam(parametersAndValues[i], parametersAndValues[i + 1]);
		}
		return uri.encode().build().toUriString();
	}
}
