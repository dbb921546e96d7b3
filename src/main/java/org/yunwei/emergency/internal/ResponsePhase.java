package org.yunwei.emergency.internal;

/**
 * The phases of an emergency response (Hunan 8.1): 应急调度, 诊断分析, 沟通确认, 处置恢复, 升级, 关闭.
 */
public enum ResponsePhase {
	DISPATCH, DIAGNOSIS, COMMUNICATION, RECOVERY, ESCALATION, CLOSURE;

	/** Whether a responder records an action of this phase directly (escalation and closure have their own forms). */
	public boolean recordable() {
		return this != ESCALATION && this != CLOSURE;
	}
}
