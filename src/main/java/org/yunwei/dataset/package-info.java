/**
 * The data generator (数据生成): fills a database with a realistic, reproducible city — parties and organisations,
 * people, catalogue, SLAs, tickets with their timelines and SLA clocks — for demonstrations and benchmarks
 * ({@code java -jar yunwei.jar generate --tickets=1000000}, see {@code docs/dataset-generator.md}).
 * <p>
 * Each business module contributes its own data by implementing {@link org.yunwei.dataset.Dataset} in its
 * {@code internal} package; this module orders the contributors, runs their chunks each in one transaction together
 * with a progress row (so that a rerun resumes), and passes what earlier contributors made to later ones through a
 * {@link org.yunwei.dataset.DatasetContext}, never through another module's tables.
 * <p>
 * Depends on {@code audit} for the one audit record of a run. The business modules depend on this one, not the
 * other way round.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Data generator", allowedDependencies = { "audit" })
package org.yunwei.dataset;
