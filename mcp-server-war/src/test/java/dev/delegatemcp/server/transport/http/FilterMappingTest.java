package dev.delegatemcp.server.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The web.xml's filter mappings, as Liberty applies them. */
class FilterMappingTest {

    @Test
    void noFilterIsMappedTwiceToOneRequestBecauseLibertyWouldRunItTwice() throws Exception {
        Document webXml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("src/main/webapp/WEB-INF/web.xml").toFile());
        NodeList mappings = webXml.getElementsByTagName("filter-mapping");
        Set<String> seen = new HashSet<>();
        List<String> twice = new ArrayList<>();
        for (int i = 0; i < mappings.getLength(); i++) {
            Element mapping = (Element) mappings.item(i);
            String filter = text(mapping, "filter-name").get(0);
            List<String> dispatchers = text(mapping, "dispatcher");
            for (String dispatcher : dispatchers.isEmpty() ? List.of("REQUEST") : dispatchers) {
                for (String pattern : text(mapping, "url-pattern")) {
                    // "/x/*" matches "/x" as well (Servlet 6.0, 12.2): both are one request path for this check
                    String path = pattern.endsWith("/*") ? pattern.substring(0, pattern.length() - 2) : pattern;
                    if (!seen.add(filter + " " + dispatcher + " " + path)) {
                        twice.add(filter + " on " + path + " (" + dispatcher + ")");
                    }
                }
            }
        }
        assertFalse(seen.isEmpty());
        assertEquals(List.of(), twice);
    }

    private static List<String> text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent().trim());
        }
        return values;
    }
}
