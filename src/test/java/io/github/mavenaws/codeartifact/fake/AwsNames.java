package io.github.mavenaws.codeartifact.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real AWS host names the fake answers for. Maven must use the very names it uses against AWS (no port,
 * no test-only host), so the fake's certificate and hosts file are built from this one list.
 */
final class AwsNames {

    /** Regions the certificate covers; a domain in any other region could not pass TLS. */
    static final List<String> REGIONS = List.of(
            "us-east-1", "us-east-2", "us-west-2",
            "eu-west-1", "eu-west-2", "eu-central-1", "eu-north-1", "eu-south-1",
            "ap-northeast-1", "ap-southeast-1", "ap-southeast-2", "ap-south-1",
            "ca-central-1", "sa-east-1");

    /** The global STS endpoint, signed for us-east-1. */
    static final String GLOBAL_STS = "sts.amazonaws.com";

    /** A VPC endpoint id for the {@code vpce} repository form; any id works, the hosts file makes it resolve. */
    static final String VPC_ENDPOINT_ID = "vpce-0fa4e7e7a1b2c3d4e-fake0aws";

    private static final String DOMAIN = "([a-z][a-z0-9-]{0,48}[a-z0-9])";
    private static final String OWNER = "([0-9]{12})";
    private static final String REGION = "([a-z]{2}(?:-[a-z]+)+-[0-9])";

    private static final Pattern STANDARD = Pattern.compile(
            DOMAIN + "-" + OWNER + "\\.d\\.codeartifact\\." + REGION + "\\.amazonaws\\.com");
    private static final Pattern DUAL_STACK = Pattern.compile(
            DOMAIN + "-" + OWNER + "\\.codeartifact\\." + REGION + "\\.on\\.aws");
    private static final Pattern VPC_ENDPOINT = Pattern.compile(
            "vpce-[a-z0-9-]+\\.d\\.codeartifact\\." + REGION + "\\.vpce\\.amazonaws\\.com");
    /** In the VPC endpoint form the domain moves into the path: {@code /maven/d/<domain>-<owner>/<repo>/...}. */
    private static final Pattern VPC_ENDPOINT_PATH = Pattern.compile("/maven/d/" + DOMAIN + "-" + OWNER + "(/.*)");
    private static final Pattern API = Pattern.compile("(codeartifact|sts)\\." + REGION + "\\.amazonaws\\.com");
    private static final Pattern SSO = Pattern.compile("(portal\\.sso|oidc)\\." + REGION + "\\.amazonaws\\.com");
    private static final Pattern S3 = Pattern.compile("[a-z0-9][a-z0-9.-]*\\.s3\\." + REGION + "\\.amazonaws\\.com");

    private AwsNames() {
    }

    /** Where a repository request is addressed: its domain and the path below the host's repository root. */
    record RepositoryAddress(String domain, String owner, String region, String path) {
    }

    /** Subject alternative names of the fake's certificate, in keytool's {@code -ext SAN=} syntax. */
    static List<String> certificateNames() {
        List<String> names = new ArrayList<>();
        for (String r : REGIONS) {
            names.add("dns:codeartifact." + r + ".amazonaws.com");
            names.add("dns:sts." + r + ".amazonaws.com");
            names.add("dns:*.d.codeartifact." + r + ".amazonaws.com");
            names.add("dns:*.codeartifact." + r + ".on.aws");
            names.add("dns:*.d.codeartifact." + r + ".vpce.amazonaws.com");
            names.add("dns:*.s3." + r + ".amazonaws.com");
            names.add("dns:" + ssoPortalHost(r));
            names.add("dns:" + ssoOidcHost(r));
        }
        names.add("dns:" + GLOBAL_STS);
        names.add("dns:localhost");
        names.add("ip:127.0.0.1");
        names.add("ip:" + FakeAws.address());
        // an attacker's names and addresses, certified as an attacker's own would be
        HostileHost.NAMES.forEach(name -> names.add("dns:" + name));
        HostileHost.IP_LITERALS.forEach(address -> names.add("ip:" + address));
        return names;
    }

    /** The API endpoints the SDK resolves by default (SSO's included), each to be mapped to loopback. */
    static List<String> apiHosts() {
        List<String> hosts = new ArrayList<>();
        for (String r : REGIONS) {
            hosts.add("codeartifact." + r + ".amazonaws.com");
            hosts.add("sts." + r + ".amazonaws.com");
            hosts.add(ssoPortalHost(r));
            hosts.add(ssoOidcHost(r));
        }
        hosts.add(GLOBAL_STS);
        return hosts;
    }

    /** IAM Identity Center's portal, where SSO profiles exchange the cached login for role credentials. */
    static String ssoPortalHost(String region) {
        return "portal.sso." + region + ".amazonaws.com";
    }

    /** IAM Identity Center's OIDC service, where {@code sso_session} profiles refresh their cached login. */
    static String ssoOidcHost(String region) {
        return "oidc." + region + ".amazonaws.com";
    }

    static String repositoryHost(String domain, String owner, String region) {
        return domain + "-" + owner + ".d.codeartifact." + region + ".amazonaws.com";
    }

    static String dualStackHost(String domain, String owner, String region) {
        return domain + "-" + owner + ".codeartifact." + region + ".on.aws";
    }

    static String vpcEndpointHost(String region) {
        return VPC_ENDPOINT_ID + ".d.codeartifact." + region + ".vpce.amazonaws.com";
    }

    static String s3Host(String bucket, String region) {
        return bucket + ".s3." + region + ".amazonaws.com";
    }

    static void requireKnownRegion(String region) {
        if (!REGIONS.contains(region)) {
            throw new IllegalArgumentException("Region " + region + " is not in the fake's certificate; use one of " + REGIONS);
        }
    }

    /** The repository a request addresses, or null when the host is not a CodeArtifact repository host. */
    static RepositoryAddress parseRepository(String host, String path) {
        Matcher m = STANDARD.matcher(host);
        if (!m.matches()) {
            m = DUAL_STACK.matcher(host);
        }
        if (m.matches()) {
            return new RepositoryAddress(m.group(1), m.group(2), m.group(3), path);
        }
        Matcher vpce = VPC_ENDPOINT.matcher(host);
        if (vpce.matches()) {
            Matcher p = VPC_ENDPOINT_PATH.matcher(path);
            // a VPC endpoint path without the domain addresses nothing we serve: null domain, the endpoint 404s
            return p.matches()
                    ? new RepositoryAddress(p.group(1), p.group(2), vpce.group(1), "/maven" + p.group(3))
                    : new RepositoryAddress(null, null, vpce.group(1), path);
        }
        return null;
    }

    /** The region named by a regional API host, us-east-1 for global STS, null for any other host. */
    static String apiHostRegion(String host) {
        if (GLOBAL_STS.equals(host)) {
            return "us-east-1";
        }
        Matcher m = API.matcher(host);
        return m.matches() ? m.group(2) : null;
    }

    static boolean isStsHost(String host) {
        return GLOBAL_STS.equals(host) || host.startsWith("sts.") && apiHostRegion(host) != null;
    }

    static boolean isCodeArtifactApiHost(String host) {
        return host.startsWith("codeartifact.") && apiHostRegion(host) != null;
    }

    static boolean isSsoPortalHost(String host) {
        return host.startsWith("portal.sso.") && ssoRegion(host) != null;
    }

    static boolean isSsoOidcHost(String host) {
        return host.startsWith("oidc.") && ssoRegion(host) != null;
    }

    /** The region of an IAM Identity Center portal or OIDC host, null for any other host. */
    static String ssoRegion(String host) {
        Matcher m = SSO.matcher(host);
        return m.matches() ? m.group(2) : null;
    }

    static boolean isS3Host(String host) {
        return S3.matcher(host).matches();
    }

    /** Host header without port, lower case: {@code Host: localhost:8443} is host {@code localhost}. */
    static String hostOnly(String hostHeader) {
        if (hostHeader == null) {
            return "";
        }
        String h = hostHeader.trim().toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        return colon > 0 && h.indexOf(']') < colon ? h.substring(0, colon) : h;
    }
}
