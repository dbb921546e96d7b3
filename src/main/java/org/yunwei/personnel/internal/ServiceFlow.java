package org.yunwei.personnel.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.sla.AppliedAgreement;
import org.yunwei.sla.EscalationStep;
import org.yunwei.sla.Priority;
import org.yunwei.sla.ServiceLevelTarget;
import org.yunwei.sla.ServiceLevels;
import org.yunwei.ticket.TicketGroup;
import org.yunwei.ticket.Tickets;

/**
 * The service process flow (运维服务流程图, Hunan 4.3.2b) as this installation runs it: the ticket lifecycle the
 * service desk enforces (new → assigned → in progress ⇄ pending → resolved → closed, reopened from resolved; the
 * ticket module's {@code TicketReference} names these states) and, for each priority, the escalation chain (升级) of
 * the default service level agreement as configured: its response and resolution targets and the steps at each
 * threshold. An agreement for a particular customer or service may escalate otherwise; the default one is the chain
 * every ticket falls back to, so it is the one drawn. Nothing is stored here.
 */
@Service
class ServiceFlow {

	/** The lifecycle: each state and the states a ticket may move on to from it. */
	static final Map<String, List<String>> LIFECYCLE = lifecycle();

	private final StaffAccess access;
	private final ServiceLevels serviceLevels;
	private final Tickets tickets;
	private final ZoneId zone;

	ServiceFlow(StaffAccess access, ServiceLevels serviceLevels, Tickets tickets,
			@Value("${yunwei.personnel.zone:Asia/Shanghai}") ZoneId zone) {
		this.access = access;
		this.serviceLevels = serviceLevels;
		this.tickets = tickets;
		this.zone = zone;
	}

	/**
	 * The flow.
	 *
	 * @param agreementName the default agreement whose chains are drawn; {@code null} when no default agreement exists
	 * @param chains one per priority of the default agreement, P1 first; empty without a default agreement
	 */
	public record ServiceProcessFlow(List<FlowStage> stages, String agreementCode, String agreementName,
			List<FlowEscalationChain> chains) {
	}

	/** A state of the ticket lifecycle and the states it may move on to. */
	public record FlowStage(String status, List<String> next) {
	}

	/**
	 * A priority's targets and escalation steps, by threshold and order.
	 *
	 * @param response, resolution the targets, as ISO-8601 durations
	 */
	public record FlowEscalationChain(String priority, Duration response, String responseBasis, Duration resolution,
			String resolutionBasis, List<Integer> warningThresholds, List<FlowEscalationStep> steps) {
	}

	/**
	 * One escalation step.
	 *
	 * @param kind {@code FUNCTIONAL} (职能升级) or {@code HIERARCHICAL} (层级升级)
	 * @param target the configured target: a group's code, {@code SECOND_LINE}, or one of {@code GROUP_LEAD},
	 *        {@code PROVIDER_MANAGER}, {@code MANAGEMENT}
	 * @param groupName the name of the group a functional step names by code; {@code null} otherwise or when the
	 *        reader does not see that group
	 */
	public record FlowEscalationStep(int thresholdPercent, int order, String kind, String target, String groupName) {
	}

	@Transactional(readOnly = true)
	public ServiceProcessFlow flow() {
		access.requireReader();
		List<FlowStage> stages = LIFECYCLE.entrySet().stream().map(e -> new FlowStage(e.getKey(), e.getValue())).toList();
		Optional<AppliedAgreement> fallback = defaultAgreement(Priority.P1);
		if (fallback.isEmpty()) {
			return new ServiceProcessFlow(stages, null, null, List.of());
		}
		Map<String, String> groups = tickets.groups()
			.stream()
			.collect(Collectors.toMap(TicketGroup::code, TicketGroup::name, (a, b) -> a));
		List<FlowEscalationChain> chains = new ArrayList<>();
		for (Priority priority : Priority.values()) {
			serviceLevels.target(fallback.get().agreementId(), priority)
				.ifPresent(target -> chains.add(chain(target, groups)));
		}
		return new ServiceProcessFlow(stages, fallback.get().code(), fallback.get().name(), List.copyOf(chains));
	}

	/** The default agreement: what a record of no known unit and no service gets. */
	Optional<AppliedAgreement> defaultAgreement(Priority priority) {
		return serviceLevels.resolve(-1L, null, priority, LocalDate.now(zone))
			.filter(a -> a.level() == AppliedAgreement.Level.DEFAULT);
	}

	private static FlowEscalationChain chain(ServiceLevelTarget target, Map<String, String> groups) {
		List<FlowEscalationStep> steps = target.escalations()
			.stream()
			.sorted(Comparator.comparingInt(EscalationStep::thresholdPercent).thenComparingInt(EscalationStep::order))
			.map(s -> new FlowEscalationStep(s.thresholdPercent(), s.order(), s.kind().name(), s.target(),
					s.kind() == EscalationStep.Kind.FUNCTIONAL ? groups.get(s.target()) : null))
			.toList();
		return new FlowEscalationChain(target.priority().name(), target.response(), target.responseBasis().name(),
				target.resolution(), target.resolutionBasis().name(), target.warningThresholds(), steps);
	}

	private static Map<String, List<String>> lifecycle() {
		Map<String, List<String>> states = new java.util.LinkedHashMap<>();
		states.put("NEW", List.of("ASSIGNED", "IN_PROGRESS", "RESOLVED"));
		states.put("ASSIGNED", List.of("IN_PROGRESS", "PENDING", "RESOLVED"));
		states.put("IN_PROGRESS", List.of("PENDING", "RESOLVED"));
		states.put("PENDING", List.of("IN_PROGRESS", "RESOLVED"));
		states.put("RESOLVED", List.of("CLOSED", "IN_PROGRESS"));
		states.put("CLOSED", List.of());
		return java.util.Collections.unmodifiableMap(states);
	}
}
