package org.yunwei.ticket.internal.mail;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yunwei.identity.OrganisationUnit;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.People;
import org.yunwei.identity.Person;
import org.yunwei.ticket.internal.record.Author;
import org.yunwei.ticket.internal.record.TicketRow;

/**
 * Who wrote an e-mail, as the service desk knows them: the address alone proves nothing, so a mail speaks for the
 * customer only when its address is the ticket's reporter's (their contact, or their user's e-mail) or that of a
 * user who could see the ticket in the portal (a user of its customer unit or a unit above it).
 */
@Component
class MailSenders {

	private final People people;
	private final Organisations organisations;

	MailSenders(People people, Organisations organisations) {
		this.people = people;
		this.organisations = organisations;
	}

	/** The enabled customer user with this address, if exactly one has it. */
	Optional<Person> customerUser(String address) {
		return people.findByEmail(address).filter(p -> p.enabled() && p.partyKind() == PartyKind.CUSTOMER);
	}

	/** The author of a public reply to the ticket from this address; empty for anybody else. */
	Optional<Author> correspondent(TicketRow ticket, MailInbound mail) {
		String address = mail.fromAddress();
		Optional<Person> user = customerUser(address);
		if (user.isPresent()) {
			Person person = user.get();
			boolean reporter = ticket.reporterUserId() != null && ticket.reporterUserId() == person.id();
			boolean ofUnit = organisations.find(ticket.customerOrgUnitId())
				.map(unit -> unit.within(person.orgUnitId()))
				.orElse(false);
			if (reporter || ofUnit) {
				return Optional.of(new Author(person.id(), person.displayName()));
			}
		}
		if (address.equalsIgnoreCase(ticket.reporterContact())) {
			return Optional.of(ticket.reporterUserId() != null
					? new Author(ticket.reporterUserId(), ticket.reporterName())
					: Author.system(ticket.reporterName()));
		}
		// several users may share an address, so that findByEmail knows none of them: the reporter's own still counts
		if (ticket.reporterUserId() != null) {
			return people.find(ticket.reporterUserId())
				.filter(p -> p.enabled() && address.equalsIgnoreCase(p.email()))
				.map(p -> new Author(p.id(), p.displayName()));
		}
		return Optional.empty();
	}

	/** Whether the unit may receive tickets at all: an enabled unit of a customer. */
	boolean customerUnit(Long orgUnitId) {
		return orgUnitId != null && organisations.find(orgUnitId)
			.filter(OrganisationUnit::enabled)
			.filter(u -> u.partyKind() == PartyKind.CUSTOMER)
			.isPresent();
	}

	Optional<OrganisationUnit> unit(long orgUnitId) {
		return organisations.find(orgUnitId);
	}
}
