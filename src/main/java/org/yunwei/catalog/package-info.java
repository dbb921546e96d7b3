/**
 * The service catalogue (服务目录, GZ 6.1.5, 9.1.1): a tree of service categories and the services in it, each with
 * its service objects (服务对象), the organisation that provides it, quantified indicators and the customer
 * organisations that may order it. Management keeps it; customers browse it in the portal.
 * <p>
 * Depends on {@code identity} for who is asking and for the organisation units a service names, on {@code audit}
 * to record every change and on {@code web} for refusals.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service catalogue",
		allowedDependencies = { "identity", "audit", "web", "dataset" })
package org.yunwei.catalog;
