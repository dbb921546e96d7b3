/**
 * Printing (报表文档): a report as a document to download — a Thymeleaf template rendered to XHTML, then laid out
 * as PDF (openhtmltopdf through PDFBox, with the Chinese font Noto Sans SC embedded as TrueType outlines, so that
 * the text reads and extracts on any machine) or written as Word (.docx, Apache POI) from the same XHTML.
 * <p>
 * A module of its own rather than a part of {@code web}: the reports are produced by several modules (emergency,
 * inspection) that already depend on {@code web}, but printing needs nothing of the web layer and owns heavy
 * libraries and the font, which stay behind the one facade {@link org.yunwei.printing.Printing}. It owns no data and
 * depends on no other module: the templates and their messages belong to the module that prints.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Printing", allowedDependencies = {})
package org.yunwei.printing;
