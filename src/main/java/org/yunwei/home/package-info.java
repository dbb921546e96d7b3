/**
 * The home page of each person (首页): what they see first after signing in, in sections by what they do — a
 * customer's requests and what waits for them, an agent's queue, a service desk manager's groups and breaches,
 * management's and supervision's figures of the month, everyone's unread notifications — and the side navigation's
 * choices (which links a person sees, which one is the current page).
 * <p>
 * It owns no data: every section is read through the facades of the modules that own it, which apply the person's
 * permission and scope. Depends on {@code identity} for who is asking, on {@code ticket} for the queues, loads and
 * figures of the service desk, on {@code evaluation} for ratings, on {@code notification} for the unread
 * notifications, on {@code approval} for the count of what waits for the person's approval, on {@code document} for
 * the policies a person is to read and confirm (阅知), on {@code emergency} for who is on duty now (the desk
 * roles' page), and on {@code web} for the month as a date range.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Home",
		allowedDependencies = { "identity", "ticket", "evaluation", "notification", "approval", "document", "web", "emergency" })
package org.yunwei.home;
