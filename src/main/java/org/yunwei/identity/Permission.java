package org.yunwei.identity;

/**
 * What a role may let a person do. Each is also a Spring Security authority of the same name.
 */
public enum Permission {
	PARTY_MANAGE, USER_MANAGE, USER_READ, USER_UNLOCK, POST_MANAGE, ROLE_MANAGE, ROLE_ASSIGN,
	/**
	 * Confirms or rejects another officer's request to give an administrative role (三员分立: a second person);
	 * never one's own request, nor a request for oneself.
	 */
	ADMIN_GRANT_DECIDE,
	AUDIT_READ, AUDIT_EXPORT, AUDIT_VERIFY,
	/** The service catalogue (服务目录): categories, services, service objects, indicators. */
	CATALOG_MANAGE,
	/** Business calendars: working hours, public holidays and make-up workdays (调休). */
	CALENDAR_MANAGE,
	/** Service level agreements (服务级别协议) and their targets. */
	SLA_MANAGE,
	/** SLA attainment self-assessment: read and export. */
	SLA_REPORT,
	/** 服务台: record tickets for customers, work the queues, assign, reply, pend, resolve, record return visits. */
	TICKET_WORK,
	/** Assignment groups, the priority matrix and the service desk's settings; told of hierarchical escalations. */
	TICKET_ADMIN,
	/** Ticket statistics (事件统计) and their export. */
	TICKET_REPORT,
	/** An integration account that monitoring (Alertmanager, Zabbix) uses to open and update incidents. */
	ALERT_INTAKE,
	/** Group robots (DingTalk, WeCom, Feishu) that hear of notifications, and the notification outbox. */
	NOTIFICATION_MANAGE,
	/** The assessment-evidence register (考核证据): read; never given to a customer, whom it is refused anyway. */
	COMPLIANCE_READ,
	/** Configuration management (配置管理): read the asset ledger, CI classes, history, relations and impact. */
	CMDB_READ,
	/**
	 * Record and change configuration items and their relations within the scope served; management's holders also
	 * define the CI classes and their attributes.
	 */
	CMDB_MANAGE,
	/**
	 * The policy and document library (制度与文档库): documents, their versions and who must confirm reading them;
	 * categories. Reading a document that applies to one needs no permission.
	 */
	DOCUMENT_MANAGE,
	/**
	 * The Prometheus metrics ({@code /actuator/prometheus}) with a bearer token: for the account of an intranet
	 * scraper, unless the installation makes the metrics public ({@code YUNWEI_PUBLIC_METRICS}).
	 */
	METRICS_READ,
	/** Approval policies (审批流程): stages, approvers, conditions, time limits. */
	APPROVAL_POLICY_MANAGE,
	/** Marks a post's holder absent for a period (岗位备份): the post's backup acts meanwhile. */
	POST_ABSENCE_RECORD,
	/** Write knowledge articles and submit them for 入库审批; retire them. */
	KNOWLEDGE_MANAGE,
	/** Change management (变更管理): read change requests with their assessment, plan, approval and review. */
	CHANGE_READ,
	/** Raise, assess, plan, submit, implement and review change requests within the scope served. */
	CHANGE_MANAGE,
	/** Problems (问题管理): read those of one's scope; never a customer's. */
	PROBLEM_READ,
	/** Record a problem (问题收集表) and link incidents to it. */
	PROBLEM_RECORD,
	/** Root cause, emergency plan, solution and implementation plans, known errors; start the work and resolve. */
	PROBLEM_ANALYSE,
	/** Close a resolved problem (proposing a knowledge article) or cancel one. */
	PROBLEM_CLOSE,
	/** Inspections (巡检): read templates, plans, tasks and reports of one's scope. */
	INSPECTION_READ,
	/** Do the inspection tasks assigned to oneself: fill in, save drafts, sign and submit. */
	INSPECTION_WORK,
	/** Keep inspection templates and plans (targets, schedule, rota) of one's scope. */
	INSPECTION_MANAGE,
	/** The knowledge search's synonyms and user dictionary, and rebuilding its index (identity V15). */
	KNOWLEDGE_ADMIN,
	/** Staff records (人员档案) of the providers' people in one's scope, without their personal data. */
	PERSONNEL_READ,
	/** Keep staff records, their certificates, and read their personal data (phone and ID numbers). */
	PERSONNEL_MANAGE,
	/** Read emergency plans (应急预案) and emergency events within the scope served. */
	EMERGENCY_READ,
	/** Write emergency plans and submit them for approval; retire them. */
	EMERGENCY_MANAGE,
	/** Declare emergency events and record their response: steps, phases, escalation, closure. */
	EMERGENCY_RESPOND,
	/** Read releases (发布): plan, approval, deployment and completion records within the scope served (identity V22). */
	RELEASE_READ,
	/** Plan releases, submit them for approval, record their deployment and completion. */
	RELEASE_MANAGE;

	/**
	 * Reading the audit trail belongs to the audit administrator and supervision alone, deciding on administrative
	 * grants to the system and security administrators (三员分立): no other role may be given them.
	 */
	public boolean reservedForBuiltInRoles() {
		return this == AUDIT_READ || this == AUDIT_EXPORT || this == ADMIN_GRANT_DECIDE;
	}
}
