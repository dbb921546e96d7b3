/**
 * Configuration management (配置管理, Hunan 7.4): the classes of configuration items with the typed attributes
 * administrators define for them (inheritance from parent classes, required and unique rules), the configuration
 * items themselves with their lifecycle, owner, custodian, customer unit, location, purchase and warranty data, the
 * asset ledger (设备台账) with its Excel export, the history of every change (配置项的变化记录) with "as of" views,
 * the relations between items and the impact analysis over them.
 * <p>
 * It owns the tables {@code ci_class}, {@code ci_attribute}, {@code configuration_item}, {@code ci_unique_value},
 * {@code ci_change}, {@code ci_relation}, {@code ci_pending_change}, {@code ci_spare_part}, {@code ci_spare_stock},
 * {@code ci_spare_movement} and {@code ci_import_job}. Other modules see items through {@link ConfigurationItems} and hear of
 * changes through {@link ConfigurationItemChanged}.
 * <p>
 * Depends on {@code identity} for who is asking, their permissions and scope, and the names of units, parties and
 * people; on {@code catalog} for which customer units a provider serves (the units that may order one of its
 * services), which decides the items a provider sees; on {@code audit} to record every write in the same
 * transaction; on {@code web} for refusals, field errors and keyset pages; on {@code compliance} to report the
 * ledger's completeness, the reviews and the change records as evidence; on {@code approval} to have the edits of
 * items of the classes that require it reviewed before they apply (配置管理审核流程: it asks with the change's hash and
 * listens for the decision; approval knows nothing of items); and on {@code document} to know whether the
 * 配置管理制度 is in force, the rules the ledger's evidence rests on; and on {@code ticket} for the open incidents that
 * name an item (its facade) and to name the item a monitoring alert's host is (it implements the service desk's
 * {@code ConfigurationItemNames}, so that the service desk depends on nothing of this module). The ticket pages show
 * the item picker and the item box as fragments this module serves. It tells the keepers of spare parts that run low
 * through {@code notification} (a {@code Notice}), and adds its items and relations to the generated city through
 * {@code dataset}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Configuration management",
		allowedDependencies = { "identity", "catalog", "audit", "web", "compliance", "approval", "document", "ticket",
				"notification", "dataset" })
package org.yunwei.cmdb;
