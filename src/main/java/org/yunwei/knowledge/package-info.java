/**
 * The knowledge base (知识库): articles with a Markdown body, category, tags, the services they apply to, an owner and
 * a review date, kept internal or published to customers (self-service). An article goes draft → in review →
 * published → retired; every publication is a new version, approved through the approval module (入库审批) for the
 * content hash that was submitted, and the versions stay with a line diff between any two. Published articles are
 * searchable in Chinese and English through a Lucene index beside the data that follows the database by a change log.
 * <p>
 * Depends on {@code identity} for who is asking and their scope; on {@code audit} to record every transition in the
 * same transaction; on {@code web} for refusals; on {@code approval} to have each version approved before it is
 * published (it asks with the version's hash and listens for the decision; approval knows nothing of articles); and
 * on {@code search} to answer global search for the kind {@code article}; on {@code catalog} and {@code cmdb} for the
 * services and configuration items an article applies to (checked when written, named on the pages, the items
 * through the CMDB's picker within the author's scope); on {@code notification} to remind owners of reviews; and on
 * {@code ticket} for the similar resolved incidents suggested while a ticket is written and for who may link an
 * article to a ticket (the ticket module includes this module's boxes by htmx and knows nothing of articles); and
 * on {@code compliance} to evidence 6.2.2b–e and, in part, 5.6.2a.2; and on {@code dataset} to add the generated
 * city's articles.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge",
		allowedDependencies = { "identity", "audit", "web", "approval", "search", "catalog", "cmdb",
				"notification", "ticket", "compliance",
				"dataset" })
package org.yunwei.knowledge;
