package org.yunwei.personnel.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yunwei.personnel.internal.ServiceFlow.FlowEscalationChain;
import org.yunwei.personnel.internal.ServiceFlow.FlowEscalationStep;
import org.yunwei.personnel.internal.ServiceFlow.ServiceProcessFlow;

/**
 * Draws the service process flow as SVG: the ticket lifecycle as a row of states joined by the moves between them
 * (pending below in progress, the reopening as a dashed bend back), then one row per priority with the default
 * agreement's targets and its escalation steps in the order they fire.
 */
@Component
class ServiceFlowDrawing {

	static final double STATE = 130;
	static final double STATE_HEIGHT = 44;
	static final double STEP = 200;
	static final double STEP_HEIGHT = 52;
	static final double GAP = 54;
	static final double MARGIN = 24;
	/** The main path, left to right; pending sits below in progress. */
	static final List<String> MAIN = List.of("NEW", "ASSIGNED", "IN_PROGRESS", "RESOLVED", "CLOSED");

	private final MessageSource messages;

	ServiceFlowDrawing(MessageSource messages) {
		this.messages = messages;
	}

	String draw(ServiceProcessFlow flow, Locale locale) {
		SvgSketch svg = new SvgSketch();
		svg.text(MARGIN, MARGIN + 4, text(locale, "personnel.flow.lifecycle"), 15, true, "start");
		double top = MARGIN + 48;
		Map<String, double[]> at = new HashMap<>();
		for (int i = 0; i < MAIN.size(); i++) {
			double x = MARGIN + i * (STATE + GAP);
			at.put(MAIN.get(i), new double[] { x, top });
		}
		double[] working = at.get("IN_PROGRESS");
		at.put("PENDING", new double[] { working[0], top + STATE_HEIGHT + 70 });
		at.forEach((state, xy) -> {
			svg.box(xy[0], xy[1], STATE, STATE_HEIGHT, state.equals("CLOSED") ? "#dcfce7" : "#eff6ff", "#2563eb");
			svg.text(xy[0] + STATE / 2, xy[1] + 27, text(locale, "personnel.flow.status." + state), 14, true, "middle");
		});
		String[][] moves = { { "NEW", "ASSIGNED", "personnel.flow.move.assign" },
				{ "ASSIGNED", "IN_PROGRESS", "personnel.flow.move.start" },
				{ "IN_PROGRESS", "RESOLVED", "personnel.flow.move.resolve" },
				{ "RESOLVED", "CLOSED", "personnel.flow.move.close" } };
		for (String[] move : moves) {
			double[] from = at.get(move[0]);
			double[] to = at.get(move[1]);
			double y = from[1] + STATE_HEIGHT / 2;
			svg.line(from[0] + STATE, y, to[0], y, true);
			svg.text((from[0] + STATE + to[0]) / 2, y - 6, text(locale, move[2]), 11, false, "middle");
		}
		double[] pending = at.get("PENDING");
		double down = working[0] + STATE / 2 - 20;
		double up = working[0] + STATE / 2 + 20;
		svg.line(down, working[1] + STATE_HEIGHT, down, pending[1], true);
		svg.text(down - 6, working[1] + STATE_HEIGHT + 38, text(locale, "personnel.flow.move.pend"), 11, false, "end");
		svg.line(up, pending[1], up, working[1] + STATE_HEIGHT, true);
		svg.text(up + 6, working[1] + STATE_HEIGHT + 38, text(locale, "personnel.flow.move.resume"), 11, false, "start");
		double[] resolved = at.get("RESOLVED");
		double fromX = resolved[0] + STATE / 2;
		double toX = working[0] + STATE / 2;
		svg.path("M " + fromX + " " + top + " C " + fromX + " " + (top - 34) + ", " + toX + " " + (top - 34) + ", " + toX
				+ " " + top, true);
		svg.text((fromX + toX) / 2, top - 24, text(locale, "personnel.flow.move.reopen"), 11, false, "middle");
		double width = MARGIN * 2 + MAIN.size() * STATE + (MAIN.size() - 1) * GAP;

		double y = pending[1] + STATE_HEIGHT + 50;
		svg.text(MARGIN, y, flow.agreementName() == null ? text(locale, "personnel.flow.escalation.none")
				: text(locale, "personnel.flow.escalation", flow.agreementName()), 15, true, "start");
		y += 20;
		for (FlowEscalationChain chain : flow.chains()) {
			svg.box(MARGIN, y, STEP, STEP_HEIGHT, "#fef9c3", "#ca8a04");
			svg.text(MARGIN + 10, y + 20, text(locale, "personnel.flow.priority", chain.priority()), 13, true, "start");
			svg.text(MARGIN + 10, y + 40, SvgSketch.fit(text(locale, "personnel.flow.targets",
					duration(chain.response(), locale), duration(chain.resolution(), locale),
					text(locale, "personnel.flow.basis." + chain.resolutionBasis())), 24), 11, false, "start");
			double x = MARGIN + STEP;
			if (chain.steps().isEmpty()) {
				svg.text(x + 16, y + 31, text(locale, "personnel.flow.no-steps"), 12, false, "start");
				width = Math.max(width, x + 16 + 260 + MARGIN);
			}
			for (FlowEscalationStep step : chain.steps()) {
				svg.line(x, y + STEP_HEIGHT / 2, x + GAP / 2, y + STEP_HEIGHT / 2, true);
				x += GAP / 2;
				svg.box(x, y, STEP, STEP_HEIGHT, "#fff7ed", "#ea580c");
				String when = step.thresholdPercent() >= 100 ? text(locale, "personnel.flow.breach")
						: text(locale, "personnel.flow.threshold", step.thresholdPercent());
				svg.text(x + 10, y + 20, SvgSketch.fit(when + " · " + text(locale, "personnel.flow.kind." + step.kind()),
						24), 12, true, "start");
				svg.text(x + 10, y + 40, SvgSketch.fit("→ " + target(step, locale), 24), 12, false, "start");
				x += STEP;
			}
			width = Math.max(width, x + MARGIN);
			y += STEP_HEIGHT + 16;
		}
		return svg.document(width, y + MARGIN, text(locale, "personnel.flow.title"));
	}

	private String target(FlowEscalationStep step, Locale locale) {
		if (step.groupName() != null) {
			return step.groupName();
		}
		return switch (step.target()) {
			case "SECOND_LINE", "GROUP_LEAD", "PROVIDER_MANAGER", "MANAGEMENT" ->
				text(locale, "personnel.flow.target." + step.target());
			default -> text(locale, "personnel.flow.target.group");
		};
	}

	private String duration(Duration duration, Locale locale) {
		if (duration.toMinutes() % 60 == 0) {
			return text(locale, "personnel.flow.hours", duration.toHours());
		}
		return text(locale, "personnel.flow.minutes", duration.toMinutes());
	}

	private String text(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
