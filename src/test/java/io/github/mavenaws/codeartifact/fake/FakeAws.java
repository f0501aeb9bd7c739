package io.github.mavenaws.codeartifact.fake;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * AWS as Maven meets it (CodeArtifact's API, STS, CodeArtifact repository hosts and the S3 asset buckets, and the
 * IAM Identity Center portal that SSO profiles sign in through) served in process over real HTTPS on 127.0.0.1,
 * under the real host names.
 *
 * <p>A Maven JVM is pointed at it with {@code -Djdk.net.hosts.file=}{@link #hostsFile()} (the AWS names resolve to
 * loopback, every other name fails to resolve, so nothing leaves the machine) and
 * {@code -Djavax.net.ssl.trustStore=}{@link #trustStore()} (only the fake's certificate is trusted). The SDK inside
 * Maven then talks to its default endpoints unchanged; signatures, tokens and permissions are checked as AWS checks
 * them, and every request is recorded in {@link #calls()}. AWS's bad days are played through the same wire: see
 * {@link FakeDomain#faults()} and {@link FakeRole#issueExpiredSessions}.
 */
public final class FakeAws implements AutoCloseable {

    /** Overrides the port for local experiments; the default is 443 because Maven's URLs must not carry a port. */
    public static final String PORT_PROPERTY = "fake.aws.port";
    /**
     * The loopback address it binds and the hosts file maps the AWS names to, default {@value #DEFAULT_ADDRESS}:
     * integration tests running in parallel forks each take their own ({@code 127.0.<fork>.1}, pom.xml), so that
     * every fork's fake has port 443 to itself.
     */
    public static final String ADDRESS_PROPERTY = "fake.aws.address";
    static final String DEFAULT_ADDRESS = "127.0.0.1";
    /** Account of users created with {@link #user(String, String)}. */
    public static final String USER_ACCOUNT = "123456789012";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path workDir;
    private final TlsMaterial tls;
    private final HttpsServer server;
    private final ExecutorService executor;
    private final Clock clock = Clock.systemUTC();

    private final Map<String, FakePrincipal> principals = new ConcurrentHashMap<>();
    private final Map<String, FakeRole> roles = new ConcurrentHashMap<>();
    private final List<FakeDomain> domains = new CopyOnWriteArrayList<>();
    private final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final List<FakeCall> calls = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<Consumer<FakeCall>> listeners = new CopyOnWriteArrayList<>();
    private final SsoDirectory sso = new SsoDirectory(this);
    private final TokenQuota tokenQuota = new TokenQuota();
    private volatile Duration latency = Duration.ZERO;
    private final WebIdentityTokens webIdentityTokens = new WebIdentityTokens(this);
    /** Names other than AWS's that the hosts file maps, each to its address. */
    private final Map<String, String> otherHosts = new ConcurrentHashMap<>();

    private FakeAws(Path workDir, int port) throws IOException {
        this.workDir = workDir;
        this.tls = TlsMaterial.create(workDir);
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(address()), port);
        try {
            this.server = HttpsServer.create(address, 128);
        } catch (SocketException e) { // BindException, or "Permission denied" on a privileged port
            BindException explained = new BindException("Cannot bind the fake AWS to " + address() + ":" + port + " ("
                    + e.getMessage() + "). Binding loopback port 443 needs root or"
                    + " `sysctl net.ipv4.ip_unprivileged_port_start=443`; if the port is taken, another FakeAws may"
                    + " still be running. For local experiments set -D" + PORT_PROPERTY + "=<port>.");
            explained.initCause(e);
            throw explained;
        }
        server.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()));
        server.createContext("/", new Router(this));
        // Maven downloads in parallel; a handful of threads keeps one slow request from stalling the build
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "fake-aws-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
    }

    /** Starts on {@link #address()}:443, or the port in system property {@value #PORT_PROPERTY}; key material goes to workDir. */
    public static FakeAws start(Path workDir) throws IOException {
        return start(workDir, Integer.getInteger(PORT_PROPERTY, 443));
    }

    /** Starts on the given port of {@link #address()}; 0 picks a free one (in-process tests, which can address any port). */
    public static FakeAws start(Path workDir, int port) throws IOException {
        return new FakeAws(workDir, port);
    }

    /** Stops at once, freeing the port for the next FakeAws. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- how clients reach it -------------------------------------------------------------------------------

    /** The loopback address it listens on: system property {@value #ADDRESS_PROPERTY}, default 127.0.0.1. */
    public static String address() {
        return System.getProperty(ADDRESS_PROPERTY, DEFAULT_ADDRESS);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code https://<host>}, with {@code :<port>} only when not on 443. */
    public String url(String host) {
        return "https://" + host + (port() == 443 ? "" : ":" + port());
    }

    /** {@code https://localhost[:port]}: an endpoint override for SDK clients in the test JVM. */
    public URI localEndpoint() {
        return URI.create(url("localhost"));
    }

    /** The PKCS12 trust store holding only the fake's certificate, for {@code -Djavax.net.ssl.trustStore}. */
    public Path trustStore() {
        return tls.trustStore();
    }

    public String trustStorePassword() {
        return TlsMaterial.PASSWORD;
    }

    /** Trust managers trusting only the fake, for in-process clients. */
    public TrustManager[] trustManagers() {
        return tls.trustManagers();
    }

    /** An SSL context trusting only the fake, for in-process clients. */
    public SSLContext clientSslContext() {
        return tls.clientContext();
    }

    /**
     * (Re)writes and returns a {@code jdk.net.hosts.file} mapping to 127.0.0.1: localhost, the regional
     * CodeArtifact and STS endpoints, global STS, and each domain's repository, dual-stack, VPC endpoint and S3
     * asset hosts. Call it after creating the domains.
     */
    public Path hostsFile() {
        Set<String> names = new LinkedHashSet<>();
        names.add("localhost");
        names.addAll(AwsNames.apiHosts());
        domains.forEach(d -> names.addAll(d.hosts()));
        StringBuilder text = new StringBuilder("# fake AWS: these names are loopback, every other name is unknown\n");
        names.forEach(n -> text.append(address()).append(' ').append(n).append('\n'));
        otherHosts.forEach((name, address) -> text.append(address).append(' ').append(name).append('\n'));
        Path file = workDir.resolve("fake-aws-hosts");
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Maps a further name in the hosts file, e.g. a {@link HostileHost}'s to its own loopback address. */
    void resolve(String name, String address) {
        otherHosts.put(name, address);
    }

    TlsMaterial tls() {
        return tls;
    }

    // ---- the AWS world ----------------------------------------------------------------------------------------

    /** An IAM user of account {@value #USER_ACCOUNT} signing with this key pair. */
    public FakePrincipal user(String accessKeyId, String secretAccessKey) {
        FakePrincipal user = FakePrincipal.user(accessKeyId, secretAccessKey, USER_ACCOUNT);
        if (principals.putIfAbsent(accessKeyId, user) != null) {
            throw new IllegalArgumentException("Access key already registered: " + accessKeyId);
        }
        return user;
    }

    /** A role, e.g. {@code arn:aws:iam::111122223333:role/ci-publisher}; returns the same role for the same ARN. */
    public FakeRole role(String roleArn) {
        return roles.computeIfAbsent(roleArn, arn -> new FakeRole(arn, "AROA" + randomUpper(17)));
    }

    /** A domain; the region must be one the certificate covers. Returns the same domain for the same triple. */
    public synchronized FakeDomain domain(String name, String owner, String region) {
        AwsNames.requireKnownRegion(region);
        FakeDomain existing = findDomain(name, owner, region);
        if (existing != null) {
            return existing;
        }
        FakeDomain domain = new FakeDomain(this, name, owner, region);
        domains.add(domain);
        return domain;
    }

    /**
     * CodeArtifact's rate quota on GetAuthorizationToken, scaled for a benchmark: beyond {@code perSecond} calls in
     * any second of a region, 429 ThrottlingException with {@code Retry-After: 1}. 0 (the default) for no quota.
     */
    public FakeAws tokenQuota(int perSecond) {
        tokenQuota.set(perSecond);
        return this;
    }

    TokenQuota tokenQuota() {
        return tokenQuota;
    }

    /**
     * A network distance for a benchmark: every answer, of every AWS surface, is held back {@code perRequest}
     * before it is sent, as a round trip to a region would delay it. Zero (the default) answers at once.
     */
    public FakeAws latency(Duration perRequest) {
        if (perRequest.isNegative()) {
            throw new IllegalArgumentException("latency cannot be negative: " + perRequest);
        }
        latency = perRequest;
        return this;
    }

    Duration latency() {
        return latency;
    }

    /** A user of IAM Identity Center (AWS SSO); returns the same user for the same name. */
    public FakeSsoUser ssoUser(String userName) {
        return sso.user(userName);
    }

    /**
     * An OIDC token, as GitHub Actions issues one to a workflow run, that {@code role} trusts for
     * AssumeRoleWithWebIdentity until {@code validFor} has passed (negative: expired already).
     *
     * @param subject the token's {@code sub} claim, e.g. {@code repo:acme/app:ref:refs/heads/main}
     */
    public WebIdentityToken webIdentityToken(FakeRole role, String subject, Duration validFor) {
        return webIdentityTokens.issue(role, subject, validFor);
    }

    /** The principal (user or role session) owning the access key, or null. */
    public FakePrincipal principal(String accessKeyId) {
        return accessKeyId == null ? null : principals.get(accessKeyId);
    }

    // ---- test controls ----------------------------------------------------------------------------------------

    /**
     * A session of the role as AssumeRole would issue it, without a call: temporary keys with a session token, as
     * a user holds after {@code aws sso login} or in a CI job. It acts with the role's grants.
     */
    public FakePrincipal roleSession(FakeRole role, String sessionName, Duration duration) {
        return newSession(role, sessionName, duration);
    }

    /** A token as GetAuthorizationToken would return it (12 hours, or a session's remaining time), without a call. */
    public String issueToken(FakeDomain domain, FakePrincipal principal) {
        Duration lifetime = principal.isSession() ? Duration.between(now(), principal.expiration())
                : Duration.ofHours(12);
        return issueToken(domain, principal, lifetime);
    }

    public String issueToken(FakeDomain domain, FakePrincipal principal, Duration lifetime) {
        return issue(domain, principal, lifetime).token();
    }

    /**
     * Credentials of a new session of the role that AWS already treats as expired, as an {@code AWS_SESSION_TOKEN}
     * exported hours ago would be.
     */
    public FakePrincipal expiredSession(FakeRole role) {
        FakePrincipal session = newSession(role, "exported-session", Duration.ofHours(1));
        session.expire();
        return session;
    }

    /** Every token issued so far is refused from now on, as if it had expired. New tokens work. */
    public void revokeAllTokens() {
        revoked.addAll(tokens.keySet());
    }

    // ---- observations -----------------------------------------------------------------------------------------

    /** Every token value issued so far, through the API or {@link #issueToken}: none may ever leak. */
    public List<String> issuedTokens() {
        return List.copyOf(tokens.keySet());
    }

    /**
     * The secret access key and, for role sessions, the session token of every principal so far (users, sessions
     * from AssumeRole, sessions made by {@link #roleSession}): none may ever appear in a log or a file.
     */
    public List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        for (FakePrincipal principal : principals.values()) {
            secrets.add(principal.secretAccessKey());
            if (principal.sessionToken() != null) {
                secrets.add(principal.sessionToken());
            }
        }
        return secrets;
    }

    /** Every request so far, in the order they were answered. */
    public List<FakeCall> calls() {
        return List.copyOf(calls);
    }

    /** The calls of one operation: {@code GetAuthorizationToken}, {@code AssumeRole}, {@code GET}, {@code PUT}... */
    public List<FakeCall> calls(String operation) {
        return calls.stream().filter(c -> operation.equals(c.operation())).toList();
    }

    public int count(String operation) {
        return calls(operation).size();
    }

    /**
     * The value of every token issued so far to the principal, by GetAuthorizationToken or {@link #issueToken}, in
     * no particular order: what a test looks for where no token may be, or must be.
     */
    public List<String> issuedTokens(FakePrincipal principal) {
        return tokens.values().stream().filter(t -> t.principal() == principal).map(IssuedToken::token).toList();
    }

    public void resetCalls() {
        calls.clear();
    }

    /**
     * Misbehaviour AWS would punish or that leaks secrets: an Authorization header sent to S3 next to a presigned
     * URL, or an exception inside the fake. Tests should expect this list to be empty.
     */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** Also tells the listener of each call as it is recorded (e.g. to print a live log). */
    public void onCall(Consumer<FakeCall> listener) {
        listeners.add(listener);
    }

    // ---- for the endpoints ------------------------------------------------------------------------------------

    Instant now() {
        return clock.instant();
    }

    FakeDomain findDomain(String name, String owner, String region) {
        return domains.stream().filter(d -> d.is(name, owner, region)).findFirst().orElse(null);
    }

    SsoDirectory ssoDirectory() {
        return sso;
    }

    WebIdentityTokens webIdentityTokens() {
        return webIdentityTokens;
    }

    FakeRole findRole(String arn) {
        return roles.get(arn);
    }

    IssuedToken issue(FakeDomain domain, FakePrincipal principal, Duration lifetime) {
        IssuedToken token = new IssuedToken(randomToken(), domain, principal, now().plus(lifetime));
        tokens.put(token.token(), token);
        return token;
    }

    /** The token if it was issued for exactly this domain and is neither expired nor revoked; null otherwise. */
    IssuedToken validToken(String token, String domain, String owner, String region) {
        IssuedToken issued = token == null ? null : tokens.get(token);
        if (issued == null || revoked.contains(token) || !now().isBefore(issued.expiration())
                || !issued.domain().is(domain, owner, region)) {
            return null;
        }
        return issued;
    }

    FakePrincipal newSession(FakeRole role, String sessionName, Duration duration) {
        FakePrincipal session = FakePrincipal.session(role, sessionName, "ASIA" + randomUpper(16),
                Base64.getEncoder().encodeToString(randomBytes(30)),
                "FwoGZXIvYXdzE" + Base64.getEncoder().encodeToString(randomBytes(180)),
                now().plus(duration));
        principals.put(session.accessKeyId(), session);
        role.addSession(session);
        return session;
    }

    String newRequestId() {
        return UUID.randomUUID().toString();
    }

    void record(FakeCall call) {
        calls.add(call);
        listeners.forEach(l -> l.accept(call));
    }

    void violation(String description) {
        violations.add(description);
    }

    private static String randomToken() {
        // real tokens are far longer; length does not matter to clients, randomness does
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(48));
    }

    private static String randomUpper(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    @Override
    public String toString() {
        return "FakeAws on " + address() + ":" + port() + " with " + domains;
    }
}
