package org.yunwei.personnel.internal;

/**
 * Where an item of a score sheet takes its score (0–100) from: the appraiser, or the service desk's figures of the
 * period for the person — ticket timeliness (the share of their resolved tickets that met the resolution SLA) and
 * ticket quality (their mean satisfaction rating, 1–5, times 20).
 */
enum ScoreSource {
	MANUAL, TICKET_TIMELINESS, TICKET_QUALITY
}
