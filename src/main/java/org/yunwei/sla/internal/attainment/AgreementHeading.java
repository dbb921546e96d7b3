package org.yunwei.sla.internal.attainment;

/** The agreement a report is about, as its readers know it. */
public record AgreementHeading(long id, String code, String name) {
}
