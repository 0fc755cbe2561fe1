package dev.delegatemcp.samples.connections.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import dev.delegatemcp.samples.connections.apps.SampleApp;
import dev.delegatemcp.samples.connections.vault.ConnectionLevel;

import org.junit.jupiter.api.Test;

class ConnectPageTest {

    @Test
    void showsTheCommandToRun() {
        String page = ConnectPage.render(SampleApp.DOCS, ConnectionLevel.TENANT, List.of("docs.write"));

        assertTrue(page.contains("bin/connect &lt;user&gt; docs --tenant docs.write"), page);
        assertTrue(page.contains("bin/connect alice docs --tenant docs.write"), page);
    }

    @Test
    void escapesWhatItEchoes() {
        assertEquals("&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;",
                HtmlText.escape("<script>alert(\"x\") & 'y'</script>"));
        String page = ConnectPage.problem("There is no app named '<img src=x>'.");
        assertFalse(page.contains("<img"), page);
    }

    @Test
    void scopesDefaultToTheAppsAndAreSplitOnCommasAndSpaces() {
        assertEquals(List.of("calendar.read", "calendar.write"), RequestedScopes.parse(null, SampleApp.SCHEDULER));
        assertEquals(List.of("calendar.read", "calendar.write"), RequestedScopes.parse(" , ", SampleApp.SCHEDULER));
        assertEquals(List.of("calendar.read", "x:y/z"),
                RequestedScopes.parse("calendar.read, x:y/z calendar.read", SampleApp.SCHEDULER));
        assertThrows(IllegalArgumentException.class, () -> RequestedScopes.parse("crm.read;rm -rf", SampleApp.CRM));
        assertThrows(IllegalArgumentException.class, () -> RequestedScopes.parse("<b>", SampleApp.CRM));
    }
}
