package org.yunwei.knowledge.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Realistic O&M articles from templates: a device or system of a government office (category), one of its typical
 * faults, and a body with the symptom, the likely causes and numbered steps drawn from what a service desk does for
 * that kind of device, so that search and suggestions meet the words real articles use.
 */
final class KnowledgeDatasetTexts {

	/** A kind of device or system: its category, its names, its faults, its causes and its steps. */
	private record Kind(String category, String[] names, String[] faults, String[] causes, String[] steps) {
	}

	private static final Kind[] KINDS = {
		new Kind("办公设备", new String[] { "打印机", "激光打印机", "网络打印机", "复印一体机", "扫描仪" },
				new String[] { "无法连接", "卡纸", "打印空白页", "脱机无法打印", "扫描后找不到文件", "打印出现重影",
						"驱动安装失败" },
				new String[] { "网线松动或交换机端口故障", "驱动版本与操作系统不匹配", "打印队列中有卡住的任务",
						"硒鼓或墨粉不足", "打印机 IP 地址被改动" },
				new String[] { "确认打印机已开机、面板无报错", "检查网线和交换机端口指示灯", "在终端上 ping 打印机 IP 地址",
						"清空打印队列后重新提交任务", "重新安装与麒麟或统信 UOS 匹配的驱动", "打开前盖取出卡住的纸张",
						"更换硒鼓后打印测试页" }),
		new Kind("终端", new String[] { "台式电脑", "笔记本电脑", "国产化终端", "一体机" },
				new String[] { "蓝屏", "开机缓慢", "无法开机", "频繁死机", "无法识别 U 盘", "键盘鼠标无反应", "屏幕闪烁" },
				new String[] { "最近安装的驱动或补丁不兼容", "内存条接触不良", "硬盘存在坏道", "系统盘空间不足",
						"外设接口供电不足" },
				new String[] { "记录报错信息并拍照", "进入安全模式卸载最近安装的驱动", "清理系统盘临时文件",
						"重新插拔内存条", "使用磁盘检测工具检查硬盘", "更换 USB 接口或使用带电源的集线器",
						"必要时备份数据后重装系统" }),
		new Kind("网络", new String[] { "无线网络", "政务外网", "VPN 客户端", "交换机", "路由器" },
				new String[] { "连接超时", "频繁掉线", "网速慢", "获取不到 IP 地址", "无法访问内网系统", "认证失败" },
				new String[] { "DHCP 地址池耗尽", "接入交换机端口故障", "VPN 证书过期", "无线信道干扰", "DNS 配置错误" },
				new String[] { "确认其他终端是否同样异常", "检查网线、端口指示灯和无线信号强度", "执行 ipconfig 查看地址获取情况",
						"重新导入 VPN 证书并重启客户端", "在核心交换机上查看端口错误计数", "修改 DNS 为单位指定地址",
						"联系网络运维检查地址池" }),
		new Kind("应用系统", new String[] { "OA 系统", "电子公文系统", "政务服务平台", "邮件系统", "视频会议系统" },
				new String[] { "登录失败", "页面打不开", "附件上传失败", "响应缓慢", "收不到邮件", "会议无声音" },
				new String[] { "账号被锁定或密码过期", "浏览器缓存异常", "附件超过大小限制", "应用服务器负载过高",
						"邮箱容量已满", "音频设备未选择正确" },
				new String[] { "确认账号状态并按流程重置密码", "清除浏览器缓存后使用推荐浏览器访问", "压缩附件或分卷上传",
						"查看应用服务器 CPU 和内存使用情况", "清理邮箱或申请扩容", "在会议客户端中选择正确的麦克风和扬声器",
						"仍未解决时提交二线技术支持" }),
		new Kind("服务器与存储", new String[] { "服务器", "存储阵列", "数据库", "中间件", "虚拟化平台" },
				new String[] { "磁盘空间不足", "服务无法启动", "硬盘告警", "连接数过多", "备份任务失败", "时间不同步" },
				new String[] { "日志文件未按期清理", "配置文件被误改", "硬盘故障导致阵列降级", "连接池参数过小",
						"备份存储空间不足", "NTP 服务未启用" },
				new String[] { "登录监控平台确认告警内容", "清理过期日志并配置日志轮转", "对比配置文件与变更记录",
						"更换故障硬盘并等待阵列重建完成", "调整连接池上限并观察一小时", "检查备份存储容量后重跑备份任务",
						"启用 NTP 服务并同步时间" }),
	};

	private static final String[] TITLE_ENDINGS = { "的处理方法", "的排查步骤", "怎么办", "的解决方案", "问题处理" };

	private KnowledgeDatasetTexts() {
	}

	/** One article. */
	record Written(String title, String body, String category, List<String> tags) {
	}

	static Written article(SplittableRandom random) {
		Kind kind = KINDS[random.nextInt(KINDS.length)];
		String name = pick(kind.names(), random);
		String fault = pick(kind.faults(), random);
		String title = name + fault + pick(TITLE_ENDINGS, random);
		StringBuilder body = new StringBuilder();
		body.append("## 现象\n\n").append(name).append(fault).append("，影响日常办公。\n\n## 可能原因\n\n");
		int causes = 1 + random.nextInt(2);
		for (int i = 0; i < causes; i++) {
			body.append("- ").append(pick(kind.causes(), random)).append('\n');
		}
		body.append("\n## 处理步骤\n\n");
		List<String> steps = new ArrayList<>(List.of(kind.steps()));
		int count = 3 + random.nextInt(Math.min(4, steps.size() - 2));
		for (int i = 1; i <= count; i++) {
			body.append(i).append(". ").append(steps.remove(random.nextInt(steps.size()))).append('\n');
		}
		body.append("\n## 注意事项\n\n处理前告知使用人，涉及数据的操作先备份；未能解决时在工单中升级至二线技术支持。\n");
		return new Written(title, body.toString(), kind.category(), List.of(name, fault));
	}

	private static String pick(String[] values, SplittableRandom random) {
		return values[random.nextInt(values.length)];
	}
}
