package io.github.mavenaws.codeartifact.token;

import java.util.ArrayList;
import java.util.List;

/**
 * The proxies of the builds whose {@link AwsClients} are open, for {@link ProxiedHttpService}, which the SDK's
 * service loader creates and so can be given nothing. The one static state of the extension. Kept apart from that
 * service, whose interface is the SDK's, so that opening clients loads no SDK class: a build served from the disk
 * cache loads none. Two builds at once in one JVM (a Maven daemon) share the later one's proxies for the SDK's
 * internal clients; without a build, the environment's.
 */
final class OpenProxies {
    /** The proxies of the open AwsClients, latest last: one build may open several (the doctor does). */
    private static final List<AwsProxies> OPEN = new ArrayList<>();

    private OpenProxies() {}

    static void use(AwsProxies proxies) {
        synchronized (OPEN) {
            OPEN.add(proxies);
        }
    }

    static void release(AwsProxies proxies) {
        synchronized (OPEN) {
            OPEN.remove(proxies);
        }
    }

    /** The latest open clients' proxies, or null when no clients are open. */
    static AwsProxies current() {
        synchronized (OPEN) {
            return OPEN.isEmpty() ? null : OPEN.get(OPEN.size() - 1);
        }
    }
}
