package org.yunwei.ticket.internal.filter;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

import org.springframework.util.MultiValueMap;
import org.yunwei.ticket.internal.list.TicketQuery;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * The filters of the agents' ticket list as text, as the list page's form sends them and as a saved filter (队列)
 * keeps them: a query string such as {@code status=open&assignee=me&sort=due}. {@code assignee=me} stays "me", so
 * that a shared queue shows each person their own tickets. {@link #canonical()} writes the parameters in one order
 * without the blank ones, so that the same filter always has the same text.
 */
public record SavedFilterQuery(String status, String type, String priority, String groupId, String assignee,
		String customerOrgUnitId, String serviceId, String channel, String major, String overdue, String createdFrom,
		String createdTo, String resolvedFrom, String resolvedTo, String closedFrom, String closedTo, String age,
		String category, String categoryId, String sla, String reopened, String q, String sort) {

	static final int MAX_LENGTH = 2000;

	/** The names of the parameters, in the order {@link #canonical()} writes them. */
	static final List<String> PARAMETERS = List.of("status", "type", "priority", "groupId", "assignee",
			"customerOrgUnitId", "serviceId", "channel", "major", "overdue", "createdFrom", "createdTo", "resolvedFrom",
			"resolvedTo", "closedFrom", "closedTo", "age", "category", "categoryId", "sla", "reopened", "q", "sort");

	public SavedFilterQuery {
		status = FieldErrors.clean(status);
		type = FieldErrors.clean(type);
		priority = FieldErrors.clean(priority);
		groupId = FieldErrors.clean(groupId);
		assignee = FieldErrors.clean(assignee);
		customerOrgUnitId = FieldErrors.clean(customerOrgUnitId);
		serviceId = FieldErrors.clean(serviceId);
		channel = FieldErrors.clean(channel);
		major = checkbox(FieldErrors.clean(major));
		overdue = checkbox(FieldErrors.clean(overdue));
		createdFrom = FieldErrors.clean(createdFrom);
		createdTo = FieldErrors.clean(createdTo);
		resolvedFrom = FieldErrors.clean(resolvedFrom);
		resolvedTo = FieldErrors.clean(resolvedTo);
		closedFrom = FieldErrors.clean(closedFrom);
		closedTo = FieldErrors.clean(closedTo);
		age = FieldErrors.clean(age);
		category = FieldErrors.clean(category);
		categoryId = FieldErrors.clean(categoryId);
		sla = FieldErrors.clean(sla);
		reopened = FieldErrors.clean(reopened);
		q = FieldErrors.clean(q);
		sort = FieldErrors.clean(sort);
	}

	/** What a fresh workspace shows: the open tickets, the most urgent SLA first. */
	public static final SavedFilterQuery QUEUE = new SavedFilterQuery("open", null, null, null, null, null, null, null,
			null, null, null, null, null, null, null, null, null, null, null, null, null, null, "due");

	/** The filter of a list request; a request with none of the parameters is the default {@link #QUEUE}. */
	public static SavedFilterQuery of(MultiValueMap<String, String> parameters) {
		if (PARAMETERS.stream().noneMatch(parameters::containsKey)) {
			return QUEUE;
		}
		return from(parameters::getFirst);
	}

	/**
	 * A stored or submitted query string, with or without a leading path and {@code ?}; refuses (400 on the field
	 * {@code query}) parameters the list does not know.
	 */
	public static SavedFilterQuery parse(String text) {
		String query = text == null ? "" : text.strip();
		int mark = query.indexOf('?');
		if (mark >= 0) {
			query = query.substring(mark + 1);
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (String pair : query.split("&")) {
			if (pair.isBlank()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = decode(equals < 0 ? pair : pair.substring(0, equals));
			String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
			if (!PARAMETERS.contains(name)) {
				throw RejectedRequest.invalidField("query", "savedfilter.query.unknown");
			}
			values.putIfAbsent(name, value);
		}
		return from(values::get);
	}

	private static SavedFilterQuery from(Function<String, String> value) {
		return new SavedFilterQuery(value.apply("status"), value.apply("type"), value.apply("priority"),
				value.apply("groupId"), value.apply("assignee"), value.apply("customerOrgUnitId"),
				value.apply("serviceId"), value.apply("channel"), value.apply("major"), value.apply("overdue"),
				value.apply("createdFrom"), value.apply("createdTo"), value.apply("resolvedFrom"),
				value.apply("resolvedTo"), value.apply("closedFrom"), value.apply("closedTo"), value.apply("age"),
				value.apply("category"), value.apply("categoryId"), value.apply("sla"), value.apply("reopened"),
				value.apply("q"),
				value.apply("sort"));
	}

	/** The query string of this filter, e.g. {@code status=open&sort=due}; empty for "everything". */
	public String canonical() {
		List<String> values = List.of(nz(status), nz(type), nz(priority), nz(groupId), nz(assignee),
				nz(customerOrgUnitId), nz(serviceId), nz(channel), nz(major), nz(overdue), nz(createdFrom),
				nz(createdTo), nz(resolvedFrom), nz(resolvedTo), nz(closedFrom), nz(closedTo), nz(age), nz(category),
				nz(categoryId), nz(sla), nz(reopened), nz(q), nz(sort));
		List<String> pairs = new ArrayList<>();
		for (int i = 0; i < PARAMETERS.size(); i++) {
			if (!values.get(i).isEmpty()) {
				pairs.add(PARAMETERS.get(i) + "=" + URLEncoder.encode(values.get(i), StandardCharsets.UTF_8));
			}
		}
		return String.join("&", pairs);
	}

	/**
	 * Whether the list is narrowed by filters the form does not show as fields (days of resolution or closing, the
	 * backlog's age, the ticket's own category, the SLA outcome): links from the statistics set them.
	 */
	public boolean narrowedBeyondForm() {
		return !beyondForm().isEmpty();
	}

	/** Those filters the form does not show, by parameter name: the page carries them as hidden fields. */
	public Map<String, String> beyondForm() {
		Map<String, String> carried = new LinkedHashMap<>();
		carried.put("resolvedFrom", resolvedFrom);
		carried.put("resolvedTo", resolvedTo);
		carried.put("closedFrom", closedFrom);
		carried.put("closedTo", closedTo);
		carried.put("age", age);
		carried.put("category", category);
		carried.put("sla", sla);
		carried.put("reopened", reopened);
		carried.values().removeIf(Objects::isNull);
		return carried;
	}

	/**
	 * How many of the filters behind the list's "more filters" fold are set: the fold opens by itself when any is,
	 * so that nothing narrowing the list is hidden.
	 */
	public int moreFilters() {
		return (int) Stream.of(type, groupId, customerOrgUnitId, serviceId, channel, createdFrom, createdTo,
				categoryId, major, overdue).filter(value -> value != null && !value.isBlank()).count();
	}

	/** Whether the list sorts by SLA due time. */
	public boolean byDue() {
		return "due".equalsIgnoreCase(sort);
	}

	/** This filter sorted the other way round (for the column headers). */
	public SavedFilterQuery sortedBy(String order) {
		return new SavedFilterQuery(status, type, priority, groupId, assignee, customerOrgUnitId, serviceId, channel,
				major, overdue, createdFrom, createdTo, resolvedFrom, resolvedTo, closedFrom, closedTo, age, category,
				categoryId, sla, reopened, q, order);
	}

	/**
	 * The list query for a person, one page at a time; refuses (400, by parameter) what cannot be understood.
	 *
	 * @param userId who "me" is
	 * @param zone the service desk's, in which days begin and end
	 */
	public TicketQuery toQuery(long userId, Integer limit, String cursor, ZoneId zone) {
		FieldErrors errors = new FieldErrors();
		Long group = number(groupId, "groupId", errors);
		Long unit = number(customerOrgUnitId, "customerOrgUnitId", errors);
		Long service = number(serviceId, "serviceId", errors);
		Long assigneeId = null;
		if ("me".equalsIgnoreCase(assignee)) {
			assigneeId = userId;
		}
		else if ("none".equalsIgnoreCase(assignee)) {
			assigneeId = TicketQuery.UNASSIGNED;
		}
		else {
			assigneeId = number(assignee, "assignee", errors);
		}
		Boolean onlyMajor = flag(major, "major", errors);
		Boolean onlyOverdue = flag(overdue, "overdue", errors);
		errors.throwIfAny();
		return TicketQuery.of(status, type, priority, group, assigneeId, unit, service, channel, onlyMajor, onlyOverdue,
				null, q, sort, limit, cursor, new TicketQuery.Narrowing(createdFrom, createdTo, resolvedFrom,
						resolvedTo, closedFrom, closedTo, age, category, categoryId, sla, reopened),
				zone);
	}

	/** Checks the whole filter as a saved filter's query, every mistake reported on the field {@code query}. */
	String checked() {
		String text = canonical();
		if (text.length() > MAX_LENGTH) {
			throw RejectedRequest.invalidField("query", "savedfilter.query.too-long");
		}
		try {
			toQuery(0, null, null, ZoneId.of("Asia/Shanghai"));
		}
		catch (RejectedRequest refused) {
			throw RejectedRequest.invalidField("query", "savedfilter.query.invalid");
		}
		return text;
	}

	private static Long number(String text, String field, FieldErrors errors) {
		if (text == null) {
			return null;
		}
		try {
			return Long.valueOf(text);
		}
		catch (NumberFormatException notANumber) {
			errors.add(field, "field.number");
			return null;
		}
	}

	private static Boolean flag(String text, String field, FieldErrors errors) {
		if (text == null) {
			return null;
		}
		if (text.equalsIgnoreCase("true")) {
			return Boolean.TRUE;
		}
		errors.add(field, "ticket.filter.flag.invalid");
		return null;
	}

	/** A ticked box sends "on"; an unticked one nothing: both become what a link would say. */
	private static String checkbox(String value) {
		return "on".equalsIgnoreCase(value) ? "true" : "false".equalsIgnoreCase(value) ? null : value;
	}

	private static String nz(String value) {
		return value == null ? "" : value;
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException malformed) {
			throw RejectedRequest.invalidField("query", "savedfilter.query.invalid");
		}
	}
}
