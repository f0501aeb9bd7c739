package io.github.mavenaws.codeartifact.cli;

import io.github.mavenaws.codeartifact.token.AwsProxies;
import io.github.mavenaws.codeartifact.token.AwsProxy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The user's settings.xml {@code <proxy>} for the commands' AWS calls, as a build's Maven picks it: the first active
 * proxy whose protocol is {@code https}, except for its {@code nonProxyHosts} ({@code |}-separated, {@code *}
 * wildcards). A password Maven encrypted ({@code {...}}, {@code mvn --encrypt-password}) is decrypted by Maven
 * alone: the command uses the proxy without it and says so where the proxy is named.
 */
final class SettingsXmlProxy implements AwsProxies {
    private final AwsProxy proxy;
    private final String nonProxyHosts;

    private SettingsXmlProxy(AwsProxy proxy, String nonProxyHosts) {
        this.proxy = proxy;
        this.nonProxyHosts = nonProxyHosts;
    }

    /**
     * @param settings the user's settings.xml, read when it exists, not null
     * @return its https proxy, or {@link AwsProxies#DIRECT} when it names none or cannot be read (the doctor
     *     reports a settings.xml that is not well-formed where it reads its repositories)
     */
    static AwsProxies read(Path settings) {
        Objects.requireNonNull(settings, "settings cannot be null");
        if (!Files.isRegularFile(settings)) {
            return DIRECT;
        }
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());
            root = builder.parse(settings.toFile()).getDocumentElement();
        } catch (SAXException | ParserConfigurationException | IOException e) {
            return DIRECT;
        }
        Element proxies = child(root, "proxies");
        if (proxies == null) {
            return DIRECT;
        }
        for (Node node = proxies.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (!(node instanceof Element) || !"proxy".equals(((Element) node).getTagName())) {
                continue;
            }
            Element element = (Element) node;
            String active = text(element, "active");
            String protocol = text(element, "protocol");
            String host = text(element, "host");
            if ("false".equalsIgnoreCase(active) || host == null
                    || !"https".equalsIgnoreCase(protocol == null ? "http" : protocol)) {
                continue;
            }
            String port = text(element, "port");
            String id = text(element, "id");
            String password = text(element, "password");
            boolean encrypted = password != null && password.matches("(?s).*(?<!\\\\)\\{.*(?<!\\\\)}.*");
            String source = "settings.xml <proxy>" + (id == null ? "" : " '" + id + "'")
                    + (encrypted ? ", its encrypted password not decrypted outside Maven" : "");
            int number;
            try {
                number = port == null ? 8080 : Integer.parseInt(port);
            } catch (NumberFormatException e) {
                number = 8080;
            }
            return new SettingsXmlProxy(new AwsProxy(host, number, text(element, "username"),
                    encrypted ? null : password, source), text(element, "nonProxyHosts"));
        }
        return DIRECT;
    }

    @Override
    public AwsProxy forHost(String host) {
        Objects.requireNonNull(host, "host cannot be null");
        if (nonProxyHosts != null) {
            for (String pattern : nonProxyHosts.split("[|,]")) {
                String p = pattern.trim().toLowerCase(Locale.ROOT);
                if (!p.isEmpty() && host.toLowerCase(Locale.ROOT).matches(glob(p))) {
                    return null;
                }
            }
        }
        return proxy;
    }

    /** A nonProxyHosts entry as a regular expression: {@code *} matches anything, the rest itself. */
    private static String glob(String pattern) {
        String[] parts = pattern.split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            if (!parts[i].isEmpty()) {
                regex.append(Pattern.quote(parts[i]));
            }
        }
        return regex.toString();
    }

    private static Element child(Element element, String name) {
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element && name.equals(((Element) node).getTagName())) {
                return (Element) node;
            }
        }
        return null;
    }

    private static String text(Element element, String name) {
        Element child = child(element, name);
        String text = child == null ? null : child.getTextContent().trim();
        return text == null || text.isEmpty() ? null : text;
    }
}
