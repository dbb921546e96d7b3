/**
 * Configuration management (配置管理, Hunan 7.4): the classes of configuration items with the typed attributes
 * administrators define for them (inheritance from parent classes, required and unique rules), the configuration
 * items themselves with their lifecycle, owner, custodian, customer unit, location, purchase and warranty data, the
 * asset ledger (设备台账) with its Excel export, the history of every change (配置项的变化记录) with "as of" views,
 * the relations between items and the impact analysis over them.
 * <p>
 * It owns the tables {@code ci_class}, {@code ci_attribute}, {@code configuration_item}, {@code ci_unique_value},
 * {@code ci_change} and {@code ci_relation}. Other modules see items through {@link ConfigurationItems} and hear of
 * changes through {@link ConfigurationItemChanged}.
 * <p>
 * Depends on {@code identity} for who is asking, their permissions and scope, and the names of units, parties and
 * people; on {@code catalog} for which customer units a provider serves (the units that may order one of its
 * services), which decides the items a provider sees; on {@code audit} to record every write in the same
 * transaction; on {@code web} for refusals, field errors and keyset pages; and on {@code compliance} to report the
 * ledger's completeness as evidence.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Configuration management",
		allowedDependencies = { "identity", "catalog", "audit", "web", "compliance" })
package org.yunwei.cmdb;
