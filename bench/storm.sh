#!/usr/bin/env bash
# The throttling storm (BENCHMARKS.md, "Throttling storm"): N first fetches at once, each its own HOME and so its
# own empty token cache, as a fleet of CI jobs starts, against the bundled CodeArtifact emulator enforcing
# GetAuthorizationToken's quota scaled down to N/8 calls per second (AWS allows 40 per second per region). Each
# fetch is one run of the extension's jar as a command, `java -jar maven-aws-extension-<version>.jar token <url>`,
# the same token path a build takes. Reports how many got a token, the slowest wait, and the calls the emulator
# refused. The emulator binds loopback port 443 (root, `unshare -n`, or
# `sudo sysctl -w net.ipv4.ip_unprivileged_port_start=443`). A benchmark, not a test: it exits 0 whatever the
# figures, non-zero only when it could not measure.
#
#   ./bench/storm.sh
#
# Settings (environment):
#   STORM_N            fetches started at once (default 32)
#   STORM_QUOTA        GetAuthorizationToken calls per second the emulator allows (default N/8, at least 1)
#   STORM_MODE         processes (default): each fetch `java -jar ... token` with its own HOME; threads: the N
#                      fetches in one JVM (io.github.mavenaws.codeartifact.bench.StormMain), each its own token
#                      cache and AWS clients, released at once after a warm-up fetch: on a small machine, N JVMs
#                      starting together spread their calls over the time the CPU needs, and the quota is never met
#   STORM_CDS          0: no class data archive (default 1: a warm-up fetch archives the JVM's classes for the rest)
#   STORM_SKIP_BUILD   1: use target/ as built (the jar, test classes and target/bench-storm/test-classpath.txt)
#   BENCH_MAVEN_ARGS   extra arguments for the Maven that builds this project, e.g. -o (offline)
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."
root=$PWD
work=$root/target/bench-storm
n=${STORM_N:-32}
mode=${STORM_MODE:-processes}
quota=${STORM_QUOTA:-$(( n / 8 > 0 ? n / 8 : 1 ))}
read -r -a build_args <<< "${BENCH_MAVEN_ARGS:-}"

say() { echo "==> $*"; }
fail() { echo "BENCHMARK FAILED: $*" >&2; exit 1; }
tick() { if [ -n "${EPOCHREALTIME:-}" ]; then now=${EPOCHREALTIME//[.,]/}; else now=$(( $(date +%s%N) / 1000 )); fi; }

if [ "${STORM_SKIP_BUILD:-}" != 1 ]; then
  say "Building the extension's jar and the emulator (tests skipped)"
  mvn -B -q ${build_args[@]+"${build_args[@]}"} verify -DskipTests
  mkdir -p "$work"
  mvn -B -q ${build_args[@]+"${build_args[@]}"} dependency:build-classpath -Dmdep.outputFile="$work/test-classpath.txt"
fi
[ -f "$work/test-classpath.txt" ] || fail "no $work/test-classpath.txt: run once without STORM_SKIP_BUILD"
jar=$(ls "$root"/target/maven-aws-extension-*.jar | grep -v -e '-sources\.jar$' -e '-javadoc\.jar$' | head -n 1)
rm -rf "$work/aws" "$work/homes" "$work/results" "$work/stderr" "$work/emulator.log" "$work/token.jsa"
mkdir -p "$work/homes"
: > "$work/homes/aws-config"

say "Starting the CodeArtifact emulator, quota $quota GetAuthorizationToken calls/s"
log=$work/emulator.log
java -Dfake.aws.tokenQuota="$quota" \
  -cp "$root/target/test-classes:$root/target/classes:$(cat "$work/test-classpath.txt")" \
  io.github.mavenaws.codeartifact.fake.FakeAwsMain "$work/aws" > "$log" 2>&1 &
emulator=$!
trap 'kill $emulator 2>/dev/null || true' EXIT
for _ in $(seq 1 150); do
  grep -q '^Maven JVM options:' "$log" 2>/dev/null && break
  kill -0 $emulator 2>/dev/null || { cat "$log"; fail "the emulator did not start"; }
  sleep 0.2
done
field() { sed -n "s/^$1: *//p" "$log"; }
read -r -a jvm_options <<< "$(field 'Maven JVM options')"
url=$(field 'repository')
key=$(field 'access key id')
secret=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY # FakeAwsMain.SECRET_ACCESS_KEY, AWS's documentation key
[ -n "$url" ] || { cat "$log"; fail "the emulator printed no repository"; }

# The JVM's class data of one fetch, archived by a warm-up fetch (AppCDS): on a small machine, N JVMs loading the
# AWS SDK's classes at once starve each other of CPU, which would measure this machine, not the throttling.
java_options=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
if [ "$mode" = processes ] && [ "${STORM_CDS:-1}" = 1 ]; then
  say "Warm-up fetch, archiving its class data"
  mkdir -p "$work/homes/warm-up"
  : > "$work/homes/warm-up/aws-config"
  env -i PATH="$PATH" HOME="$work/homes/warm-up" AWS_ACCESS_KEY_ID="$key" AWS_SECRET_ACCESS_KEY="$secret" \
    AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE="$work/homes/warm-up/aws-config" \
    AWS_SHARED_CREDENTIALS_FILE="$work/homes/warm-up/aws-config" \
    java "${java_options[@]}" -XX:ArchiveClassesAtExit="$work/token.jsa" -Duser.home="$work/homes/warm-up" \
    "${jvm_options[@]}" -jar "$jar" token "$url" > /dev/null 2> "$work/homes/warm-up/stderr" \
    || { cat "$work/homes/warm-up/stderr"; fail "the warm-up fetch failed"; }
  java_options+=(-XX:SharedArchiveFile="$work/token.jsa")
  sleep 1 # the warm-up's call out of the quota's window
fi

# One fetch: a fresh HOME (so an empty token cache), the emulator's names and trust store, static keys; prints
# "<index> <exit status> <milliseconds from its start to its end>".
fetch() {
  local i=$1 home=$work/homes/$1 start rc
  mkdir -p "$home"
  : > "$home/aws-config"
  : > "$home/aws-credentials"
  tick; start=$now
  rc=0
  env -i PATH="$PATH" HOME="$home" AWS_ACCESS_KEY_ID="$key" AWS_SECRET_ACCESS_KEY="$secret" \
    AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE="$home/aws-config" AWS_SHARED_CREDENTIALS_FILE="$home/aws-credentials" \
    java "${java_options[@]}" -Duser.home="$home" "${jvm_options[@]}" \
    -jar "$jar" token "$url" > "$home/token" 2> "$home/stderr" || rc=$?
  tick
  echo "$i $rc $(( (now - start) / 1000 ))"
}

say "Starting $n fetches at once ($mode)"
calls_before=$(grep -c '^fake-aws: CODEARTIFACT_API GetAuthorizationToken ' "$log" || true)
tick; storm_start=$now
if [ "$mode" = threads ]; then
  env -i PATH="$PATH" HOME="$work/homes" AWS_ACCESS_KEY_ID="$key" AWS_SECRET_ACCESS_KEY="$secret" \
    AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE="$work/homes/aws-config" \
    AWS_SHARED_CREDENTIALS_FILE="$work/homes/aws-config" \
    java -Duser.home="$work/homes" "${jvm_options[@]}" \
    -cp "$root/target/test-classes:$root/target/classes:$(cat "$work/test-classpath.txt")" \
    io.github.mavenaws.codeartifact.bench.StormMain "$n" "$url" "$work/homes" > "$work/results" 2> "$work/stderr" \
    || { cat "$work/stderr"; fail "the fetches could not be run"; }
  # the warm-up's call is not the storm's
  calls_before=$(( calls_before + 1 ))
else
  pids=()
  for i in $(seq 1 "$n"); do
    fetch "$i" >> "$work/results" &
    pids+=($!)
  done
  wait "${pids[@]}" || true
fi
tick; storm_ms=$(( (now - storm_start) / 1000 ))

calls=$( (grep '^fake-aws: CODEARTIFACT_API GetAuthorizationToken ' "$log" || true) | tail -n "+$(( calls_before + 1 ))")
issued=$(grep -c -- '-> 200 ' <<< "$calls" || true)
refused=$(grep -c -- '-> 429 ThrottlingException' <<< "$calls" || true)
got=$(awk '$2 == 0' "$work/results" | wc -l)
failed=$(( n - got ))
throttled_failures=$( (grep -l 'throttled' "$work"/homes/*/stderr 2>/dev/null || true) | wc -l)
[ "$mode" != threads ] || throttled_failures=$( (grep 'throttled' "$work/stderr" || true) | wc -l)
slowest=$(sort -k3 -n "$work/results" | tail -n 1 | awk '{ print $3 }')
median=$(awk '{ print $3 }' "$work/results" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
empty_tokens=0
for i in $(seq 1 "$n"); do
  if [ "$mode" = processes ] && awk -v i="$i" '$1 == i && $2 == 0' "$work/results" | grep -q . \
      && [ ! -s "$work/homes/$i/token" ]; then
    empty_tokens=$(( empty_tokens + 1 ))
  fi
done

echo
echo "Throttling storm ($mode): $n first fetches at once, quota $quota GetAuthorizationToken calls/s ($(nproc) cores, $(java -version 2>&1 | head -n 1))"
echo "  got a token:            $got of $n (failed: $failed, of them for throttling: $throttled_failures; exit 0 without a token: $empty_tokens)"
echo "  slowest wait:           $(( slowest / 1000 )).$(printf '%03d' $(( slowest % 1000 ))) s (median $(( median / 1000 )).$(printf '%03d' $(( median % 1000 ))) s; each $([ "$mode" = threads ] && echo "from the release to its token" || echo "from its java start to its exit"))"
echo "  whole storm:            $(( storm_ms / 1000 )).$(printf '%03d' $(( storm_ms % 1000 ))) s"
echo "  GetAuthorizationToken:  $(( issued + refused )) calls, $issued answered with a token, $refused refused (429)"
echo "Per fetch (index, exit status, ms): $work/results; each one's stderr under $work/homes/<index>/stderr"
