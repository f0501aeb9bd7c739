#!/usr/bin/env bash
# The extension's benchmark: four figures against their targets (BENCHMARKS.md says what each one means), measured
# with real Maven distributions against the bundled CodeArtifact emulator, as in demo.sh. No AWS account is needed;
# the emulator binds loopback port 443 (root, or `sudo sysctl -w net.ipv4.ip_unprivileged_port_start=443`).
# It is a benchmark, not a test: it exits 0 when a target is not met, and non-zero only when it could not measure
# (a build failed, the emulator did not start).
#
#   ./bench/run.sh
#
# Settings (environment):
#   BENCH_MAVEN_VERSIONS  Maven versions to measure, space separated (default "3.9.16 4.0.0-rc-4"; the build
#                         unpacks 3.8.8, 3.9.16, 3.10.0 and 4.0.0-rc-4)
#   BENCH_PAIRS           measured warm pairs per version, after one discarded warm-up pair (default 7)
#   BENCH_RUNS            builds with an empty token cache per version, and timed AWS CLI fetches (default 5;
#                         at most BENCH_PAIRS)
#   BENCH_PROCESSES       Maven processes started at once for the count figure (default 8)
#   BENCH_MAVEN_ARGS      extra arguments for the Maven that builds this project, e.g. -o (offline)
set -euo pipefail
export LC_ALL=C # decimal points in `times`, awk and printf
cd "$(dirname "$0")/.."
root=$PWD
work=$root/target/bench
versions=${BENCH_MAVEN_VERSIONS:-3.9.16 4.0.0-rc-4}
pairs=${BENCH_PAIRS:-7}
runs=${BENCH_RUNS:-5}
processes=${BENCH_PROCESSES:-8}
read -r -a build_args <<< "${BENCH_MAVEN_ARGS:-}"
[ "$runs" -le "$pairs" ] || runs=$pairs

# ---- helpers ------------------------------------------------------------------------------------------------------

say() { echo "==> $*"; }

fail() {
  echo "BENCHMARK FAILED: $*" >&2
  exit 1
}

# $now: microseconds since the epoch, without forking (bash 5), else from date
tick() {
  if [ -n "${EPOCHREALTIME:-}" ]; then now=${EPOCHREALTIME//[.,]/}; else now=$(( $(date +%s%N) / 1000 )); fi
}

# The median of the numbers on stdin, one a line.
median() {
  sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2];
                                      else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Column $1 of file $2, its median.
column_median() { awk -v c="$1" '{ print $c }' "$2" | median; }

# The emulator prints one line per request it answers, before answering: once a build has ended, all its calls are
# in the log. A build's calls are the lines added while it ran.
log_lines() { wc -l < "$emulator_log"; }
calls_since() { tail -n "+$(( $1 + 1 ))" "$emulator_log" | grep '^fake-aws: ' || true; }
count_token_calls() { grep -c '^fake-aws: CODEARTIFACT_API GetAuthorizationToken ' || true; }
count_challenges() { grep -c '^fake-aws: REPOSITORY .* -> 401 ' || true; }

# A fresh copy of the seed repository: every build downloads the private dependency from the emulator again.
fresh_repository() {
  rm -rf "$1" && cp -r "$root/target/it/seed-repo" "$1"
}

# A copy of a project in flavour "ext" (.mvn/extensions.xml loads the extension) or "doc" (the documented way: no
# extension). Both get a .mvn folder, so both Maven versions find the same root.
copy_project() { # <template dir> <destination> <flavour>
  rm -rf "$2" && cp -r "$1" "$2" && mkdir -p "$2/.mvn"
  if [ "$3" = ext ]; then
    cat > "$2/.mvn/extensions.xml" <<XML
<extensions>
  <extension>
    <groupId>io.github.mavenaws</groupId>
    <artifactId>maven-aws-extension</artifactId>
    <version>$project_version</version>
  </extension>
</extensions>
XML
  fi
}

# A user's HOME: an empty AWS configuration (the keys come from the environment) and an empty ~/.m2.
fresh_home() {
  rm -rf "$1" && mkdir -p "$1/.aws" "$1/.m2" && : > "$1/.aws/config" && : > "$1/.aws/credentials"
}

# Starts one Maven build in the background ($! is its pid), with the flavour's environment and nothing else:
#   ext: AWS keys, no token anywhere;  doc: CODEARTIFACT_AUTH_TOKEN, read by the <server> of settings-doc.xml.
# start_mvn <version> <flavour> <project> <home> <local repository> <log> <mvn args...>
start_mvn() {
  local version=$1 flavour=$2 project=$3 home=$4 repository=$5 out=$6
  shift 6
  # user.home too: Java takes it from the passwd entry, not from HOME, and Maven finds ~/.m2 through it
  local env=(PATH="$PATH" JAVA_HOME="$java_home" HOME="$home" MAVEN_SKIP_RC=true
    MAVEN_OPTS="$jvm_options -Duser.home=$home" AWS_EC2_METADATA_DISABLED=true
    AWS_CONFIG_FILE="$home/.aws/config" AWS_SHARED_CREDENTIALS_FILE="$home/.aws/credentials")
  if [ "$flavour" = ext ]; then
    env+=(AWS_ACCESS_KEY_ID="$access_key_id" AWS_SECRET_ACCESS_KEY="$secret_access_key")
  else
    env+=(CODEARTIFACT_AUTH_TOKEN="$token")
  fi
  (cd "$project" && exec env -i "${env[@]}" sh "$root/target/it/maven/apache-maven-$version/bin/mvn" -B \
    -s "$work/settings-$flavour.xml" -Dmaven.repo.local="$repository" "$@" > "$out" 2>&1 < /dev/null) &
}

# $cpu: the CPU time (user + system, ms) of this shell's waited-for children so far, from the `times` builtin.
children_cpu() {
  times > "$work/times.txt"
  local user system
  { read -r _; read -r user system; } < "$work/times.txt"
  cpu=$(awk -v u="$user" -v s="$system" 'function ms(t) { split(t, p, /[ms]/); return (p[1] * 60 + p[2]) * 1000 }
    BEGIN { printf "%d", ms(u) + ms(s) }')
}

# One timed build on a fresh local repository and a clean project. Sets $ms (the mvn process's wall time: copying
# the repository is not timed), $cpu_ms (its CPU time), $challenges (401 answers) and $token_calls
# (GetAuthorizationToken calls).
# build <version> <flavour> <project> <home> <log> <mvn args...>
build() {
  local version=$1 flavour=$2 project=$3 home=$4 out=$5
  shift 5
  local repository=$work/repository before t0 cpu0 calls
  fresh_repository "$repository"
  rm -rf "$project/target"
  before=$(log_lines)
  children_cpu; cpu0=$cpu
  tick; t0=$now
  start_mvn "$version" "$flavour" "$project" "$home" "$repository" "$out" "$@"
  wait $! || fail "Maven $version ($flavour) failed, see $out"
  tick
  children_cpu
  ms=$(( (now - t0) / 1000 ))
  cpu_ms=$(( cpu - cpu0 ))
  calls=$(calls_since "$before")
  challenges=$(count_challenges <<< "$calls")
  token_calls=$(count_token_calls <<< "$calls")
}

# Lines "a|b|c" on stdin as a Markdown table, the first line its header.
table() {
  awk -F'|' '{ for (i = 1; i <= NF; i++) { cell[NR, i] = $i; if (length($i) > w[i]) w[i] = length($i) }
               if (NF > n) n = NF }
    END { for (r = 1; r <= NR; r++) {
            line = "|"; for (i = 1; i <= n; i++) line = line sprintf(" %-" w[i] "s |", cell[r, i]); print line
            if (r == 1) { line = "|"; for (i = 1; i <= n; i++) { d = ""; for (k = 0; k < w[i] + 2; k++) d = d "-"
                                                                 line = line d "|" }; print line } } }'
}

# ---- build the extension, the emulator and the distributions -----------------------------------------------------

tick; started=$now
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2> /dev/null || echo "?")
say "Building the extension, the emulator and the Maven distributions (tests skipped)"
mvn -B -q ${build_args[@]+"${build_args[@]}"} verify -DskipTests
rm -rf "$work" && mkdir -p "$work"
mvn -B -q ${build_args[@]+"${build_args[@]}"} dependency:build-classpath \
  -Dmdep.outputFile="$work/test-classpath.txt"
extension_jar=$(ls "$root"/target/maven-aws-extension-*.jar | grep -v -e '-sources\.jar$' -e '-javadoc\.jar$' | head -n 1)
project_version=$(basename "$extension_jar" .jar)
project_version=${project_version#maven-aws-extension-}
for version in $versions; do
  [ -d "$root/target/it/maven/apache-maven-$version" ] || fail "Maven $version is not among target/it/maven"
done
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}

say "Starting the CodeArtifact emulator"
emulator_log=$work/emulator.log
java -cp "$root/target/test-classes:$root/target/classes:$(cat "$work/test-classpath.txt")" \
  io.github.mavenaws.codeartifact.fake.FakeAwsMain "$work/aws" > "$emulator_log" 2>&1 &
emulator=$!
trap 'kill $emulator 2>/dev/null || true' EXIT
for _ in $(seq 1 150); do
  grep -q '^Maven JVM options:' "$emulator_log" 2>/dev/null && break
  kill -0 $emulator 2>/dev/null || { cat "$emulator_log"; fail "the emulator did not start"; }
  sleep 0.2
done
field() { sed -n "s/^$1: *//p" "$emulator_log"; }
jvm_options=$(field 'Maven JVM options')
token=$(field 'token')
trust_store=$(field 'trust store')
trust_store_password=$(field 'trust store password')
access_key_id=$(field 'access key id')
secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY # FakeAwsMain.SECRET_ACCESS_KEY, AWS's documentation key
[ -n "$jvm_options" ] && [ -n "$token" ] || { cat "$emulator_log"; fail "the emulator printed no options or token"; }

# Both flavours mirror central to the seed repository (plugins come from there, never from the internet); the
# documented flavour adds the <server> of AWS's Maven guide.
for flavour in ext doc; do
  {
    echo "<settings>"
    echo "  <mirrors>"
    echo "    <mirror><id>seed</id><mirrorOf>central</mirrorOf><url>file://$root/target/it/seed-repo</url></mirror>"
    echo "  </mirrors>"
    if [ "$flavour" = doc ]; then
      echo "  <servers>"
      echo "    <server>"
      echo "      <id>codeartifact</id>"
      echo "      <username>aws</username>"
      echo "      <password>\${env.CODEARTIFACT_AUTH_TOKEN}</password>"
      echo "    </server>"
      echo "  </servers>"
    fi
    echo "</settings>"
  } > "$work/settings-$flavour.xml"
done

# The project of the -T 4 count: bench/sample's parent part, and eight modules that each need the private artifact.
modules=$work/modules-template
mkdir -p "$modules"
module_list=""
for m in 1 2 3 4 5 6 7 8; do
  module_list="$module_list<module>module-$m</module>"
  mkdir -p "$modules/module-$m/src/main/java/com/example/module$m"
  cat > "$modules/module-$m/pom.xml" <<XML
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent><groupId>com.example</groupId><artifactId>bench-modules</artifactId><version>1.0.0</version></parent>
  <artifactId>module-$m</artifactId>
  <dependencies>
    <dependency><groupId>com.example</groupId><artifactId>greeting</artifactId><version>1.0</version></dependency>
  </dependencies>
</project>
XML
  printf 'package com.example.module%s;\n\npublic final class Module {\n}\n' "$m" \
    > "$modules/module-$m/src/main/java/com/example/module$m/Module.java"
done
sed -e "s:<artifactId>bench-sample</artifactId>:<artifactId>bench-modules</artifactId><packaging>pom</packaging><modules>$module_list</modules>:" \
  -e '/<dependencies>/,/<\/dependencies>/d' "$root/bench/sample/pom.xml" > "$modules/pom.xml"

declare -A cpu_ratio cpu_extra warm_ratio warm_ext warm_doc challenges_ext challenges_doc warm_token_calls
declare -A cold_ms cold_extra cold_token_calls concurrent_calls concurrent_s modules_calls

# ---- 1. warm and 2. cold: alternating pairs, and builds with an empty token cache among them --------------------

for version in $versions; do
  dir=$work/$version
  mkdir -p "$dir/logs"
  copy_project "$root/bench/sample" "$dir/ext-project" ext
  copy_project "$root/bench/sample" "$dir/doc-project" doc
  fresh_home "$dir/ext-home"
  fresh_home "$dir/doc-home"
  : > "$dir/warm.txt"
  : > "$dir/cold.txt"
  say "Maven $version: mvn package, 1 warm-up pair (it fills the token cache) and $pairs measured pairs" \
    "(extension with a cached token, documented way), the first $runs followed by a build with an empty token cache"
  for i in $(seq 0 "$pairs"); do
    if [ $(( i % 2 )) -eq 1 ]; then order="ext doc"; else order="doc ext"; fi
    for flavour in $order; do
      build "$version" "$flavour" "$dir/$flavour-project" "$dir/$flavour-home" "$dir/logs/warm-$i-$flavour.log" package
      if [ "$flavour" = ext ]; then
        ext_ms=$ms ext_cpu=$cpu_ms ext_challenges=$challenges ext_tokens=$token_calls
      else
        doc_ms=$ms doc_cpu=$cpu_ms doc_challenges=$challenges
      fi
    done
    [ "$i" -gt 0 ] || continue
    echo "$ext_ms $doc_ms $ext_challenges $doc_challenges $ext_tokens $ext_cpu $doc_cpu" >> "$dir/warm.txt"
    line=$(printf '    pair %d: extension %6d ms (CPU %6d ms, %s challenges, %s token calls),' \
      "$i" "$ext_ms" "$ext_cpu" "$ext_challenges" "$ext_tokens")
    line=$(printf '%s documented %6d ms (CPU %6d ms, %s challenges)' "$line" "$doc_ms" "$doc_cpu" "$doc_challenges")
    if [ "$i" -le "$runs" ]; then
      # the cold build fetches a token and caches it again: the next pair's extension build is warm
      rm -rf "$dir/ext-home/.m2/codeartifact-tokens"
      build "$version" ext "$dir/ext-project" "$dir/ext-home" "$dir/logs/cold-$i.log" package
      echo "$ms $token_calls $cpu_ms" >> "$dir/cold.txt"
      line=$(printf '%s; empty cache %6d ms (CPU %6d ms, %s token calls)' "$line" "$ms" "$cpu_ms" "$token_calls")
    fi
    echo "$line"
  done
  warm_ratio[$version]=$(awk '{ print $1 / $2 }' "$dir/warm.txt" | median)
  warm_ext[$version]=$(column_median 1 "$dir/warm.txt")
  warm_doc[$version]=$(column_median 2 "$dir/warm.txt")
  challenges_ext[$version]=$(column_median 3 "$dir/warm.txt")
  challenges_doc[$version]=$(column_median 4 "$dir/warm.txt")
  warm_token_calls[$version]=$(awk '{ s += $5 } END { print s }' "$dir/warm.txt")
  cpu_ratio[$version]=$(awk '{ print $6 / $7 }' "$dir/warm.txt" | median)
  cpu_extra[$version]=$(awk -v c="$(column_median 3 "$dir/cold.txt")" -v w="$(column_median 6 "$dir/warm.txt")" \
    'BEGIN { print c - w }')
  cold_ms[$version]=$(column_median 1 "$dir/cold.txt")
  cold_extra[$version]=$(awk -v c="${cold_ms[$version]}" -v w="${warm_ext[$version]}" 'BEGIN { print c - w }')
  cold_token_calls[$version]=$(awk '{ s += $2 } END { print s }' "$dir/cold.txt")
done

# The AWS CLI's own fetch, the other side of the cold figure.
aws_ms=""
aws_bin=$(command -v aws || true)
if [ -z "$aws_bin" ]; then
  say "AWS CLI not installed: the cold figure is measured but compared with nothing"
else
  # a pyenv shim puts a shell script and `pyenv exec` in front of the CLI: time the CLI itself
  if [[ "$aws_bin" == */shims/* ]] && command -v pyenv > /dev/null; then
    aws_bin=$(pyenv which aws 2> /dev/null || echo "$aws_bin")
  fi
  # the CLI's Python resolves names itself (no hosts file): it reaches the emulator as https://localhost, a name
  # the emulator's certificate carries, and trusts that certificate through AWS_CA_BUNDLE
  pem=$work/emulator-certificate.pem
  alias_name=$(keytool -list -keystore "$trust_store" -storetype PKCS12 -storepass "$trust_store_password" \
    | sed -n 's/^\([^,]*\),.*trustedCertEntry.*/\1/p' | head -n 1)
  keytool -exportcert -rfc -alias "$alias_name" -keystore "$trust_store" -storetype PKCS12 \
    -storepass "$trust_store_password" -file "$pem" > /dev/null 2>&1 || fail "cannot export the emulator's certificate"
  fresh_home "$work/aws-home"
  say "AWS CLI ($aws_bin): 1 warm-up and $runs timed get-authorization-token calls against the emulator"
  : > "$work/aws-cli.txt"
  for i in $(seq 0 "$runs"); do
    tick; t0=$now
    fetched=$(env -i PATH="$PATH" HOME="$HOME" ${PYENV_ROOT:+PYENV_ROOT="$PYENV_ROOT"} \
      AWS_ACCESS_KEY_ID="$access_key_id" AWS_SECRET_ACCESS_KEY="$secret_access_key" AWS_CA_BUNDLE="$pem" \
      AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE="$work/aws-home/.aws/config" \
      AWS_SHARED_CREDENTIALS_FILE="$work/aws-home/.aws/credentials" \
      "$aws_bin" codeartifact get-authorization-token --domain demo --domain-owner 111122223333 \
      --region us-west-2 --query authorizationToken --output text --endpoint-url https://localhost 2>&1) \
      || fail "aws codeartifact get-authorization-token failed: $fetched"
    tick
    [ -n "$fetched" ] || fail "the AWS CLI printed no token"
    if [ "$i" -gt 0 ]; then echo $(( (now - t0) / 1000 )) >> "$work/aws-cli.txt"; fi
  done
  aws_ms=$(median < "$work/aws-cli.txt")
  echo "    fetches: $(tr '\n' ' ' < "$work/aws-cli.txt")ms"
fi

# ---- 3. count: token calls of processes started together, and of a parallel multi-module build -----------------

for version in $versions; do
  dir=$work/$version
  say "Maven $version: $processes Maven processes started at once, one HOME, empty token cache"
  fresh_home "$dir/together-home"
  for p in $(seq 1 "$processes"); do
    copy_project "$root/bench/sample" "$dir/together-project-$p" ext
    fresh_repository "$dir/together-repository-$p"
  done
  pids=()
  before=$(log_lines)
  tick; t0=$now
  for p in $(seq 1 "$processes"); do
    start_mvn "$version" ext "$dir/together-project-$p" "$dir/together-home" "$dir/together-repository-$p" \
      "$dir/logs/together-$p.log" package
    pids+=($!)
  done
  for p in $(seq 1 "$processes"); do
    wait "${pids[$(( p - 1 ))]}" || fail "Maven $version, process $p of $processes failed: $dir/logs/together-$p.log"
  done
  tick
  concurrent_calls[$version]=$(calls_since "$before" | count_token_calls)
  concurrent_s[$version]=$(awk -v us=$(( now - t0 )) 'BEGIN { printf "%.1f", us / 1e6 }')
  echo "    GetAuthorizationToken calls: ${concurrent_calls[$version]} (all done in ${concurrent_s[$version]} s)"
  for p in $(seq 1 "$processes"); do rm -rf "$dir/together-repository-$p"; done

  say "Maven $version: the 8-module project with -T 4, empty token cache"
  copy_project "$modules" "$dir/modules-project" ext
  fresh_home "$dir/modules-home"
  build "$version" ext "$dir/modules-project" "$dir/modules-home" "$dir/logs/modules.log" -T 4 package
  modules_calls[$version]=$token_calls
  echo "    GetAuthorizationToken calls: $token_calls ($ms ms)"
done
rm -rf "$work/repository"

# ---- 4. footprint: the extension jar, self-contained (the AWS SDK relocated inside, no runtime dependency) --------

jars=1
bytes=$(stat -c %s "$extension_jar")

# ---- the tables --------------------------------------------------------------------------------------------------

verdict() { if [ "$1" = 1 ]; then echo "met"; else echo "NOT MET"; fi; }
seconds() { awk -v ms="$1" 'BEGIN { printf "%.2f s", ms / 1000 }'; }
{
  echo "figure|measured|target|result"
  for version in $versions; do
    echo "warm, Maven $version|$(awk -v r="${warm_ratio[$version]}" 'BEGIN { printf "%.3f", r }')" \
      "($(seconds "${warm_ext[$version]}") vs $(seconds "${warm_doc[$version]}"))|ratio <= 1.00" \
      "|$(verdict "$(awk -v r="${warm_ratio[$version]}" 'BEGIN { print (r <= 1.00) }')")"
  done
  for version in $versions; do
    if [ -z "$aws_ms" ]; then
      echo "cold, Maven $version|$(seconds "${cold_extra[$version]}")|< AWS CLI fetch|skipped: AWS CLI not installed"
    else
      echo "cold, Maven $version|$(seconds "${cold_extra[$version]}")|< $(seconds "$aws_ms") (AWS CLI fetch)" \
        "|$(verdict "$(awk -v x="${cold_extra[$version]}" -v a="$aws_ms" 'BEGIN { print (x < a) }')")"
    fi
  done
  for version in $versions; do
    echo "count, $processes processes at once, Maven $version|${concurrent_calls[$version]}|1" \
      "|$(verdict "$([ "${concurrent_calls[$version]}" = 1 ] && echo 1)")"
    echo "count, 8 modules -T 4, Maven $version|${modules_calls[$version]}|1" \
      "|$(verdict "$([ "${modules_calls[$version]}" = 1 ] && echo 1)")"
  done
  echo "footprint|$(awk -v b="$bytes" -v n="$jars" 'BEGIN { printf "%.2f MB (%d jars)", b / 1e6, n }')|< 8 MB" \
    "|$(verdict "$([ "$bytes" -lt 8000000 ] && echo 1)")"
} | sed 's/ |/|/g; s/| /|/g' > "$work/figures.txt"
{
  echo "Maven|401 challenges per build: extension|documented|CPU time ratio, warm|CPU time extra, cold|token calls: $pairs warm builds|$runs cold builds"
  for version in $versions; do
    echo "$version|${challenges_ext[$version]}|${challenges_doc[$version]}" \
      "|$(awk -v r="${cpu_ratio[$version]}" 'BEGIN { printf "%.3f", r }')|$(seconds "${cpu_extra[$version]}")" \
      "|${warm_token_calls[$version]}|${cold_token_calls[$version]}"
  done
} | sed 's/ |/|/g; s/| /|/g' > "$work/details.txt"

tick
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2> /dev/null | head -n 1)
echo
echo "Measured $(date -u +%Y-%m-%d) in $(( (now - started) / 60000000 )) min on $(nproc) cores (${cpu:-unknown CPU})," \
  "$("$java_home/bin/java" -version 2>&1 | head -n 1), load average $load_before at the start," \
  "$(cut -d' ' -f1-3 /proc/loadavg 2> /dev/null || echo "?") at the end"
echo
table < "$work/figures.txt"
echo
echo "Wall times, medians over the measured pairs. warm: the median of each pair's ratio, extension / documented (in"
echo "brackets the median times); cold: the median of the builds with an empty token cache minus the median of the"
echo "extension's warm builds. Below, per build: the repository's 401 answers (median), the same two figures in CPU"
echo "time of the mvn process (user + system; less sensitive to other load on the machine), the token calls seen."
echo
table < "$work/details.txt"
echo
echo "Logs: $work (Maven's under <version>/logs, the emulator's calls in emulator.log)"
