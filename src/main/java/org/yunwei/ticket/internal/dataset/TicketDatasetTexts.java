package org.yunwei.ticket.internal.dataset;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The Chinese words of generated tickets, per service object (服务对象): subjects with their symptoms for incidents
 * and requests, the steps agents take, replies, notes, resolutions and rating comments. Placeholders {@code {n}},
 * {@code {floor}}, {@code {host}}, {@code {ip}} are filled at random.
 */
final class TicketDatasetTexts {

	/** A subject and what the reporter adds about it. */
	record Template(String subject, String detail, String work, String resolution) {
	}

	static final Map<String, List<Template>> INCIDENTS = Map.of(
			"OFFICE_EQUIPMENT", List.of(
					new Template("打印机卡纸，无法打印", "{floor}楼打印机频繁卡纸，取出纸张后仍提示卡纸，无法正常打印公文", "拆检进纸通道，清理残留纸屑并更换搓纸轮", "更换搓纸轮后打印恢复正常"),
					new Template("打印机显示脱机，无法打印", "办公室网络打印机状态显示脱机，多台电脑均无法打印", "检查打印机网络配置，重新绑定 IP 地址并重装驱动", "打印机 IP 冲突已处理，打印恢复"),
					new Template("电脑无法开机", "办公电脑按下电源键无反应，指示灯不亮，影响日常办公", "现场检测电源与主板，更换损坏的电源模块", "更换电源后电脑开机正常"),
					new Template("电脑频繁蓝屏重启", "电脑使用过程中频繁蓝屏并自动重启，错误代码 0x0000007E", "分析转储文件，回退有问题的显卡驱动并检测内存", "驱动回退后运行稳定，未再蓝屏"),
					new Template("Office 文档无法打开", "打开 Word 文档时提示文件损坏，多份公文无法编辑", "修复 Office 安装并恢复文档的自动备份", "Office 修复完成，文档已恢复"),
					new Template("视频会议终端无声音", "{floor}楼会议室视频会议终端无声音，下午有市级视频会议", "检查音频线路与终端设置，更换故障麦克风", "更换麦克风后会议声音正常"),
					new Template("复印机提示硒鼓寿命已尽", "复印机面板提示硒鼓寿命已尽，复印件发灰", "更换硒鼓并清洁定影组件", "已更换硒鼓，复印质量正常"),
					new Template("电脑运行缓慢", "电脑开机和打开业务系统都非常慢，经常卡死", "清理启动项，查杀病毒并升级内存", "升级内存后运行速度恢复")),
			"INFRASTRUCTURE", List.of(
					new Template("机房 UPS 告警", "机房 UPS 面板告警，提示电池组异常，存在断电风险", "检测电池组内阻，更换老化电池模块", "已更换 4 节老化电池，UPS 告警消除"),
					new Template("机房空调温度过高", "机房温度达到 {n}℃，精密空调制冷效果差", "检修精密空调压缩机并补充冷媒", "空调制冷恢复，机房温度回到 23℃"),
					new Template("网线接口损坏，无法上网", "{floor}楼办公室信息点网口损坏，电脑无法连接网络", "重新压接信息面板模块并测试链路", "信息点已修复，链路测试通过"),
					new Template("门禁刷卡失灵", "大楼 {floor} 层门禁刷卡无反应，人员无法正常进出", "检查门禁控制器与读卡器，重启控制器并更换读卡器", "门禁已恢复正常"),
					new Template("监控摄像头画面丢失", "大厅 {n} 号摄像头无画面，录像中断", "检查摄像头供电与光纤收发器，更换故障收发器", "摄像头画面与录像恢复"),
					new Template("机房漏水告警", "机房漏水检测绳告警，空调下方有积水", "疏通空调排水管并清理积水，检查漏水检测系统", "排水管已疏通，告警消除")),
			"GOVERNMENT_CLOUD", List.of(
					new Template("政务云主机 CPU 使用率持续超过 90%", "云主机 {host}（{ip}）CPU 使用率持续超过 90%，业务系统响应缓慢", "定位占用 CPU 的进程，优化应用线程池配置并临时扩容 vCPU", "扩容并优化后 CPU 使用率降至 40% 左右"),
					new Template("云主机磁盘空间不足", "云主机 {host} 数据盘使用率达到 {n}%，日志无法写入", "清理过期日志并为数据盘扩容", "数据盘扩容 200GB，使用率降至 55%"),
					new Template("云数据库连接数过高", "政务云数据库实例连接数接近上限，业务系统偶发报错", "分析慢查询与连接泄漏，调整连接池参数", "连接池参数调整后连接数恢复正常"),
					new Template("对象存储上传失败", "业务系统向对象存储上传附件时报错 403", "核查访问密钥与存储桶策略，修正权限配置", "存储桶策略已修正，上传恢复"),
					new Template("云主机无法远程登录", "云主机 {host}（{ip}）无法通过堡垒机远程登录", "检查安全组与 SSH 服务，恢复被误改的安全组规则", "安全组规则已恢复，可正常登录"),
					new Template("负载均衡健康检查失败", "负载均衡后端服务器健康检查失败，部分请求超时", "排查后端应用端口与健康检查路径，修正配置", "健康检查恢复，访问正常")),
			"NETWORK_SECURITY", List.of(
					new Template("VPN 无法连接", "出差人员使用 VPN 客户端连接时提示认证失败，无法访问内网业务系统", "核查 VPN 账号状态与证书，重新签发客户端证书", "证书重新签发后 VPN 连接正常"),
					new Template("电子政务外网访问缓慢", "单位电子政务外网访问各类业务系统明显变慢", "检查出口链路流量，定位并限制异常大流量终端", "异常终端已处置，网络访问恢复正常"),
					new Template("终端杀毒软件告警", "{n} 台终端杀毒软件报告发现木马病毒", "隔离受感染终端，全盘查杀并修补系统漏洞", "病毒已清除，终端已恢复入网"),
					new Template("防火墙拦截业务系统访问", "防火墙策略调整后，业务系统 {ip} 无法访问", "核对防火墙策略，恢复业务所需的访问规则", "策略已恢复，业务访问正常"),
					new Template("发现异常外联行为", "安全设备告警：终端 {ip} 频繁连接境外可疑地址", "阻断可疑外联，取证分析并清除恶意程序", "恶意程序已清除，外联已阻断"),
					new Template("网站页面疑似被篡改", "门户网站部分页面内容异常，疑似被篡改", "下线受影响页面，排查漏洞并恢复网页", "网页已恢复，漏洞已修复")));

	static final Map<String, List<Template>> REQUESTS = Map.of(
			"OFFICE_EQUIPMENT", List.of(
					new Template("申请安装打印机驱动", "新配发电脑需要连接{floor}楼网络打印机", "远程安装驱动并添加打印机", "驱动已安装，测试打印正常"),
					new Template("申请新增办公电脑", "新入职人员需要配置办公电脑 {n} 台", "准备设备，安装操作系统与办公软件并交付", "电脑已交付使用"),
					new Template("申请更换硒鼓", "{floor}楼打印机硒鼓即将用尽，申请更换", "更换硒鼓并回收旧硒鼓", "硒鼓已更换"),
					new Template("申请安装国产办公软件", "需要在 {n} 台电脑上安装国产办公套件", "安装并激活办公软件，迁移模板", "软件已安装激活")),
			"INFRASTRUCTURE", List.of(
					new Template("申请新增网络信息点", "{floor}楼会议室需要新增 {n} 个网络信息点", "现场勘查布线路由，敷设网线并安装面板", "信息点已安装并测试通过"),
					new Template("申请开通门禁权限", "新入职人员需要开通 {floor} 层门禁权限", "在门禁系统中登记卡号并授权", "门禁权限已开通"),
					new Template("申请机房设备上架", "需要在机房上架服务器 {n} 台", "分配机柜位置与电源，完成上架与标签", "设备已上架加电")),
			"GOVERNMENT_CLOUD", List.of(
					new Template("申请扩容云主机内存", "业务高峰期内存不足，申请将 {host} 内存扩容至 32GB", "评估资源配额并在线扩容内存", "内存已扩容至 32GB"),
					new Template("申请新建云数据库实例", "新建业务系统需要数据库实例一套", "按规格创建数据库实例并配置备份策略", "数据库实例已创建并交付"),
					new Template("申请云主机快照备份", "系统升级前申请对 {host} 做快照备份", "创建云主机快照并验证", "快照已创建"),
					new Template("申请开通对象存储", "业务系统需要开通对象存储空间 {n}TB", "创建存储桶并分配访问密钥", "对象存储已开通")),
			"NETWORK_SECURITY", List.of(
					new Template("申请开通 VPN 账号", "因远程办公需要，申请开通 VPN 账号 {n} 个", "创建 VPN 账号并下发客户端证书", "VPN 账号已开通"),
					new Template("申请防火墙开通端口", "业务系统对接需要开通 {ip} 的 443 端口访问", "审核策略申请并在防火墙上配置", "防火墙策略已开通"),
					new Template("申请漏洞扫描", "系统上线前申请进行安全漏洞扫描", "执行漏洞扫描并出具报告", "扫描报告已出具，高危漏洞已整改"),
					new Template("申请上网行为策略调整", "申请放开业务所需的网站访问", "评估访问需求并调整上网行为策略", "策略已调整")));

	static final String[] LOCATIONS = { "办公室", "会议室", "档案室", "服务大厅", "值班室", "机房" };
	static final String[] URGENCY_NOTES = { "影响正常办公，请尽快处理。", "多人受影响，请优先处理。", "今天下午有重要会议，请务必尽快处理。",
			"暂时可以绕开使用，请安排处理。", "请工程师尽快联系。" };
	static final String[] REPLIES = { "您好，已收到您的报修，工程师将尽快与您联系。", "您好，问题已受理，我们正在排查，请保持电话畅通。",
			"您好，工程师已出发，预计三十分钟内到达现场。", "您好，已远程查看，需要您配合重启一下设备。" };
	static final String[] CUSTOMER_REPLIES = { "好的，谢谢。", "已重启，问题依旧。", "工程师什么时候能到？", "收到，我们在办公室等候。" };
	static final String[] NOTES = { "初步判断为硬件故障，已联系备件。", "与厂商二线确认过处理方案。", "用户反映问题多次出现，需关注。",
			"已核对资产台账，设备在保修期内。", "需协调机房值班人员配合。" };
	static final String[] PENDING_CUSTOMER = { "等待用户确认方便上门的时间。", "等待用户提供报错截图。", "用户外出，约定明天处理。" };
	static final String[] PENDING_THIRD_PARTY = { "等待厂商备件到货。", "等待运营商排查线路。", "等待原厂技术支持回复。" };
	static final String[] RATING_COMMENTS = { "处理及时，服务态度好。", "工程师很专业，问题解决了。", "响应很快，满意。", null, null,
			"总体满意，希望能更快一些。" };

	private TicketDatasetTexts() {
	}

	static String fill(String text, SplittableRandom random) {
		if (text.indexOf('{') < 0) {
			return text;
		}
		return text.replace("{floor}", String.valueOf(1 + random.nextInt(18)))
			.replace("{n}", String.valueOf(2 + random.nextInt(60)))
			.replace("{host}", "zw-app-%03d".formatted(1 + random.nextInt(400)))
			.replace("{ip}", "10.%d.%d.%d".formatted(20 + random.nextInt(30), random.nextInt(256), 2 + random.nextInt(250)));
	}

	static <T> T pick(T[] values, SplittableRandom random) {
		return values[random.nextInt(values.length)];
	}
}
