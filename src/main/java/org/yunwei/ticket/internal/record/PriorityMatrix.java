package org.yunwei.ticket.internal.record;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.sla.Priority;

/**
 * Impact × urgency → priority (优先级矩阵), each from 1 (high) to 3 (low). Administrators change cells; the shipped
 * matrix gives P1 only to high impact with high urgency.
 */
@Repository
public class PriorityMatrix {

	private final JdbcClient jdbc;

	PriorityMatrix(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Priority priorityOf(int impact, int urgency) {
		return Priority.valueOf(jdbc.sql("select priority from ticket_priority_matrix where impact = ? and urgency = ?")
			.params(impact, urgency)
			.query(String.class)
			.single());
	}

	public List<Cell> cells() {
		return jdbc.sql("select impact, urgency, priority from ticket_priority_matrix order by impact, urgency")
			.query((rs, n) -> new Cell(rs.getInt(1), rs.getInt(2), Priority.valueOf(rs.getString(3))))
			.list();
	}

	public void set(int impact, int urgency, Priority priority) {
		jdbc.sql("update ticket_priority_matrix set priority = ? where impact = ? and urgency = ?")
			.params(priority.name(), impact, urgency)
			.update();
	}

	public record Cell(int impact, int urgency, Priority priority) {
	}
}
