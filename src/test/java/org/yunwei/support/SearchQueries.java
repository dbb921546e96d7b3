package org.yunwei.support;

import java.util.List;

/**
 * What readers type into knowledge search in the tests and benchmarks: the examples of issue 17 among them — whole
 * phrases, Chinese with English, one or two characters — matching the knowledge data set's templates, so that every
 * benchmark of the search asks the same.
 */
public final class SearchQueries {

	public static final List<String> KNOWLEDGE = List.of("打印机无法连接", "VPN 连接超时", "蓝屏", "网络", "慢",
			"服务器磁盘空间不足", "邮件系统收不到邮件", "OA 系统登录失败", "扫描仪", "存储阵列硬盘告警", "无线网络频繁掉线",
			"驱动安装失败");

	private SearchQueries() {
	}
}
