package dev.delegatemcp.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/** All credentials of a tool call with several {@link Downstream} targets, by logical target name. */
public final class DownstreamCredentials {

    private final Map<String, DownstreamCredential> byTarget;

    public DownstreamCredentials(Map<String, DownstreamCredential> byTarget) {
        this.byTarget = Collections.unmodifiableMap(new LinkedHashMap<>(byTarget));
    }

    /** The credential for a target the tool declared. */
    public DownstreamCredential get(String target) {
        DownstreamCredential credential = byTarget.get(target);
        if (credential == null) {
            throw new NoSuchElementException("No @Downstream target named " + target + " on this tool; it has "
                    + byTarget.keySet());
        }
        return credential;
    }

    public Map<String, DownstreamCredential> asMap() {
        return byTarget;
    }

    @Override
    public String toString() {
        return "DownstreamCredentials" + byTarget.values();
    }
}
