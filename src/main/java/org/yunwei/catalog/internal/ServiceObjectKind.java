package org.yunwei.catalog.internal;

import java.util.Optional;

/**
 * The kinds of service object (服务对象, GZ clause 7) a catalogue service is performed on. Stored by name; the labels
 * are the messages {@code catalog.object.<name>}.
 */
enum ServiceObjectKind {
	/** 办公设备 (7.1 a): office devices, peripherals, business terminals, meeting-room systems. */
	OFFICE_EQUIPMENT,
	/** 基础环境设施 (7.1 b): servers, storage, network, machine rooms, site video and wireless equipment. */
	INFRASTRUCTURE,
	/** 政务云 (7.2): the government cloud's compute, storage, network, support and security services. */
	GOVERNMENT_CLOUD,
	/** 电子政务外网安全 (7.3): the security of the e-government extranet, its systems, data and platforms. */
	NETWORK_SECURITY;

	static Optional<ServiceObjectKind> parse(String value) {
		for (ServiceObjectKind kind : values()) {
			if (kind.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
				return Optional.of(kind);
			}
		}
		return Optional.empty();
	}
}
