package org.yunwei.cmdb.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The classes by id, and which of them are application systems (应用系统) or business services (业务服务), their
 * subclasses included: worked out once per analysis from the assembled classes rather than per reached item.
 */
final class ServiceLevelClasses {

	private final Map<Long, CiClass> byId;
	private final Set<Long> applications;
	private final Set<Long> services;

	private ServiceLevelClasses(Map<Long, CiClass> byId, Set<Long> applications, Set<Long> services) {
		this.byId = byId;
		this.applications = applications;
		this.services = services;
	}

	static ServiceLevelClasses of(List<CiClass> all) {
		Map<Long, CiClass> byId = HashMap.newHashMap(all.size());
		Long applicationClass = null;
		Long serviceClass = null;
		for (CiClass c : all) {
			byId.put(c.id(), c);
			if (c.code().equalsIgnoreCase("APPLICATION_SYSTEM") && applicationClass == null) {
				applicationClass = c.id();
			}
			if (c.code().equalsIgnoreCase("BUSINESS_SERVICE") && serviceClass == null) {
				serviceClass = c.id();
			}
		}
		Set<Long> applications = new HashSet<>();
		Set<Long> services = new HashSet<>();
		for (CiClass c : all) {
			if (applicationClass != null && c.within(applicationClass)) {
				applications.add(c.id());
			}
			if (serviceClass != null && c.within(serviceClass)) {
				services.add(c.id());
			}
		}
		return new ServiceLevelClasses(byId, applications, services);
	}

	CiClass get(long classId) {
		return byId.get(classId);
	}

	boolean application(long classId) {
		return applications.contains(classId);
	}

	boolean service(long classId) {
		return services.contains(classId);
	}
}
