package org.clw.ledger.query.export;

import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An event log in XES, valid against the IEEE 1849-2016 schema: {@code xes.version} is the decimal the schema asks
 * for (2.0, the version that standard defines), and the elements carry no namespace because the schema declares
 * none (process-mining tools read them by local name either way).
 *
 * <p>A trace is in business time, the order things happened: events sorted by when they happened, the stored
 * sequence breaking ties. Attendance recorded after the fact is stored after later events but happened before them,
 * so sequence order would make {@code time:timestamp} go backwards. Each event keeps its stored {@code sequence}
 * and the time it was {@code recorded}, so the order of recording can still be recovered.
 */
final class XesLog {

    /** One stored event, as the log shows it. */
    record Entry(String type, long sequence, Instant occurredAt, Instant recordedAt, String role) {
    }

    private static final Comparator<Entry> BUSINESS_TIME = Comparator.comparing(Entry::occurredAt)
            .thenComparingLong(Entry::sequence);

    private final XMLStreamWriter xml;

    /** Starts the log: its header, the extensions it uses and its name. */
    XesLog(OutputStream out, String name) throws XMLStreamException {
        xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("log");
        xml.writeAttribute("xes.version", "2.0");
        extension("Concept", "concept", "http://www.xes-standard.org/concept.xesext");
        extension("Time", "time", "http://www.xes-standard.org/time.xesext");
        extension("Organizational", "org", "http://www.xes-standard.org/org.xesext");
        xml.writeEmptyElement("classifier");
        xml.writeAttribute("name", "Activity");
        xml.writeAttribute("keys", "concept:name");
        attribute("string", "concept:name", name);
    }

    /** A trace: the case's events in business time. */
    void trace(String caseId, List<Entry> entries) throws XMLStreamException {
        xml.writeStartElement("trace");
        attribute("string", "concept:name", caseId);
        for (Entry entry : entries.stream().sorted(BUSINESS_TIME).toList()) {
            xml.writeStartElement("event");
            attribute("string", "concept:name", entry.type());
            attribute("date", "time:timestamp", timestamp(entry.occurredAt()));
            attribute("string", "org:role", entry.role());
            attribute("int", "sequence", String.valueOf(entry.sequence()));
            attribute("date", "recorded", timestamp(entry.recordedAt()));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    /** Ends the log; not called when writing failed, so a broken export is never a well-formed short one. */
    void end() throws XMLStreamException {
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.flush();
    }

    /** Milliseconds at most: what the tools' date parsers read. */
    private static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private void extension(String name, String prefix, String uri) throws XMLStreamException {
        xml.writeEmptyElement("extension");
        xml.writeAttribute("name", name);
        xml.writeAttribute("prefix", prefix);
        xml.writeAttribute("uri", uri);
    }

    private void attribute(String type, String key, String value) throws XMLStreamException {
        xml.writeEmptyElement(type);
        xml.writeAttribute("key", key);
        xml.writeAttribute("value", value);
    }
}
