package org.yunwei.cmdb.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.cmdb.internal.ConfigurationItemRecords.Identifier;
import org.yunwei.ticket.ConfigurationItemNames;

/**
 * How tickets name configuration items, which they keep as text (the service desk depends on nothing of the CMDB):
 * the picker on the ticket forms writes {@code 名称（资产编号）}, or {@code 名称（IP 地址）} for an item without an asset
 * tag, or the bare name; an alert names the item its host or instance is. Reading a ticket's text back, the item is
 * the one whose asset tag, IP address or serial number is the text in the brackets (or the whole text), else the one
 * item with that exact name; disposed items are not named.
 */
@Component
class CiTicketNames implements ConfigurationItemNames {

	/** The ticket's column holds up to 200 characters. */
	static final int MAX = 200;
	private static final Pattern BRACKETED = Pattern.compile("^(.*)（([^（）]+)）$");
	private static final Pattern IPV4_WITH_PORT = Pattern.compile("^(\\d{1,3}(?:\\.\\d{1,3}){3}):\\d{1,5}$");
	private static final Pattern IPV6_WITH_PORT = Pattern.compile("^\\[([0-9A-Fa-f:.]+)\\]:\\d{1,5}$");

	private final ConfigurationItemRecords records;

	CiTicketNames(ConfigurationItemRecords records) {
		this.records = records;
	}

	/** The text a ticket names the item by. */
	static String of(ItemFields item) {
		return of(item.name(), item.assetTag(), item.ipAddress());
	}

	static String of(String name, String assetTag, String ipAddress) {
		String key = assetTag != null ? assetTag : ipAddress;
		if (key == null) {
			return cut(name, MAX);
		}
		return cut(name, MAX - key.length() - 2) + "（" + key + "）";
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> ofHost(String host) {
		String text = host.strip();
		Matcher v4 = IPV4_WITH_PORT.matcher(text);
		Matcher v6 = IPV6_WITH_PORT.matcher(text);
		String address = v4.matches() ? v4.group(1) : v6.matches() ? v6.group(1) : text;
		Optional<ConfigurationItem> found = only(Identifier.IP_ADDRESS, AttributeValues.ipAddress(address)
			.orElse(null));
		if (found.isEmpty()) {
			found = only(Identifier.ASSET_TAG, text).or(() -> only(Identifier.NAME, text));
		}
		if (found.isEmpty() && text.indexOf('.') > 0 && AttributeValues.ipAddress(text).isEmpty()) {
			// a fully qualified host name: the item may be recorded by its short name
			found = only(Identifier.NAME, text.substring(0, text.indexOf('.')));
		}
		return found.map(item -> of(item.fields()));
	}

	/** The item a ticket's text names, if exactly one does; the caller applies the reader's scope. */
	@Transactional(readOnly = true)
	Optional<ConfigurationItem> resolve(String ticketText) {
		if (ticketText == null || ticketText.isBlank()) {
			return Optional.empty();
		}
		String text = ticketText.strip();
		Matcher bracketed = BRACKETED.matcher(text);
		List<String> keys = new ArrayList<>();
		if (bracketed.matches()) {
			keys.add(bracketed.group(2).strip());
		}
		keys.add(text);
		for (String key : keys) {
			Optional<ConfigurationItem> found = only(Identifier.ASSET_TAG, key)
				.or(() -> only(Identifier.IP_ADDRESS, AttributeValues.ipAddress(key).orElse(null)))
				.or(() -> only(Identifier.SERIAL_NUMBER, key));
			if (found.isPresent()) {
				return found;
			}
		}
		return only(Identifier.NAME, text);
	}

	/**
	 * Every text a ticket may name the item by: as the picker writes it, its asset tag, IP address and serial
	 * number, and its name when no other item has it.
	 */
	@Transactional(readOnly = true)
	Set<String> namesOf(ConfigurationItem item) {
		ItemFields f = item.fields();
		Set<String> names = new LinkedHashSet<>();
		names.add(of(f));
		if (f.assetTag() != null) {
			names.add(f.assetTag());
		}
		if (f.ipAddress() != null) {
			names.add(f.ipAddress());
		}
		if (f.serialNumber() != null) {
			names.add(f.serialNumber());
		}
		if (only(Identifier.NAME, f.name()).isPresent()) {
			names.add(f.name());
		}
		return names;
	}

	private Optional<ConfigurationItem> only(Identifier by, String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		List<ConfigurationItem> found = records.named(by, text, 2);
		return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
	}

	private static String cut(String text, int max) {
		return text.length() <= max ? text : text.substring(0, Math.max(1, max - 1)) + "…";
	}
}
