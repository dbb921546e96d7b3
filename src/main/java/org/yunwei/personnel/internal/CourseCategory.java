package org.yunwei.personnel.internal;

/**
 * What a course teaches, as the standard names the courses it expects (Hunan 5.2, 5.6): 国产化设备运维, 保密法律法规,
 * 应用系统日常管理, 安全意识, or another subject.
 */
enum CourseCategory {
	DOMESTIC_EQUIPMENT, CONFIDENTIALITY_LAW, APPLICATION_OPERATION, SECURITY_AWARENESS, OTHER
}
