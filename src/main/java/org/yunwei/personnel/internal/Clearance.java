package org.yunwei.personnel.internal;

/** The special environments a person may work in (特殊环境准入): none, the core machine room, a classified site. */
enum Clearance {
	NONE, MACHINE_ROOM, CLASSIFIED_SITE
}
