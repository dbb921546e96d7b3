package org.yunwei.release.internal;

/** 重大发布, 一般发布, 紧急发布: the type decides nothing by itself here; the approval policy may be chosen by it. */
public enum ReleaseType {
	MAJOR, MINOR, EMERGENCY
}
