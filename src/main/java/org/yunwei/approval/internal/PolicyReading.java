package org.yunwei.approval.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.People;
import org.yunwei.identity.Permission;
import org.yunwei.identity.Person;
import org.yunwei.identity.Positions;
import org.yunwei.web.RejectedRequest;

/**
 * Policies as their keepers (APPROVAL_POLICY_MANAGE) and supervision read them, and the preview of who would
 * approve a sample request: the stages whose condition holds for the facts and the people they resolve to now.
 */
@Service
public class PolicyReading {

	private final ApprovalPolicies policies;
	private final ApproverResolution resolution;
	private final People people;
	private final Positions positions;
	private final Organisations organisations;
	private final Actors actors;
	private final MessageSource messages;

	PolicyReading(ApprovalPolicies policies, ApproverResolution resolution, People people, Positions positions,
			Organisations organisations, Actors actors, MessageSource messages) {
		this.policies = policies;
		this.resolution = resolution;
		this.people = people;
		this.positions = positions;
		this.organisations = organisations;
		this.actors = actors;
		this.messages = messages;
	}

	@Transactional(readOnly = true)
	public List<ApprovalPolicy> list() {
		reader();
		return policies.all();
	}

	@Transactional(readOnly = true)
	public PolicyView view(long id) {
		reader();
		ApprovalPolicy policy = policies.find(id).orElseThrow(() -> RejectedRequest.notFound("approval-policy"));
		PolicyVersion version = policies.current(id);
		return new PolicyView(policy.id(), policy.name(), policy.description(), policy.builtIn(), policy.retired(),
				policy.version(), version.requesterMayApprove(), policy.updatedAt(), version.stages()
					.stream()
					.map(s -> new PolicyView.Stage(s.position(), s.name(), s.rule(), s.requiredCount(), s.condition(),
							s.timeLimitMinutes(), s.approvers()
								.stream()
								.map(a -> new PolicyView.Line(a.kind(), a.personId(), a.roleCode(), a.partyId(),
										a.orgUnitId(), a.postId(), label(a)))
								.toList()))
					.toList());
	}

	/**
	 * Who would approve a request of the given requester with the given facts under the policy's current version.
	 *
	 * @throws RejectedRequest 400 for an unknown requester
	 */
	@Transactional(readOnly = true)
	public PolicyPreview preview(long id, Long requesterId, Map<String, Object> facts) {
		reader();
		policies.find(id).orElseThrow(() -> RejectedRequest.notFound("approval-policy"));
		if (requesterId == null) {
			throw RejectedRequest.invalidField("requesterId", "field.required");
		}
		Person requester = people.find(requesterId)
			.orElseThrow(() -> RejectedRequest.invalidField("requesterId", "approval.person.unknown"));
		Map<String, Object> given = facts == null ? Map.of() : new LinkedHashMap<>(facts);
		PolicyVersion version = policies.current(id);
		List<PolicyPreview.Stage> stages = new ArrayList<>();
		for (PolicyStage stage : version.stages()) {
			boolean applies = stage.condition() == null || StageCondition.parse(stage.condition()).test(given);
			List<Seat> seats = applies ? resolution.seats(stage, requester.id(), requester.orgUnitId(),
					version.requesterMayApprove()) : List.of();
			Map<Long, String> names = new LinkedHashMap<>();
			people.findAll(seats.stream().map(Seat::approverId).toList())
				.forEach(p -> names.put(p.id(), p.displayName()));
			stages.add(new PolicyPreview.Stage(stage.position(), stage.name(), applies, stage.rule(),
					stage.requiredCount(), seats.stream()
						.map(s -> names.getOrDefault(s.approverId(), "") + (s.via() == AssignmentVia.POST_BACKUP
								? text("approval.via.POST_BACKUP.suffix") : ""))
						.toList()));
		}
		return new PolicyPreview(id, version.version(), requester.id(), requester.displayName(), stages);
	}

	/** An approver line in the reader's language, e.g. "人员：张三", "角色：服务台经理（某公司）". */
	public String label(StageApprover approver) {
		return switch (approver.kind()) {
			case PERSON -> text("approval.approver.PERSON.label", people.find(approver.personId())
				.map(Person::displayName)
				.orElse("—"));
			case ROLE -> text("approval.approver.ROLE.label",
					messages.getMessage("role." + approver.roleCode(), null, approver.roleCode(),
							LocaleContextHolder.getLocale()),
					approver.orgUnitId() != null ? organisations.find(approver.orgUnitId())
						.map(u -> u.name())
						.orElse("—")
							: organisations.findParty(approver.partyId()).map(p -> p.name()).orElse("—"));
			case POST -> text("approval.approver.POST.label", positions.post(approver.postId())
				.map(Positions.PostHolding::name)
				.orElse("—"));
			case UNIT_LEAD -> text("approval.approver.UNIT_LEAD.label");
		};
	}

	private void reader() {
		Actor actor = actors.current();
		if (!actor.can(Permission.APPROVAL_POLICY_MANAGE) && actor.partyKind() != PartyKind.SUPERVISION) {
			throw RejectedRequest.forbidden("problem.forbidden");
		}
	}

	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
	}
}
