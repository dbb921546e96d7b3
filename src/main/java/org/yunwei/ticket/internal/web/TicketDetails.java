package org.yunwei.ticket.internal.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.catalog.CatalogService;
import org.yunwei.catalog.ServiceCatalog;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.OrganisationUnit;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.People;
import org.yunwei.identity.Person;
import org.yunwei.sla.ClockKind;
import org.yunwei.ticket.internal.attachment.AttachmentRecords;
import org.yunwei.ticket.internal.group.AssignmentGroup;
import org.yunwei.ticket.internal.group.AssignmentGroups;
import org.yunwei.ticket.internal.intake.TicketIntake;
import org.yunwei.ticket.internal.link.TicketLinkRecords;
import org.yunwei.ticket.internal.record.TicketAccess;
import org.yunwei.ticket.internal.record.TicketAction;
import org.yunwei.ticket.internal.record.TicketRow;
import org.yunwei.ticket.internal.record.Timeline;
import org.yunwei.ticket.internal.work.ClockView;
import org.yunwei.ticket.internal.work.TicketClocks;

/** Puts a ticket's detail together for the signed-in person. */
@Service
public class TicketDetails {

	private final TicketAccess access;
	private final Actors actors;
	private final Timeline timeline;
	private final TicketClocks clocks;
	private final Organisations organisations;
	private final ServiceCatalog catalog;
	private final AssignmentGroups groups;
	private final People people;
	private final TicketLinkRecords links;
	private final AttachmentRecords attachments;

	TicketDetails(TicketAccess access, Actors actors, Timeline timeline, TicketClocks clocks,
			Organisations organisations, ServiceCatalog catalog, AssignmentGroups groups, People people,
			TicketLinkRecords links, AttachmentRecords attachments) {
		this.access = access;
		this.actors = actors;
		this.timeline = timeline;
		this.clocks = clocks;
		this.organisations = organisations;
		this.catalog = catalog;
		this.groups = groups;
		this.people = people;
		this.links = links;
		this.attachments = attachments;
	}

	@Transactional(readOnly = true)
	public TicketView get(long id) {
		TicketRow t = access.visible(id);
		Actor actor = actors.current();
		boolean customer = actor.partyKind() == PartyKind.CUSTOMER;
		return new TicketView(t, organisations.find(t.customerOrgUnitId()).map(OrganisationUnit::name).orElse(null),
				t.serviceId() == null ? null : catalog.find(t.serviceId()).map(CatalogService::name).orElse(null),
				t.groupId() == null ? null : groups.find(t.groupId()).map(AssignmentGroup::name).orElse(null),
				name(t.assigneeUserId()), name(t.coordinatorUserId()),
				clocks.state(id, ClockKind.RESPONSE).map(ClockView::of).orElse(null),
				clocks.state(id, ClockKind.RESOLUTION).map(ClockView::of).orElse(null),
				timeline.of(id, customer), timeline.minutesSpent(id), actions(t, actor),
				links.of(id, actors.scope()), attachments.of(id, !customer));
	}

	/**
	 * {@link #get} of a ticket the signed-in person has just opened, from what the intake holds: reading it back
	 * took a transaction and about a dozen statements per creation. A new ticket has no links, attachments or time
	 * logged yet.
	 */
	public TicketView ofOpened(TicketIntake.Opened opened) {
		TicketRow t = opened.ticket();
		Actor actor = actors.current();
		boolean customer = actor.partyKind() == PartyKind.CUSTOMER;
		return new TicketView(t, opened.customerUnit().name(),
				opened.service() == null ? null : opened.service().name(),
				opened.group() == null ? null : opened.group().name(), name(t.assigneeUserId()),
				name(t.coordinatorUserId()), opened.response() == null ? null : ClockView.of(opened.response()),
				opened.resolution() == null ? null : ClockView.of(opened.resolution()),
				opened.timeline().stream().filter(e -> !customer || e.visibleToCustomer()).toList(), 0,
				actions(t, actor), List.of(), List.of());
	}

	/** What the page offers: the actions {@link TicketAccess} lets this person take, in the ticket's status. */
	private static List<TicketAction> actions(TicketRow t, Actor actor) {
		List<TicketAction> allowed = new ArrayList<>();
		for (TicketAction action : TicketAction.values()) {
			if (TicketAccess.permits(action, actor) && action.allowedFrom(t.status())) {
				allowed.add(action);
			}
		}
		return allowed;
	}

	private String name(Long userId) {
		return userId == null ? null : people.find(userId).map(Person::displayName).orElse(null);
	}
}
