package org.yunwei.approval.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.yunwei.identity.People;
import org.yunwei.identity.Person;
import org.yunwei.identity.Positions;

/**
 * Turns a stage's approver lines into the people who may decide, through identity's facades: a person (if enabled),
 * the holders of a role in a party or unit, a post's holder and backup (the backup acts only while the holder seated
 * with them is absent, checked when they decide), the requester's unit lead. A person named twice counts once. Called
 * when a stage starts: what it answers is stored and later changes in the directory do not move it.
 */
@Component
public class ApproverResolution {

	/** The most people one role line resolves to. */
	static final int MAX_ROLE_HOLDERS = 200;

	private final People people;
	private final Positions positions;

	ApproverResolution(People people, Positions positions) {
		this.people = people;
		this.positions = positions;
	}

	/**
	 * The seats of a stage for a requester; the requester is left out unless the policy lets them approve their own
	 * requests.
	 */
	public List<Seat> seats(PolicyStage stage, long requesterId, long requesterUnitId, boolean requesterMayApprove) {
		Map<Long, Seat> seats = new LinkedHashMap<>();
		for (StageApprover approver : stage.approvers()) {
			for (Seat seat : resolve(approver, requesterUnitId)) {
				if (requesterMayApprove || seat.approverId() != requesterId) {
					seats.putIfAbsent(seat.approverId(), seat);
				}
			}
		}
		return new ArrayList<>(seats.values());
	}

	public boolean enabledPerson(long personId) {
		return people.find(personId).filter(Person::enabled).isPresent();
	}

	/** How many distinct seats (a post's holder and backup are one) the people fill. */
	public static long seatCount(List<Seat> seats) {
		return seats.stream().map(Seat::key).distinct().count();
	}

	private List<Seat> resolve(StageApprover approver, long requesterUnitId) {
		return switch (approver.kind()) {
			case PERSON -> people.find(approver.personId())
				.filter(Person::enabled)
				.map(p -> List.of(new Seat(p.id(), AssignmentVia.PERSON, null)))
				.orElse(List.of());
			case ROLE -> positions.holdersOfRole(approver.roleCode(), approver.partyId(), approver.orgUnitId(),
					MAX_ROLE_HOLDERS)
				.stream()
				.map(id -> new Seat(id, AssignmentVia.ROLE, null))
				.toList();
			case POST -> positions.post(approver.postId()).map(post -> {
				List<Seat> list = new ArrayList<>();
				if (post.holderId() != null) {
					list.add(new Seat(post.holderId(), AssignmentVia.POST_HOLDER, post.postId()));
				}
				if (post.backupId() != null) {
					list.add(new Seat(post.backupId(), AssignmentVia.POST_BACKUP, post.postId(), post.holderId()));
				}
				return list;
			}).orElse(List.of());
			case UNIT_LEAD -> positions.leadOf(requesterUnitId)
				.map(id -> List.of(new Seat(id, AssignmentVia.UNIT_LEAD, null)))
				.orElse(List.of());
		};
	}
}
