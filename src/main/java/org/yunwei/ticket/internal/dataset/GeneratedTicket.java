package org.yunwei.ticket.internal.dataset;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.yunwei.dataset.DatasetService;
import org.yunwei.sla.AppliedAgreement;
import org.yunwei.sla.BusinessCalendar;
import org.yunwei.sla.ClockEvent;
import org.yunwei.sla.ClockKind;
import org.yunwei.sla.ClockState;
import org.yunwei.sla.ClockTerms;
import org.yunwei.sla.PastClock;
import org.yunwei.sla.Pause;
import org.yunwei.sla.Priority;
import org.yunwei.sla.TimeBasis;
import org.yunwei.ticket.TicketType;
import org.yunwei.ticket.internal.record.Channel;
import org.yunwei.ticket.internal.record.EntryKind;
import org.yunwei.ticket.internal.record.PendingReason;
import org.yunwei.ticket.internal.record.ResolutionCode;
import org.yunwei.ticket.internal.record.TicketStatus;
import org.yunwei.ticket.internal.work.AutoCloseJob;
import org.yunwei.ticket.internal.work.TicketClocks;

/**
 * One generated ticket and the life planned for it: when it is assigned, worked (the response), perhaps pending,
 * resolved and closed, drawn against its SLA targets so that most meet them and some breach. Whatever would happen
 * after the dataset's anchor has not happened: the ticket is open at the stage it reached then.
 */
final class GeneratedTicket {

	/** An entry of the timeline. */
	record Entry(EntryKind kind, boolean visible, Long author, String authorName, String body, String details,
			Integer minutes, Instant at) {
	}

	record Rating(int score, String comment, Instant at) {
	}

	long id;
	int index;
	String number;
	Instant created;
	Instant anchor;
	long unit;
	DatasetService service;
	TicketType type;
	Channel channel;
	String subject;
	String description;
	Long reporter;
	String reporterName;
	String work;
	String resolutionText;
	ResolutionCode resolutionCode;
	int impact;
	int urgency;
	Priority priority;
	Long group;
	Long assignee;
	String agentName;
	String configurationItem;
	String category;
	AppliedAgreement agreement;

	Instant assignAt;
	Instant respondAt;
	Instant pendAt;
	Instant resumeAt;
	PendingReason pendingReason;
	String pendingText;
	Instant resolveAt;
	Instant closeAt;
	boolean confirmedByCustomer;
	Instant replyAt;
	String replyText;
	Instant customerReplyAt;
	String customerReplyText;
	Instant noteAt;
	String noteText;
	Integer workMinutes;
	Rating rating;
	TicketStatus status;

	Instant responseDue;
	Instant resolutionDue;
	Instant responseBreach;
	Instant resolutionBreach;
	private final List<Entry> slaEntries = new ArrayList<>();
	private List<Entry> entries;

	/** Plans the life; every random choice is made whatever the outcome, so the sequence of draws stays fixed. */
	void plan(SplittableRandom random, BusinessCalendar calendar, int autoCloseDays, Instant anchor) {
		Duration response = agreement == null ? fallbackResponse() : agreement.target().response();
		TimeBasis responseBasis = agreement == null ? TimeBasis.BUSINESS : agreement.target().responseBasis();
		Duration resolution = agreement == null ? response.multipliedBy(8) : agreement.target().resolution();
		TimeBasis resolutionBasis = agreement == null ? TimeBasis.BUSINESS : agreement.target().resolutionBasis();
		boolean fromCustomer = channel == Channel.PORTAL || channel == Channel.EMAIL || channel == Channel.API;
		assignAt = fromCustomer ? TicketDataset.minutes(created, 2, 25, random) : created;
		double f = random.nextInt(100) < 93 ? 0.05 + 0.85 * random.nextDouble() : 1.1 + 2 * random.nextDouble();
		respondAt = later(calendar.add(created, scaled(response, f), responseBasis), assignAt.plusSeconds(60));
		boolean pend = random.nextInt(100) < 15;
		pendingReason = random.nextBoolean() ? PendingReason.CUSTOMER : PendingReason.THIRD_PARTY;
		pendingText = TicketDatasetTexts.pick(pendingReason == PendingReason.CUSTOMER
				? TicketDatasetTexts.PENDING_CUSTOMER : TicketDatasetTexts.PENDING_THIRD_PARTY, random);
		Instant pendCandidate = TicketDataset.minutes(respondAt, 10, 120, random);
		Instant resumeCandidate = pendCandidate.plusSeconds(3600 + random.nextLong(47 * 3600));
		double g = random.nextInt(100) < 90 ? 0.1 + 0.85 * random.nextDouble() : 1.05 + 1.5 * random.nextDouble();
		List<Pause> pauses = pend ? List.of(new Pause(pendCandidate, resumeCandidate)) : List.of();
		Instant resolveCandidate = later(calendar.dueTime(created, scaled(resolution, g), resolutionBasis, pauses),
				(pend ? resumeCandidate : respondAt).plusSeconds(300 + random.nextLong(3600)));
		confirmedByCustomer = reporter != null && random.nextInt(100) < 55;
		Instant closeCandidate = confirmedByCustomer ? TicketDataset.minutes(resolveCandidate, 10, 360, random)
				: TicketDataset.minutes(calendar.add(resolveCandidate, Duration.ofHours(8L * autoCloseDays),
						TimeBasis.BUSINESS), 1, 10, random);
		boolean stuck = created.isBefore(anchor.minus(Duration.ofDays(14))) && random.nextInt(1000) < 15;
		if (pend) {
			pendAt = pendCandidate;
			resumeAt = stuck ? null : resumeCandidate;
		}
		resolveAt = stuck ? null : resolveCandidate;
		closeAt = stuck ? null : closeCandidate;
		replyAt = random.nextInt(100) < 60 ? respondAt.plusSeconds(60) : null;
		replyText = TicketDatasetTexts.pick(TicketDatasetTexts.REPLIES, random);
		customerReplyAt = replyAt != null && reporter != null && random.nextInt(100) < 20
				? replyAt.plusSeconds(300 + random.nextLong(1800)) : null;
		customerReplyText = TicketDatasetTexts.pick(TicketDatasetTexts.CUSTOMER_REPLIES, random);
		Instant workEnd = resolveAt != null ? resolveAt : later(anchor.minusSeconds(3600), respondAt.plusSeconds(600));
		noteAt = random.nextInt(100) < 40 ? respondAt.plus(Duration.between(respondAt, workEnd).dividedBy(3)) : null;
		noteText = TicketDatasetTexts.pick(TicketDatasetTexts.NOTES, random);
		workMinutes = random.nextInt(100) < 75 ? 15 + random.nextInt(226) : null;
		int code = random.nextInt(100);
		resolutionCode = type == TicketType.SERVICE_REQUEST ? (code < 95 ? ResolutionCode.FULFILLED
				: ResolutionCode.WITHDRAWN)
				: code < 80 ? ResolutionCode.SOLVED : code < 92 ? ResolutionCode.WORKAROUND
						: code < 97 ? ResolutionCode.NOT_REPRODUCIBLE : ResolutionCode.DUPLICATE;
		int score = random.nextInt(100);
		String comment = TicketDatasetTexts.pick(TicketDatasetTexts.RATING_COMMENTS, random);
		if (confirmedByCustomer && closeAt != null && random.nextInt(100) < 60) {
			rating = new Rating(score < 62 ? 5 : score < 92 ? 4 : 3, comment,
					closeAt.plusSeconds(60 + random.nextLong(1800)));
		}
		status = statusAtAnchor();
	}

	private Duration fallbackResponse() {
		return switch (priority) {
			case P1 -> Duration.ofMinutes(15);
			case P2 -> Duration.ofMinutes(30);
			case P3 -> Duration.ofHours(2);
			case P4 -> Duration.ofHours(4);
		};
	}

	private TicketStatus statusAtAnchor() {
		if (assignAt.isAfter(anchor)) {
			return TicketStatus.NEW;
		}
		if (respondAt.isAfter(anchor)) {
			return TicketStatus.ASSIGNED;
		}
		if (pendAt != null && !pendAt.isAfter(anchor) && (resumeAt == null || resumeAt.isAfter(anchor))) {
			return TicketStatus.PENDING;
		}
		if (resolveAt == null || resolveAt.isAfter(anchor)) {
			return TicketStatus.IN_PROGRESS;
		}
		return closeAt == null || closeAt.isAfter(anchor) ? TicketStatus.RESOLVED : TicketStatus.CLOSED;
	}

	/** The instant if it is not after the anchor (it has happened), else {@code null}. */
	Instant seen(Instant at) {
		return at == null || at.isAfter(anchor) ? null : at;
	}

	PastClock clock(ClockKind kind) {
		List<PastClock.Transition> transitions = new ArrayList<>();
		if (kind == ClockKind.RESPONSE) {
			add(transitions, ClockEvent.Type.STOPPED, respondAt);
		}
		else {
			if (seen(pendAt) != null) {
				add(transitions, ClockEvent.Type.PAUSED, pendAt);
				add(transitions, ClockEvent.Type.RESUMED, resumeAt);
			}
			// the resolution is given when the ticket is resolved (decision 0002); closing changes nothing more
			add(transitions, ClockEvent.Type.STOPPED, resolveAt);
		}
		return new PastClock(TicketClocks.subject(id), kind, ClockTerms.of(agreement, kind), created, transitions);
	}

	private void add(List<PastClock.Transition> transitions, ClockEvent.Type type, Instant at) {
		if (seen(at) != null) {
			transitions.add(new PastClock.Transition(type, at));
		}
	}

	void clockWritten(ClockKind kind, PastClock.Written written) {
		if (kind == ClockKind.RESPONSE) {
			responseDue = written.dueAt();
			responseBreach = written.breachedAt();
		}
		else {
			resolutionDue = written.status() == ClockState.Status.RUNNING ? written.dueAt() : null;
			resolutionBreach = written.breachedAt();
		}
		for (PastClock.Raised raised : written.raised()) {
			slaEntries.add(new Entry(raised.percent() >= 100 ? EntryKind.SLA_BREACHED : EntryKind.SLA_WARNING, false,
					null, "SLA", null, "{\"clock\": \"%s\", \"percent\": %d, \"deadline\": \"%s\"}".formatted(kind.name(),
							raised.percent(), raised.deadline()), null, raised.deadline()));
		}
	}

	/** The timeline up to the anchor, in order. */
	List<Entry> entries() {
		if (entries != null) {
			return entries;
		}
		List<Entry> all = new ArrayList<>();
		boolean fromCustomer = channel == Channel.PORTAL || channel == Channel.EMAIL || channel == Channel.API;
		Long creator = fromCustomer ? reporter : channel == Channel.MONITORING ? null : assignee;
		String creatorName = fromCustomer || channel == Channel.MONITORING ? reporterName : agentName;
		all.add(new Entry(EntryKind.CREATED, true, creator, creatorName, null,
				"{\"channel\": \"%s\", \"priority\": \"%s\"}".formatted(channel.name(), priority.name()), null,
				created));
		if (group != null) {
			String assignment = "{\"groupId\": %d, \"assigneeUserId\": %s}".formatted(group, assignee);
			all.add(fromCustomer ? new Entry(EntryKind.ASSIGNED, false, assignee, agentName, null, assignment, null,
					assignAt) : new Entry(EntryKind.ASSIGNED, false, creator, creatorName, null, assignment, null,
							created));
		}
		all.add(status(TicketStatus.ASSIGNED, TicketStatus.IN_PROGRESS, assignee, agentName, null, null, respondAt));
		if (replyAt != null) {
			all.add(new Entry(EntryKind.REPLY, true, assignee, agentName, replyText, "{\"from\": \"AGENT\"}", null,
					replyAt));
		}
		if (customerReplyAt != null) {
			all.add(new Entry(EntryKind.REPLY, true, reporter, reporterName, customerReplyText,
					"{\"from\": \"CUSTOMER\"}", null, customerReplyAt));
		}
		if (noteAt != null) {
			all.add(new Entry(EntryKind.NOTE, false, assignee, agentName, noteText, null, null, noteAt));
		}
		if (pendAt != null) {
			all.add(new Entry(EntryKind.STATUS_CHANGED, true, assignee, agentName, pendingText,
					"{\"status\": {\"from\": \"IN_PROGRESS\", \"to\": \"PENDING\"}, \"pendingReason\": \"%s\"}"
						.formatted(pendingReason.name()), null, pendAt));
			if (resumeAt != null) {
				all.add(status(TicketStatus.PENDING, TicketStatus.IN_PROGRESS, assignee, agentName, null, null,
						resumeAt));
			}
		}
		if (workMinutes != null && resolveAt != null) {
			all.add(new Entry(EntryKind.WORK_LOG, false, assignee, agentName, work, null, workMinutes,
					resolveAt.minusSeconds(60)));
		}
		all.addAll(slaEntries);
		if (resolveAt != null) {
			all.add(status(TicketStatus.IN_PROGRESS, TicketStatus.RESOLVED, assignee, agentName, resolutionText,
					resolutionCode, resolveAt));
		}
		if (closeAt != null) {
			all.add(confirmedByCustomer
					? status(TicketStatus.RESOLVED, TicketStatus.CLOSED, reporter, reporterName, null, null, closeAt)
					: status(TicketStatus.RESOLVED, TicketStatus.CLOSED, null, AutoCloseJob.REASON, null, null,
							closeAt));
		}
		if (rating != null) {
			all.add(new Entry(EntryKind.RATING, true, reporter, reporterName, rating.comment(),
					"{\"score\": %d}".formatted(rating.score()), null, rating.at()));
		}
		entries = all.stream().filter(e -> !e.at().isAfter(anchor)).sorted(Comparator.comparing(Entry::at)).toList();
		return entries;
	}

	private static Entry status(TicketStatus from, TicketStatus to, Long author, String authorName, String body,
			ResolutionCode code, Instant at) {
		String details = "{\"status\": {\"from\": \"%s\", \"to\": \"%s\"}%s}".formatted(from, to,
				code == null ? "" : ", \"resolutionCode\": \"" + code + "\"");
		return new Entry(EntryKind.STATUS_CHANGED, true, author, authorName, body, details, null, at);
	}

	Instant updatedAt() {
		List<Entry> timeline = entries();
		return timeline.isEmpty() ? created : timeline.getLast().at();
	}

	private static Duration scaled(Duration amount, double factor) {
		return Duration.ofSeconds(Math.max(60, (long) (amount.toSeconds() * factor)));
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}
}
