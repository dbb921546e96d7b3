-- The classes the standards name (office equipment, servers, storage, network and security devices, machine-room
-- facilities, cameras, wireless access points, conference systems, government-cloud resources, application systems
-- with their 等保 level, databases, middleware, business services), with 信创 attributes. Administrators add their
-- own classes and attributes beside these; built-in ones may be extended, not deleted.

create function pg_temp.cls(p_code text, p_name text, p_name_en text, p_parent text, p_description text)
    returns void language sql as $$
    insert into ci_class (code, name, name_en, parent_id, description, built_in)
    values (p_code, p_name, p_name_en, (select id from ci_class where code = p_parent), p_description, true)
$$;

create function pg_temp.attr(p_class text, p_code text, p_name text, p_name_en text, p_type text, p_required boolean,
        p_unique boolean, p_position int, p_options jsonb default '[]', p_reference text default null)
    returns void language sql as $$
    insert into ci_attribute (class_id, code, name, name_en, type, required, unique_value, position, options,
                              reference_class_id)
    values ((select id from ci_class where code = p_class), p_code, p_name, p_name_en, p_type, p_required, p_unique,
            p_position, p_options, (select id from ci_class where code = p_reference))
$$;

select pg_temp.cls('HARDWARE', '硬件设备', 'Hardware', null, '有形的设备与设施');
select pg_temp.cls('OFFICE_EQUIPMENT', '办公设备', 'Office equipment', 'HARDWARE', '终端与外设');
select pg_temp.cls('DESKTOP', '台式计算机', 'Desktop computer', 'OFFICE_EQUIPMENT', null);
select pg_temp.cls('LAPTOP', '笔记本电脑', 'Laptop', 'OFFICE_EQUIPMENT', null);
select pg_temp.cls('PRINTER', '打印机', 'Printer', 'OFFICE_EQUIPMENT', null);
select pg_temp.cls('PHONE', '电话机', 'Telephone', 'OFFICE_EQUIPMENT', null);
select pg_temp.cls('VIDEO_TERMINAL', '视频终端', 'Video terminal', 'OFFICE_EQUIPMENT', null);
select pg_temp.cls('SERVER', '服务器', 'Server', 'HARDWARE', null);
select pg_temp.cls('PHYSICAL_SERVER', '物理服务器', 'Physical server', 'SERVER', null);
select pg_temp.cls('VIRTUAL_MACHINE', '虚拟机', 'Virtual machine', 'SERVER', null);
select pg_temp.cls('STORAGE', '存储设备', 'Storage device', 'HARDWARE', null);
select pg_temp.cls('NETWORK_DEVICE', '网络设备', 'Network device', 'HARDWARE', null);
select pg_temp.cls('SECURITY_DEVICE', '安全设备', 'Security device', 'HARDWARE', null);
select pg_temp.cls('FACILITY', '机房设施', 'Machine-room facility', 'HARDWARE', null);
select pg_temp.cls('UPS', 'UPS不间断电源', 'UPS', 'FACILITY', null);
select pg_temp.cls('AIR_CONDITIONER', '精密空调', 'Precision air conditioner', 'FACILITY', null);
select pg_temp.cls('CAMERA', '摄像机', 'Camera', 'HARDWARE', null);
select pg_temp.cls('WIRELESS_AP', '无线接入点', 'Wireless access point', 'HARDWARE', null);
select pg_temp.cls('CONFERENCE_SYSTEM', '会议系统', 'Conference system', 'HARDWARE', null);
select pg_temp.cls('CLOUD_RESOURCE', '政务云资源', 'Government-cloud resource', null, '政务云平台分配的资源');
select pg_temp.cls('CLOUD_VM', '云主机', 'Cloud virtual machine', 'CLOUD_RESOURCE', null);
select pg_temp.cls('CLOUD_VOLUME', '云硬盘', 'Cloud volume', 'CLOUD_RESOURCE', null);
select pg_temp.cls('CLOUD_NETWORK', '云网络', 'Cloud network', 'CLOUD_RESOURCE', null);
select pg_temp.cls('SOFTWARE', '软件', 'Software', null, '应用、数据库与中间件');
select pg_temp.cls('APPLICATION_SYSTEM', '应用系统', 'Application system', 'SOFTWARE', null);
select pg_temp.cls('DATABASE', '数据库', 'Database', 'SOFTWARE', null);
select pg_temp.cls('MIDDLEWARE', '中间件', 'Middleware', 'SOFTWARE', null);
select pg_temp.cls('BUSINESS_SERVICE', '业务服务', 'Business service', null, '面向使用方的服务，影响分析的终点');

with recursive tree as (
    select id, '/' || id || '/' as path from ci_class where parent_id is null
    union all
    select c.id, t.path || c.id || '/' from ci_class c join tree t on c.parent_id = t.id
)
update ci_class c set path = tree.path from tree where tree.id = c.id;

-- 信创 (domestic IT) choices
create temporary table xc (name text, value jsonb);
insert into xc values
('arch', '[{"code":"ARM64","name":"ARM64（鲲鹏/飞腾）","nameEn":"ARM64 (Kunpeng/Phytium)"},
           {"code":"X86_64","name":"x86_64（海光/兆芯/Intel/AMD）","nameEn":"x86_64 (Hygon/Zhaoxin/Intel/AMD)"},
           {"code":"LOONGARCH","name":"LoongArch（龙芯）","nameEn":"LoongArch (Loongson)"},
           {"code":"MIPS64","name":"MIPS64","nameEn":"MIPS64"},
           {"code":"SW64","name":"SW64（申威）","nameEn":"SW64 (Sunway)"}]'),
('vendor', '[{"code":"KUNPENG","name":"鲲鹏","nameEn":"Kunpeng"},{"code":"PHYTIUM","name":"飞腾","nameEn":"Phytium"},
             {"code":"HYGON","name":"海光","nameEn":"Hygon"},{"code":"LOONGSON","name":"龙芯","nameEn":"Loongson"},
             {"code":"ZHAOXIN","name":"兆芯","nameEn":"Zhaoxin"},{"code":"SUNWAY","name":"申威","nameEn":"Sunway"},
             {"code":"INTEL","name":"英特尔","nameEn":"Intel"},{"code":"AMD","name":"AMD","nameEn":"AMD"}]'),
('os', '[{"code":"KYLIN","name":"银河麒麟","nameEn":"Kylin"},{"code":"UOS","name":"统信UOS","nameEn":"UnionTech UOS"},
         {"code":"NEOKYLIN","name":"中标麒麟","nameEn":"NeoKylin"},{"code":"OPENEULER","name":"openEuler","nameEn":"openEuler"},
         {"code":"ANOLIS","name":"龙蜥Anolis OS","nameEn":"Anolis OS"},{"code":"WINDOWS","name":"Windows","nameEn":"Windows"},
         {"code":"CENTOS","name":"CentOS","nameEn":"CentOS"},{"code":"OTHER","name":"其他","nameEn":"Other"}]'),
('yesno', '[{"code":"YES","name":"是","nameEn":"Yes"},{"code":"NO","name":"否","nameEn":"No"}]');

create function pg_temp.xc(p_name text) returns jsonb language sql as $$ select value from xc where name = p_name $$;

create function pg_temp.computing(p_class text) returns void language sql as $$
    select pg_temp.attr(p_class, 'cpu_arch', 'CPU架构', 'CPU architecture', 'ENUM', false, false, 10, pg_temp.xc('arch'));
    select pg_temp.attr(p_class, 'cpu_vendor', 'CPU厂商', 'CPU vendor', 'ENUM', false, false, 11, pg_temp.xc('vendor'));
    select pg_temp.attr(p_class, 'os', '操作系统', 'Operating system', 'ENUM', false, false, 12, pg_temp.xc('os'));
    select pg_temp.attr(p_class, 'os_version', '操作系统版本', 'OS version', 'TEXT', false, false, 13);
    select pg_temp.attr(p_class, 'xinchuang', '信创产品', 'Domestic IT (信创) product', 'ENUM', false, false, 14, pg_temp.xc('yesno'));
$$;

select pg_temp.attr('HARDWARE', 'brand', '品牌', 'Brand', 'TEXT', false, false, 1);
select pg_temp.attr('HARDWARE', 'model', '型号', 'Model', 'TEXT', false, false, 2);
select pg_temp.computing('DESKTOP');
select pg_temp.computing('LAPTOP');
select pg_temp.computing('SERVER');
select pg_temp.computing('CLOUD_VM');
select pg_temp.attr('PRINTER', 'print_type', '打印类型', 'Print type', 'ENUM', false, false, 20,
    '[{"code":"LASER","name":"激光","nameEn":"Laser"},{"code":"INKJET","name":"喷墨","nameEn":"Inkjet"},{"code":"DOT_MATRIX","name":"针式","nameEn":"Dot matrix"}]');
select pg_temp.attr('PHONE', 'extension', '分机号', 'Extension', 'TEXT', false, true, 20);
select pg_temp.attr('SERVER', 'cpu_cores', 'CPU核数', 'CPU cores', 'NUMBER', false, false, 20);
select pg_temp.attr('SERVER', 'memory_gb', '内存(GB)', 'Memory (GB)', 'NUMBER', false, false, 21);
select pg_temp.attr('PHYSICAL_SERVER', 'u_height', '高度(U)', 'Height (U)', 'NUMBER', false, false, 30);
select pg_temp.attr('PHYSICAL_SERVER', 'bmc_ip', '带外管理IP', 'BMC address', 'IP_ADDRESS', false, true, 31);
select pg_temp.attr('VIRTUAL_MACHINE', 'host', '宿主机', 'Host', 'REFERENCE', false, false, 30, '[]', 'PHYSICAL_SERVER');
select pg_temp.attr('STORAGE', 'storage_type', '存储类型', 'Storage type', 'ENUM', false, false, 20,
    '[{"code":"SAN","name":"SAN","nameEn":"SAN"},{"code":"NAS","name":"NAS","nameEn":"NAS"},{"code":"DISTRIBUTED","name":"分布式存储","nameEn":"Distributed"},{"code":"TAPE","name":"磁带库","nameEn":"Tape library"}]');
select pg_temp.attr('STORAGE', 'capacity_tb', '容量(TB)', 'Capacity (TB)', 'NUMBER', false, false, 21);
select pg_temp.attr('NETWORK_DEVICE', 'device_type', '设备类型', 'Device type', 'ENUM', true, false, 20,
    '[{"code":"SWITCH","name":"交换机","nameEn":"Switch"},{"code":"ROUTER","name":"路由器","nameEn":"Router"},{"code":"WLC","name":"无线控制器","nameEn":"Wireless controller"},{"code":"LOAD_BALANCER","name":"负载均衡","nameEn":"Load balancer"}]');
select pg_temp.attr('NETWORK_DEVICE', 'network_role', '网络层级', 'Network tier', 'ENUM', false, false, 21,
    '[{"code":"CORE","name":"核心","nameEn":"Core"},{"code":"AGGREGATION","name":"汇聚","nameEn":"Aggregation"},{"code":"ACCESS","name":"接入","nameEn":"Access"}]');
select pg_temp.attr('NETWORK_DEVICE', 'port_count', '端口数', 'Ports', 'NUMBER', false, false, 22);
select pg_temp.attr('NETWORK_DEVICE', 'xinchuang', '信创产品', 'Domestic IT (信创) product', 'ENUM', false, false, 23, pg_temp.xc('yesno'));
select pg_temp.attr('SECURITY_DEVICE', 'security_type', '安全设备类型', 'Security device type', 'ENUM', true, false, 20,
    '[{"code":"FIREWALL","name":"防火墙","nameEn":"Firewall"},{"code":"IDS_IPS","name":"入侵检测/防御","nameEn":"IDS/IPS"},{"code":"WAF","name":"Web应用防火墙","nameEn":"WAF"},{"code":"BASTION","name":"堡垒机","nameEn":"Bastion host"},{"code":"VPN","name":"VPN网关","nameEn":"VPN gateway"},{"code":"GATEKEEPER","name":"网闸","nameEn":"Gatekeeper"},{"code":"AUDIT","name":"日志审计","nameEn":"Log audit"}]');
select pg_temp.attr('SECURITY_DEVICE', 'sm_crypto', '支持国密', 'Supports SM (国密) algorithms', 'ENUM', false, false, 21, pg_temp.xc('yesno'));
select pg_temp.attr('UPS', 'capacity_kva', '容量(kVA)', 'Capacity (kVA)', 'NUMBER', false, false, 20);
select pg_temp.attr('UPS', 'battery_replaced_on', '电池更换日期', 'Battery replaced on', 'DATE', false, false, 21);
select pg_temp.attr('AIR_CONDITIONER', 'cooling_kw', '制冷量(kW)', 'Cooling (kW)', 'NUMBER', false, false, 20);
select pg_temp.attr('CAMERA', 'resolution', '分辨率', 'Resolution', 'TEXT', false, false, 20);
select pg_temp.attr('CAMERA', 'gb28181_id', 'GB/T 28181编码', 'GB/T 28181 id', 'TEXT', false, true, 21);
select pg_temp.attr('WIRELESS_AP', 'ssid', 'SSID', 'SSID', 'TEXT', false, false, 20);
select pg_temp.attr('WIRELESS_AP', 'controller', '无线控制器', 'Controller', 'REFERENCE', false, false, 21, '[]', 'NETWORK_DEVICE');
select pg_temp.attr('CONFERENCE_SYSTEM', 'room_capacity', '会场容量(人)', 'Room capacity', 'NUMBER', false, false, 20);
select pg_temp.attr('CLOUD_RESOURCE', 'cloud_platform', '云平台', 'Cloud platform', 'TEXT', false, false, 1);
select pg_temp.attr('CLOUD_RESOURCE', 'tenant', '云租户', 'Tenant', 'TEXT', false, false, 2);
select pg_temp.attr('CLOUD_VM', 'vcpus', 'vCPU', 'vCPUs', 'NUMBER', false, false, 20);
select pg_temp.attr('CLOUD_VM', 'memory_gb', '内存(GB)', 'Memory (GB)', 'NUMBER', false, false, 21);
select pg_temp.attr('CLOUD_VOLUME', 'size_gb', '容量(GB)', 'Size (GB)', 'NUMBER', false, false, 20);
select pg_temp.attr('CLOUD_NETWORK', 'cidr', '网段', 'CIDR', 'TEXT', false, false, 20);
select pg_temp.attr('APPLICATION_SYSTEM', 'dengbao_level', '等保级别', 'MLPS (等保) level', 'ENUM', true, false, 20,
    '[{"code":"L1","name":"第一级","nameEn":"Level 1"},{"code":"L2","name":"第二级","nameEn":"Level 2"},{"code":"L3","name":"第三级","nameEn":"Level 3"},{"code":"L4","name":"第四级","nameEn":"Level 4"},{"code":"L5","name":"第五级","nameEn":"Level 5"}]');
select pg_temp.attr('APPLICATION_SYSTEM', 'filing_number', '等保备案编号', 'MLPS filing number', 'TEXT', false, true, 21);
select pg_temp.attr('APPLICATION_SYSTEM', 'url', '访问地址', 'Address', 'TEXT', false, false, 22);
select pg_temp.attr('APPLICATION_SYSTEM', 'xinchuang', '信创适配', 'Adapted to domestic IT (信创)', 'ENUM', false, false, 23, pg_temp.xc('yesno'));
select pg_temp.attr('DATABASE', 'db_product', '数据库产品', 'Database product', 'ENUM', true, false, 20,
    '[{"code":"DM","name":"达梦DM","nameEn":"Dameng DM"},{"code":"KINGBASE","name":"人大金仓KingbaseES","nameEn":"KingbaseES"},{"code":"OSCAR","name":"神通","nameEn":"Oscar"},{"code":"GBASE","name":"南大通用GBase","nameEn":"GBase"},{"code":"OPENGAUSS","name":"openGauss","nameEn":"openGauss"},{"code":"OCEANBASE","name":"OceanBase","nameEn":"OceanBase"},{"code":"TIDB","name":"TiDB","nameEn":"TiDB"},{"code":"POSTGRESQL","name":"PostgreSQL","nameEn":"PostgreSQL"},{"code":"MYSQL","name":"MySQL","nameEn":"MySQL"},{"code":"ORACLE","name":"Oracle","nameEn":"Oracle"}]');
select pg_temp.attr('DATABASE', 'db_version', '版本', 'Version', 'TEXT', false, false, 21);
select pg_temp.attr('DATABASE', 'port', '端口', 'Port', 'NUMBER', false, false, 22);
select pg_temp.attr('MIDDLEWARE', 'mw_product', '中间件产品', 'Middleware product', 'ENUM', true, false, 20,
    '[{"code":"TONGWEB","name":"东方通TongWeb","nameEn":"TongWeb"},{"code":"BES","name":"宝兰德BES","nameEn":"BES"},{"code":"APUSIC","name":"金蝶Apusic","nameEn":"Apusic"},{"code":"INFORSUITE","name":"中创InforSuite","nameEn":"InforSuite"},{"code":"TONGLINKQ","name":"东方通TongLINK/Q","nameEn":"TongLINK/Q"},{"code":"TOMCAT","name":"Tomcat","nameEn":"Tomcat"},{"code":"NGINX","name":"Nginx","nameEn":"Nginx"},{"code":"WEBLOGIC","name":"WebLogic","nameEn":"WebLogic"}]');
select pg_temp.attr('MIDDLEWARE', 'mw_version', '版本', 'Version', 'TEXT', false, false, 21);
select pg_temp.attr('BUSINESS_SERVICE', 'service_hours', '服务时间', 'Service hours', 'TEXT', false, false, 20);

drop function pg_temp.computing(text);
drop function pg_temp.xc(text);
drop function pg_temp.attr(text, text, text, text, text, boolean, boolean, int, jsonb, text);
drop function pg_temp.cls(text, text, text, text, text);
drop table xc;
