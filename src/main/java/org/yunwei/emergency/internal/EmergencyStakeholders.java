package org.yunwei.emergency.internal;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.Party;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.People;
import org.yunwei.identity.Permission;
import org.yunwei.identity.Person;
import org.yunwei.identity.Positions;
import org.yunwei.notification.Notice;

/**
 * Who hears of an emergency event, by its level (the notification module sends in-app, e-mail and to the party's
 * group robots):
 * <ul>
 * <li>一般 (GENERAL): the people of the plan's response organisation;</li>
 * <li>较大 (SERIOUS): also whoever acts for each role's backup post now, and the emergency managers
 * (EMERGENCY_MANAGE) of the event's party;</li>
 * <li>重大 and 特别重大 (MAJOR, EXTRAORDINARY): also the emergency managers of management.</li>
 * </ul>
 * The notice is published in the declaring (or escalating) transaction, so it commits with the event or not at all.
 */
@Component
class EmergencyStakeholders {

	static final String TOPIC_DECLARED = "emergency.declared";
	static final String TOPIC_ESCALATED = "emergency.escalated";

	private final People people;
	private final Positions positions;
	private final Organisations organisations;
	private final ApplicationEventPublisher events;
	private final MessageSource messages;

	EmergencyStakeholders(People people, Positions positions, Organisations organisations,
			ApplicationEventPublisher events, MessageSource messages) {
		this.people = people;
		this.positions = positions;
		this.organisations = organisations;
		this.events = events;
		this.messages = messages;
	}

	/** The people to tell of an event of this level under this plan content ({@code null}: no plan). */
	Set<Long> of(EmergencyEvent event, EmergencyPlanContent plan) {
		Set<Long> told = new LinkedHashSet<>();
		if (plan != null) {
			plan.roles().forEach(role -> told.add(role.personId()));
		}
		if (event.level() == EmergencyLevel.GENERAL) {
			return told;
		}
		if (plan != null) {
			java.time.Instant now = java.time.Instant.now();
			plan.roles().stream().filter(role -> role.backupPostId() != null)
				.forEach(role -> positions.actingFor(role.backupPostId(), now).ifPresent(told::add));
		}
		people.holding(Permission.EMERGENCY_MANAGE, event.partyId()).stream().map(Person::id).forEach(told::add);
		if (event.level().above(EmergencyLevel.SERIOUS)) {
			for (Party management : organisations.parties(PartyKind.MANAGEMENT)) {
				people.holding(Permission.EMERGENCY_MANAGE, management.id()).stream().map(Person::id)
					.forEach(told::add);
			}
		}
		return told;
	}

	void declared(EmergencyEvent event, EmergencyPlanContent plan) {
		String level = text("emergency.level." + event.level().name());
		events.publishEvent(new Notice(TOPIC_DECLARED,
				text("emergency.notice.declared.subject", event.number(), level, event.title()),
				text("emergency.notice.declared.body", event.number(), level, event.title(), event.description()),
				"/emergency/events/" + event.id(), of(event, plan), Set.of(), event.partyId()));
	}

	void escalated(EmergencyEvent event, EmergencyPlanContent plan, String reason) {
		String level = text("emergency.level." + event.level().name());
		events.publishEvent(new Notice(TOPIC_ESCALATED,
				text("emergency.notice.escalated.subject", event.number(), level, event.title()),
				text("emergency.notice.escalated.body", event.number(), level, event.title(), reason),
				"/emergency/events/" + event.id(), of(event, plan), Set.of(), event.partyId()));
	}

	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, key, Locale.SIMPLIFIED_CHINESE);
	}
}
