package org.yunwei.sla.internal.agreement;

import org.yunwei.web.FieldErrors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.yunwei.sla.EscalationStep;
import org.yunwei.sla.Priority;
import org.yunwei.sla.ServiceLevelTarget;
import org.yunwei.sla.TimeBasis;

/**
 * The rules an agreement keeps within itself, so that no contradictory targets are ever stored: all four priorities,
 * positive durations, response no later than resolution, a more urgent priority never slower than a less urgent
 * one, increasing thresholds inside (0, 100), escalation only at a threshold or at the breach, a validity period
 * that does not end before it starts, a default that covers everything and a non-default that names what it covers.
 * <p>
 * Durations measured on different bases are not compared: a business hour and a calendar hour are different
 * measures, and "4 calendar hours to respond, 2 working days to resolve" is a sound agreement.
 * <p>
 * Field names of the errors: {@code targets.P2.response}, {@code targets.P2.resolution}, {@code
 * targets.P2.thresholds}, {@code escalations[3].thresholdPercent} and the draft's own fields; the page shows each
 * beside its input.
 */
final class AgreementRules {

	static final Pattern CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]{0,49}$");
	private static final int MAX_THRESHOLDS = 5;

	private AgreementRules() {
	}

	/** The agreement's terms when it keeps every rule; otherwise {@code null}, with each mistake in {@code errors}. */
	static AgreementTerms check(AgreementDraft draft, FieldErrors errors) {
		String code = FieldErrors.clean(draft.code());
		String name = FieldErrors.clean(draft.name());
		if (code == null) {
			errors.add("code", "field.required");
		}
		else if (!CODE.matcher(code).matches()) {
			errors.add("code", "agreements.code.invalid");
		}
		if (name == null) {
			errors.add("name", "field.required");
		}
		else if (name.length() > 200) {
			errors.add("name", "agreements.name.long");
		}
		if (draft.providerPartyId() == null) {
			errors.add("providerPartyId", "field.required");
		}
		if (draft.validFrom() == null) {
			errors.add("validFrom", "field.required");
		}
		else if (draft.validTo() != null && draft.validTo().isBefore(draft.validFrom())) {
			errors.add("validTo", "agreements.valid-to.before-from");
		}
		List<Long> serviceIds = draft.serviceIds() == null ? List.of()
				: draft.serviceIds().stream().filter(Objects::nonNull).distinct().sorted().toList();
		boolean isDefault = Boolean.TRUE.equals(draft.defaultAgreement());
		if (isDefault && (draft.customerOrgUnitId() != null || !serviceIds.isEmpty())) {
			errors.add("defaultAgreement", "agreements.default.scoped");
		}
		if (!isDefault && draft.customerOrgUnitId() == null && serviceIds.isEmpty()) {
			errors.add("customerOrgUnitId", "agreements.scope.none");
		}
		Map<Priority, ServiceLevelTarget> targets = targets(draft.targets(), errors);
		Map<Priority, List<EscalationStep>> steps = escalations(draft.escalations(), targets, errors);
		if (!errors.isEmpty()) {
			return null;
		}
		List<ServiceLevelTarget> complete = targets.values().stream()
			.map(t -> new ServiceLevelTarget(t.priority(), t.response(), t.responseBasis(), t.resolution(),
					t.resolutionBasis(), t.warningThresholds(), steps.getOrDefault(t.priority(), List.of())))
			.toList();
		return new AgreementTerms(code, name, draft.providerPartyId(), draft.customerOrgUnitId(), isDefault,
				draft.calendarId(), draft.validFrom(), draft.validTo(), !Boolean.FALSE.equals(draft.enabled()),
				serviceIds, complete);
	}

	private static Map<Priority, ServiceLevelTarget> targets(List<TargetTerms> submitted, FieldErrors errors) {
		Map<Priority, ServiceLevelTarget> targets = new EnumMap<>(Priority.class);
		Set<Priority> seen = new HashSet<>();
		for (TargetTerms t : submitted == null ? List.<TargetTerms>of() : submitted) {
			Priority priority = t == null ? null : enumOf(Priority.class, t.priority());
			if (priority == null) {
				errors.add("targets", "agreements.priority.unknown");
				continue;
			}
			String field = "targets." + priority;
			if (!seen.add(priority)) {
				errors.add(field, "agreements.target.duplicate");
				continue;
			}
			ServiceLevelTarget target = target(priority, t, field, errors);
			if (target != null) {
				targets.put(priority, target);
			}
		}
		for (Priority priority : Priority.values()) {
			if (!seen.contains(priority)) {
				errors.add("targets." + priority, "agreements.target.missing");
			}
		}
		checkUrgencyOrder(targets, errors);
		return targets;
	}

	private static ServiceLevelTarget target(Priority priority, TargetTerms t, String field, FieldErrors errors) {
		Duration response = positiveMinutes(t.responseMinutes(), field + ".response", errors);
		Duration resolution = positiveMinutes(t.resolutionMinutes(), field + ".resolution", errors);
		TimeBasis responseBasis = basis(t.responseBasis(), field + ".responseBasis", errors);
		TimeBasis resolutionBasis = basis(t.resolutionBasis(), field + ".resolutionBasis", errors);
		List<Integer> thresholds = t.thresholds() == null || t.thresholds().isEmpty()
				? ServiceLevelTarget.DEFAULT_THRESHOLDS : t.thresholds();
		if (!increasingPercentages(thresholds)) {
			errors.add(field + ".thresholds", "agreements.thresholds.invalid");
		}
		if (response == null || resolution == null || responseBasis == null || resolutionBasis == null
				|| errors.has(field + ".thresholds")) {
			return null;
		}
		if (responseBasis == resolutionBasis && response.compareTo(resolution) > 0) {
			errors.add(field + ".resolution", "agreements.resolution.before-response");
		}
		return new ServiceLevelTarget(priority, response, responseBasis, resolution, resolutionBasis, thresholds,
				List.of());
	}

	/** A more urgent priority gets no slower a promise than the next less urgent one; the urgent row is the one told. */
	private static void checkUrgencyOrder(Map<Priority, ServiceLevelTarget> targets, FieldErrors errors) {
		Priority[] order = Priority.values();
		for (int i = 0; i + 1 < order.length; i++) {
			ServiceLevelTarget urgent = targets.get(order[i]);
			ServiceLevelTarget next = targets.get(order[i + 1]);
			if (urgent == null || next == null) {
				continue;
			}
			if (urgent.responseBasis() == next.responseBasis() && urgent.response().compareTo(next.response()) > 0) {
				errors.add("targets." + order[i] + ".response", "agreements.response.slower-than-next");
			}
			if (urgent.resolutionBasis() == next.resolutionBasis()
					&& urgent.resolution().compareTo(next.resolution()) > 0) {
				errors.add("targets." + order[i] + ".resolution", "agreements.resolution.slower-than-next");
			}
		}
	}

	private static Map<Priority, List<EscalationStep>> escalations(List<EscalationTerms> submitted,
			Map<Priority, ServiceLevelTarget> targets, FieldErrors errors) {
		Map<Priority, List<EscalationStep>> steps = new EnumMap<>(Priority.class);
		Set<String> seen = new HashSet<>();
		List<EscalationTerms> all = submitted == null ? List.of() : submitted;
		for (int i = 0; i < all.size(); i++) {
			EscalationTerms e = all.get(i);
			String field = "escalations[" + i + "]";
			if (e == null) {
				errors.add(field + ".priority", "agreements.priority.unknown");
				continue;
			}
			Priority priority = enumOf(Priority.class, e.priority());
			EscalationStep.Kind kind = enumOf(EscalationStep.Kind.class, e.kind());
			String target = FieldErrors.clean(e.target());
			if (priority == null) {
				errors.add(field + ".priority", "agreements.priority.unknown");
			}
			else if (e.thresholdPercent() == null || !atThresholdOrBreach(e.thresholdPercent(), targets.get(priority))) {
				errors.add(field + ".thresholdPercent", "agreements.escalation.threshold");
			}
			if (e.order() == null || e.order() < 1) {
				errors.add(field + ".order", "agreements.escalation.order");
			}
			if (kind == null) {
				errors.add(field + ".kind", "agreements.escalation.kind");
			}
			if (target == null) {
				errors.add(field + ".target", "field.required");
			}
			else if (target.length() > 100) {
				errors.add(field + ".target", "agreements.escalation.target.long");
			}
			else if (kind == EscalationStep.Kind.HIERARCHICAL && !EscalationStep.LEVELS.contains(target)) {
				errors.add(field + ".target", "agreements.escalation.level");
			}
			if (errors.has(field + ".priority") || errors.has(field + ".thresholdPercent") || errors.has(field + ".order")
					|| errors.has(field + ".kind") || errors.has(field + ".target")) {
				continue;
			}
			if (!seen.add(priority + "/" + e.thresholdPercent() + "/" + e.order())) {
				errors.add(field + ".order", "agreements.escalation.duplicate");
				continue;
			}
			steps.computeIfAbsent(priority, p -> new ArrayList<>())
				.add(new EscalationStep(e.thresholdPercent(), e.order(), kind, target));
		}
		steps.values().forEach(list -> list.sort(java.util.Comparator.comparingInt(EscalationStep::thresholdPercent)
			.thenComparingInt(EscalationStep::order)));
		return steps;
	}

	/** Whether a step sits at one of the target's thresholds or at the breach; unknowable while the target is wrong. */
	private static boolean atThresholdOrBreach(int percent, ServiceLevelTarget target) {
		return percent == 100 || target == null || target.warningThresholds().contains(percent);
	}

	static boolean increasingPercentages(List<Integer> thresholds) {
		if (thresholds.size() > MAX_THRESHOLDS) {
			return false;
		}
		int previous = 0;
		for (Integer t : thresholds) {
			if (t == null || t <= previous || t >= 100) {
				return false;
			}
			previous = t;
		}
		return true;
	}

	private static Duration positiveMinutes(Long minutes, String field, FieldErrors errors) {
		if (minutes == null || minutes <= 0) {
			errors.add(field, "agreements.duration.positive");
			return null;
		}
		// ten years is far beyond any service target; the bound keeps seconds within a bigint and Duration's range
		if (minutes > 5_256_000L) {
			errors.add(field, "agreements.duration.long");
			return null;
		}
		return Duration.ofMinutes(minutes);
	}

	private static TimeBasis basis(String value, String field, FieldErrors errors) {
		TimeBasis basis = enumOf(TimeBasis.class, value);
		if (basis == null) {
			errors.add(field, "agreements.basis.unknown");
		}
		return basis;
	}

	static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
		if (value == null) {
			return null;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equalsIgnoreCase(value.strip())) {
				return constant;
			}
		}
		return null;
	}
}
