package org.yunwei.notification.internal;

import java.util.Arrays;
import java.util.List;

/**
 * The robot form as submitted by a page: topics one per line (or separated by commas or spaces), the checkboxes
 * absent when unticked.
 */
record RobotForm(String name, String kind, String url, String secret, Boolean removeSecret, String topics,
		Long partyId, Boolean enabled) {

	static RobotForm blank() {
		return new RobotForm(null, "DINGTALK", null, null, false, "ticket.", null, true);
	}

	static RobotForm of(RobotView robot) {
		return new RobotForm(robot.name(), robot.kind().name(), null, null, false, String.join("\n", robot.topics()),
				robot.partyId(), robot.enabled());
	}

	RobotDraft draft() {
		List<String> list = topics == null ? List.of()
				: Arrays.stream(topics.split("[\\s,，]+")).filter(t -> !t.isBlank()).toList();
		return new RobotDraft(name, kind, url, secret, Boolean.TRUE.equals(removeSecret), list, partyId,
				Boolean.TRUE.equals(enabled));
	}
}
