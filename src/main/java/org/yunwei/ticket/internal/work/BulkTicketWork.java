package org.yunwei.ticket.internal.work;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.ticket.internal.record.TicketAccess;
import org.yunwei.ticket.internal.record.TicketAction;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * One action on many tickets from a list (批量操作): all of them or, when one is refused, none — the refusal names
 * the ticket by its place in the list.
 */
@Service
public class BulkTicketWork {

	static final int MAX_TICKETS = 200;

	private final TicketWork work;
	private final TicketAccess access;

	BulkTicketWork(TicketWork work, TicketAccess access) {
		this.work = work;
		this.access = access;
	}

	@Transactional
	public int apply(List<Long> ids, String action, Long groupId, Long assigneeUserId, String resolutionCode,
			String resolutionText) {
		// every bulk action is the service desk's: the right comes before what the request asks
		access.requireRight(TicketAction.ASSIGN);
		FieldErrors errors = new FieldErrors();
		List<Long> tickets = ids == null ? List.of() : ids.stream().distinct().toList();
		if (tickets.isEmpty() || tickets.contains(null)) {
			errors.add("ids", "field.required");
		}
		else if (tickets.size() > MAX_TICKETS) {
			errors.add("ids", "ticket.bulk.too-many");
		}
		TicketAction chosen = errors.constant(TicketAction.class, action, "action");
		if (chosen != null && !List.of(TicketAction.ASSIGN, TicketAction.START, TicketAction.RESOLVE,
				TicketAction.CLOSE).contains(chosen)) {
			errors.add("action", "ticket.bulk.action-invalid");
		}
		errors.throwIfAny();
		for (int i = 0; i < tickets.size(); i++) {
			long id = tickets.get(i);
			try {
				switch (chosen) {
					case ASSIGN -> work.assign(id, groupId, assigneeUserId, null);
					case START -> work.start(id);
					case RESOLVE -> work.resolve(id, resolutionCode, resolutionText);
					default -> work.close(id);
				}
			}
			catch (RejectedRequest refused) {
				if (!refused.fieldErrors().isEmpty()) {
					throw refused;
				}
				throw new RejectedRequest(refused.status() == HttpStatus.NOT_FOUND ? HttpStatus.UNPROCESSABLE_CONTENT
						: refused.status(), refused.type(), refused.messageKey(), refused.arguments(),
						Map.of("ids[" + i + "]", refused.messageKey()));
			}
		}
		return tickets.size();
	}
}
