package org.yunwei.ticket.internal.work;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunwei.sla.Calendars;
import org.yunwei.ticket.internal.record.TicketRecords;
import org.yunwei.ticket.internal.record.TicketSettings;
import org.yunwei.ticket.internal.record.TicketStatus;

/**
 * Closes resolved tickets that nobody confirmed or reopened in time ("the customer confirms the resolution or it
 * auto-closes"): after {@link TicketSettings#autoCloseBusinessDays()} business days on the default calendar
 * ({@link AutoClosePolicy}); 0 turns this off. Runs every {@code yunwei.tickets.auto-close-interval} (10 minutes by
 * default), once per cluster. Each ticket closes in its own transaction with its lock held and its resolution time
 * checked again, so that a ticket reopened and resolved anew meanwhile waits its full time again, and one ticket that
 * cannot be closed does not hold up the others.
 */
@Component
public class AutoCloseJob {

	public static final String REASON = "系统自动关闭";

	private static final Logger log = LoggerFactory.getLogger(AutoCloseJob.class);
	private static final int BATCH = 200;

	private final JdbcClient jdbc;
	private final Calendars calendars;
	private final TicketSettings settings;
	private final TicketRecords tickets;
	private final TicketWork work;
	private final TransactionTemplate transactions;

	AutoCloseJob(JdbcClient jdbc, Calendars calendars, TicketSettings settings, TicketRecords tickets, TicketWork work,
			PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.calendars = calendars;
		this.settings = settings;
		this.tickets = tickets;
		this.work = work;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Scheduled(fixedDelayString = "${yunwei.tickets.auto-close-interval:PT10M}",
			initialDelayString = "${yunwei.tickets.auto-close-interval:PT10M}")
	@SchedulerLock(name = "ticket-auto-close", lockAtMostFor = "PT30M")
	void onSchedule() {
		// the database's clock, as ShedLock uses: nodes with drifting clocks agree on what is due
		Instant now = jdbc.sql("select now()").query(Timestamp.class).single().toInstant();
		int closed = closeDue(now);
		if (closed > 0) {
			log.info("Closed {} resolved tickets that nobody confirmed within {} business days", closed,
					settings.autoCloseBusinessDays());
		}
	}

	/**
	 * Closes every resolved ticket whose time is up at {@code now}.
	 *
	 * @return how many were closed
	 */
	int closeDue(Instant now) {
		int days = settings.autoCloseBusinessDays();
		if (days < 1) {
			return 0;
		}
		Instant cutoff = AutoClosePolicy.cutoff(calendars.defaultCalendar(), now, days);
		int closed = 0;
		Due after = new Due(0, Instant.EPOCH);
		while (true) {
			List<Due> due = due(cutoff, after);
			for (Due ticket : due) {
				if (closeOne(ticket.id(), cutoff)) {
					closed++;
				}
			}
			if (due.size() < BATCH) {
				return closed;
			}
			after = due.getLast();
		}
	}

	private List<Due> due(Instant cutoff, Due after) {
		return jdbc.sql("""
				select id, resolved_at from ticket
				where status = 'RESOLVED' and resolved_at < ? and (resolved_at, id) > (?, ?)
				order by resolved_at, id limit ?""")
			.params(Timestamp.from(cutoff), Timestamp.from(after.resolvedAt()), after.id(), BATCH)
			.query((rs, n) -> new Due(rs.getLong("id"), TicketRecords.instant(rs, "resolved_at")))
			.list();
	}

	private boolean closeOne(long id, Instant cutoff) {
		try {
			return Boolean.TRUE.equals(transactions.execute(status -> {
				boolean due = tickets.lock(id)
					.filter(t -> t.status() == TicketStatus.RESOLVED && t.resolvedAt().isBefore(cutoff))
					.isPresent();
				if (due) {
					work.closeUnconfirmed(id, REASON);
				}
				return due;
			}));
		}
		catch (RuntimeException failure) {
			log.error("Could not close resolved ticket {} automatically; it is tried again next time", id, failure);
			return false;
		}
	}

	private record Due(long id, Instant resolvedAt) {
	}
}
