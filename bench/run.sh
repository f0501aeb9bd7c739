#!/usr/bin/env bash
# The extension's benchmark: its figures against their targets (BENCHMARKS.md says what each one means), measured
# with real Maven distributions against the bundled CodeArtifact emulator, as in demo.sh. No AWS account is needed;
# the emulator binds loopback port 443 (root, or `sudo sysctl -w net.ipv4.ip_unprivileged_port_start=443`).
# It is a benchmark, not a test: it exits 0 when a target is not met, and non-zero only when it could not measure
# (a build failed, the emulator did not start).
#
#   ./bench/run.sh
#
# Settings (environment):
#   BENCH_MAVEN_VERSIONS    Maven versions of the load, warm and cold figures, space separated (default
#                           "3.8.8 3.9.16 3.10.0 4.0.0-rc-5 4.0.0-rc-6": every supported line; the build unpacks them)
#   BENCH_DISTANCE_VERSIONS Maven versions of the network-distance figures (default "3.9.16 4.0.0-rc-6")
#   BENCH_COUNT_VERSIONS    Maven versions of the token-call counts (default "3.9.16")
#   BENCH_LATENCY_MS        the emulator's per-request latency of the distance figures (default 30)
#   BENCH_LOAD_ROUNDS       rounds of the load figure, each one build of every variant (default 3)
#   BENCH_PAIRS             measured warm pairs per version, after one discarded warm-up pair (default 3)
#   BENCH_RUNS              builds with an empty token cache per version, and timed AWS CLI fetches (default 2;
#                           at most BENCH_PAIRS)
#   BENCH_DISTANCE_PAIRS    measured pairs of each distance figure (default 2; the sample's after a warm-up pair)
#   BENCH_PROCESSES         Maven processes started at once for the count figure (default 4)
#   BENCH_MAVEN_ARGS        extra arguments for the Maven that builds this project, e.g. -o (offline)
set -euo pipefail
export LC_ALL=C # decimal points in `times`, awk and printf
cd "$(dirname "$0")/.."
root=$PWD
work=$root/target/bench
versions=${BENCH_MAVEN_VERSIONS:-3.8.8 3.9.16 3.10.0 4.0.0-rc-5 4.0.0-rc-6}
distance_versions=${BENCH_DISTANCE_VERSIONS:-3.9.16 4.0.0-rc-6}
count_versions=${BENCH_COUNT_VERSIONS:-3.9.16}
latency=${BENCH_LATENCY_MS:-30}
rounds=${BENCH_LOAD_ROUNDS:-3}
pairs=${BENCH_PAIRS:-3}
runs=${BENCH_RUNS:-2}
distance_pairs=${BENCH_DISTANCE_PAIRS:-2}
processes=${BENCH_PROCESSES:-4}
read -r -a build_args <<< "${BENCH_MAVEN_ARGS:-}"
[ "$runs" -le "$pairs" ] || runs=$pairs
repository_url=https://demo-111122223333.d.codeartifact.us-west-2.amazonaws.com/maven/maven/

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

# The median of column $1 / column $2 of file $3, row by row.
ratio_median() { awk -v a="$1" -v b="$2" '{ print $a / $b }' "$3" | median; }

# The emulator prints one line per request it answers, before answering: once a build has ended, all its calls are
# in the log. A build's calls are the lines added while it ran.
log_lines() { wc -l < "$emulator_log"; }
calls_since() { tail -n "+$(( $1 + 1 ))" "$emulator_log" | grep '^fake-aws: ' || true; }
count_token_calls() { grep -c '^fake-aws: CODEARTIFACT_API GetAuthorizationToken ' || true; }
count_challenges() { grep -c '^fake-aws: REPOSITORY .* -> 401 ' || true; }
count_requests() { grep -c '^fake-aws: REPOSITORY ' || true; }

# A fresh local repository of kind $2 at $1. seed: the seed repository, plugins included, so that a build downloads
# only the private dependency from the emulator; extension: the extension's folder alone, as an earlier build or
# `mvn install` of the extension leaves it, so that a mirror-everything build downloads every plugin through it.
fresh_repository() {
  rm -rf "$1"
  if [ "$2" = seed ]; then
    cp -r "$root/target/it/seed-repo" "$1"
  else
    mkdir -p "$1/io/github/mavenaws"
    cp -r "$root/target/it/seed-repo/io/github/mavenaws/maven-aws-extension" "$1/io/github/mavenaws/"
  fi
}

# extensions.xml naming one extension: <groupId> <artifactId> <version>
extensions_xml() {
  cat <<XML
<extensions>
  <extension>
    <groupId>$1</groupId>
    <artifactId>$2</artifactId>
    <version>$3</version>
  </extension>
</extensions>
XML
}

# A copy of a project in flavour "ext" (.mvn/extensions.xml loads the extension), "empty" (.mvn/extensions.xml loads
# an extension with nothing in it: what Maven itself spends on loading one) or "doc" (the documented way: no
# extension). Every flavour gets a .mvn folder, so every Maven finds the same root.
copy_project() { # <template dir> <destination> <flavour>
  rm -rf "$2" && cp -r "$1" "$2" && mkdir -p "$2/.mvn"
  case $3 in
    ext) extensions_xml io.github.mavenaws maven-aws-extension "$project_version" > "$2/.mvn/extensions.xml" ;;
    empty) extensions_xml io.github.mavenaws.bench empty-extension 1 > "$2/.mvn/extensions.xml" ;;
  esac
}

# A user's HOME: an empty AWS configuration (the keys come from the environment) and an empty ~/.m2.
fresh_home() {
  rm -rf "$1" && mkdir -p "$1/.aws" "$1/.m2" && : > "$1/.aws/config" && : > "$1/.aws/credentials"
}

# Starts one Maven build in the background ($! is its pid), with the flavour's environment and nothing else:
#   ext: AWS keys, no token anywhere;  doc: CODEARTIFACT_AUTH_TOKEN, read by the <server> of the doc settings.
# start_mvn <maven home> <flavour> <settings> <project> <home> <local repository> <log> <mvn args...>
start_mvn() {
  local maven=$1 flavour=$2 settings=$3 project=$4 home=$5 repository=$6 out=$7
  shift 7
  # user.home too: Java takes it from the passwd entry, not from HOME, and Maven finds ~/.m2 through it
  local env=(PATH="$PATH" JAVA_HOME="$java_home" HOME="$home" MAVEN_SKIP_RC=true
    MAVEN_OPTS="$jvm_options -Duser.home=$home" AWS_EC2_METADATA_DISABLED=true
    AWS_CONFIG_FILE="$home/.aws/config" AWS_SHARED_CREDENTIALS_FILE="$home/.aws/credentials")
  if [ "$flavour" = doc ]; then
    env+=(CODEARTIFACT_AUTH_TOKEN="$token")
  else
    env+=(AWS_ACCESS_KEY_ID="$access_key_id" AWS_SECRET_ACCESS_KEY="$secret_access_key")
  fi
  (cd "$project" && exec env -i "${env[@]}" sh "$maven/bin/mvn" -B \
    -s "$settings" -Dmaven.repo.local="$repository" "$@" > "$out" 2>&1 < /dev/null) &
}

# $cpu: the CPU time (user + system, ms) of this shell's waited-for children so far, from the `times` builtin.
children_cpu() {
  times > "$work/times.txt"
  local user system
  { read -r _; read -r user system; } < "$work/times.txt"
  cpu=$(awk -v u="$user" -v s="$system" 'function ms(t) { split(t, p, /[ms]/); return (p[1] * 60 + p[2]) * 1000 }
    BEGIN { printf "%d", ms(u) + ms(s) }')
}

# One timed build. Sets $ms (the mvn process's wall time: preparing the repository is not timed), $cpu_ms (its CPU
# time), $challenges (401 answers of the repository), $requests (repository requests) and $token_calls
# (GetAuthorizationToken calls). $repository_kind: seed, extension (a fresh copy before the build) or keep (as is).
# build <maven home> <flavour> <settings> <project> <home> <repository> <log> <mvn args...>
build() {
  local maven=$1 flavour=$2 settings=$3 project=$4 home=$5 repository=$6 out=$7
  shift 7
  local before t0 cpu0 calls
  [ "$repository_kind" = keep ] || fresh_repository "$repository" "$repository_kind"
  rm -rf "$project/target"
  before=$(log_lines)
  children_cpu; cpu0=$cpu
  tick; t0=$now
  start_mvn "$maven" "$flavour" "$settings" "$project" "$home" "$repository" "$out" "$@"
  wait $! || fail "Maven $maven ($flavour) failed, see $out"
  tick
  children_cpu
  ms=$(( (now - t0) / 1000 ))
  cpu_ms=$(( cpu - cpu0 ))
  calls=$(calls_since "$before")
  challenges=$(count_challenges <<< "$calls")
  requests=$(count_requests <<< "$calls")
  token_calls=$(count_token_calls <<< "$calls")
}

# Alternating pairs, extension and documented, of the project in mode $2: sample, `mvn package` with the repository
# of bench/sample's POM, plugins local; mirror, `mvn compile` with mirrorOf * to CodeArtifact, every plugin through it,
# after $6 discarded warm-up pairs (0 or 1). The extension's HOME keeps its token cache: every measured extension
# build is warm once a build has filled it. Writes "ext_ms doc_ms ext_challenges doc_challenges ext_cpu doc_cpu
# ext_token_calls ext_requests" lines to $5.
# measure_pairs <version> <mode> <n> <label> <file> <warm-up pairs>
measure_pairs() {
  local version=$1 mode=$2 n=$3 label=$4 file=$5 first=$(( 1 - $6 )) dir=$work/$1
  local maven=$root/target/it/maven/apache-maven-$1
  local settings_suffix="" goal=package order flavour
  local ext_ms ext_cpu ext_ch ext_tokens ext_requests doc_ms doc_cpu doc_ch
  [ "$mode" = mirror ] && settings_suffix=-mirror goal=compile
  if [ "$mode" = mirror ]; then repository_kind=extension; else repository_kind=seed; fi
  : > "$file"
  for i in $(seq "$first" "$n"); do
    if [ $(( i % 2 )) -eq 1 ]; then order="ext doc"; else order="doc ext"; fi
    for flavour in $order; do
      build "$maven" "$flavour" "$work/settings-$flavour$settings_suffix.xml" "$dir/$flavour-project" \
        "$dir/$flavour-home" "$work/repository" "$dir/logs/$label-$i-$flavour.log" "$goal"
      if [ "$flavour" = ext ]; then
        ext_ms=$ms ext_cpu=$cpu_ms ext_ch=$challenges ext_tokens=$token_calls ext_requests=$requests
      else
        doc_ms=$ms doc_cpu=$cpu_ms doc_ch=$challenges
      fi
    done
    [ "$i" -gt 0 ] || continue
    echo "$ext_ms $doc_ms $ext_ch $doc_ch $ext_cpu $doc_cpu $ext_tokens $ext_requests" >> "$file"
    printf '    %s pair %d: extension %6d ms (CPU %6d ms, %s challenges, %s token calls), documented %6d ms' \
      "$label" "$i" "$ext_ms" "$ext_cpu" "$ext_ch" "$ext_tokens" "$doc_ms"
    printf ' (CPU %6d ms, %s challenges)\n' "$doc_cpu" "$doc_ch"
  done
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

# Starts the emulator with a per-request latency of $1 ms (stopping the one before), its upstream the seed
# repository, and reads what builds need from its first lines. Each start issues new tokens and key material.
emulator=""
start_emulator() {
  if [ -n "$emulator" ]; then kill "$emulator" 2> /dev/null || true; wait "$emulator" 2> /dev/null || true; fi
  emulator_log=$work/emulator-$1ms.log
  java -Dfake.aws.latencyMs="$1" -Dfake.aws.upstream="$root/target/it/seed-repo" \
    -cp "$root/target/test-classes:$root/target/classes:$(cat "$work/test-classpath.txt")" \
    io.github.mavenaws.codeartifact.fake.FakeAwsMain "$work/aws-$1ms" > "$emulator_log" 2>&1 &
  emulator=$!
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
}

contains() { [[ " $1 " == *" $2 "* ]]; }

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
for version in $versions $distance_versions $count_versions; do
  [ -d "$root/target/it/maven/apache-maven-$version" ] || fail "Maven $version is not among target/it/maven"
done
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}

# Settings: central mirrored to the seed repository (plugins come from there, never from the internet), or, for the
# mirror-everything builds, everything mirrored to the CodeArtifact repository, whose upstream is the seed. The
# documented flavour adds the <server> of AWS's Maven guide.
for flavour in ext doc; do
  for mode in sample mirror; do
    suffix=""; [ "$mode" = mirror ] && suffix=-mirror
    {
      echo "<settings>"
      echo "  <mirrors>"
      if [ "$mode" = mirror ]; then
        echo "    <mirror><id>codeartifact</id><mirrorOf>*</mirrorOf><url>$repository_url</url></mirror>"
      else
        echo "    <mirror><id>seed</id><mirrorOf>central</mirrorOf><url>file://$root/target/it/seed-repo</url></mirror>"
      fi
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
    } > "$work/settings-$flavour$suffix.xml"
  done
done

# The project of the load figure: bench/sample without its CodeArtifact repository and its private dependency.
sed -e '/<repositories>/,/<\/repositories>/d' -e '/<dependencies>/,/<\/dependencies>/d' \
  "$root/bench/sample/pom.xml" > "$work/load-pom.xml"
mkdir -p "$work/load-template" && cp "$work/load-pom.xml" "$work/load-template/pom.xml"
# The empty extension: a jar with a manifest alone, and its POM, in the load figure's local repository.
mkdir -p "$work/empty-extension/META-INF"
printf 'Manifest-Version: 1.0\n' > "$work/empty-extension/META-INF/MANIFEST.MF"
fresh_repository "$work/load-repository" seed
empty=$work/load-repository/io/github/mavenaws/bench/empty-extension/1
mkdir -p "$empty"
(cd "$work/empty-extension" && jar --create --file "$empty/empty-extension-1.jar" --manifest META-INF/MANIFEST.MF)
cat > "$empty/empty-extension-1.pom" <<XML
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>io.github.mavenaws.bench</groupId>
  <artifactId>empty-extension</artifactId>
  <version>1</version>
</project>
XML

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

say "Starting the CodeArtifact emulator (0 ms per request)"
start_emulator 0
trap 'kill $emulator 2>/dev/null || true' EXIT

declare -A load_xml load_libext load_empty load_none load_xml_cpu load_libext_cpu load_empty_cpu load_none_cpu
declare -A warm_ratio warm_ext warm_doc challenges_ext challenges_doc warm_token_calls cpu_ratio
declare -A cold_extra cold_cpu_extra cold_token_calls concurrent_calls concurrent_s modules_calls
declare -A far_ratio far_ch_ext far_ch_doc far_requests far_tokens far_ext far_doc

for version in $versions $distance_versions $count_versions; do
  mkdir -p "$work/$version/logs"
done

# ---- 1. load: a build that needs no token, with the extension and without ---------------------------------------

for version in $versions; do
  dir=$work/$version
  maven=$root/target/it/maven/apache-maven-$version
  # the extension installed in Maven: a copy of the distribution with the jar in lib/ext
  rm -rf "$dir/maven-lib-ext" && cp -r "$maven" "$dir/maven-lib-ext" && cp "$extension_jar" "$dir/maven-lib-ext/lib/ext/"
  for variant in none xml empty libext; do
    flavour=doc; case $variant in xml) flavour=ext ;; empty) flavour=empty ;; esac # the project's
    copy_project "$work/load-template" "$dir/load-$variant" "$flavour"
  done
  fresh_home "$dir/load-home"
  say "Maven $version: load, mvn -o validate of a project that needs no token, $rounds rounds" \
    "of: no extension, the extension in .mvn/extensions.xml, an empty extension there, the extension in lib/ext"
  : > "$dir/load.txt"
  repository_kind=keep
  for i in $(seq 1 "$rounds"); do
    line=""
    for k in 0 1 2 3; do
      variants=(none xml empty libext)
      variant=${variants[$(( (k + i) % 4 ))]}
      home=$maven; [ "$variant" = libext ] && home=$dir/maven-lib-ext
      # every variant with the extension's environment (AWS keys, no token): only the extension differs
      build "$home" ext "$work/settings-ext.xml" "$dir/load-$variant" "$dir/load-home" \
        "$work/load-repository" "$dir/logs/load-$i-$variant.log" -o validate
      echo "$variant $ms $cpu_ms" >> "$dir/load.txt"
      line="$line $variant $ms ms (CPU $cpu_ms ms);"
    done
    echo "    round $i:$line"
  done
  for variant in none xml empty libext; do
    wall=$(awk -v v="$variant" '$1 == v { print $2 }' "$dir/load.txt" | median)
    cpu_median=$(awk -v v="$variant" '$1 == v { print $3 }' "$dir/load.txt" | median)
    case $variant in
      none) load_none[$version]=$wall load_none_cpu[$version]=$cpu_median ;;
      xml) load_xml[$version]=$wall load_xml_cpu[$version]=$cpu_median ;;
      empty) load_empty[$version]=$wall load_empty_cpu[$version]=$cpu_median ;;
      libext) load_libext[$version]=$wall load_libext_cpu[$version]=$cpu_median ;;
    esac
  done
done

# ---- 2. warm and 4. cold: alternating pairs, and builds with an empty token cache among them --------------------

for version in $versions; do
  dir=$work/$version
  maven=$root/target/it/maven/apache-maven-$version
  copy_project "$root/bench/sample" "$dir/ext-project" ext
  copy_project "$root/bench/sample" "$dir/doc-project" doc
  fresh_home "$dir/ext-home"
  fresh_home "$dir/doc-home"
  : > "$dir/cold.txt"
  say "Maven $version: mvn package, 1 warm-up pair (it fills the token cache) and $pairs measured pairs" \
    "(extension with a cached token, documented way), then $runs builds with an empty token cache"
  measure_pairs "$version" sample "$pairs" warm "$dir/warm.txt" 1
  repository_kind=seed
  for i in $(seq 1 "$runs"); do
    # the cold build fetches a token and caches it again
    rm -rf "$dir/ext-home/.m2/codeartifact-tokens"
    build "$maven" ext "$work/settings-ext.xml" "$dir/ext-project" "$dir/ext-home" "$work/repository" \
      "$dir/logs/cold-$i.log" package
    echo "$ms $cpu_ms $token_calls" >> "$dir/cold.txt"
    printf '    empty cache %d: %6d ms (CPU %6d ms, %s token calls)\n' "$i" "$ms" "$cpu_ms" "$token_calls"
  done
  warm_ratio[$version]=$(ratio_median 1 2 "$dir/warm.txt")
  warm_ext[$version]=$(column_median 1 "$dir/warm.txt")
  warm_doc[$version]=$(column_median 2 "$dir/warm.txt")
  challenges_ext[$version]=$(column_median 3 "$dir/warm.txt")
  challenges_doc[$version]=$(column_median 4 "$dir/warm.txt")
  cpu_ratio[$version]=$(ratio_median 5 6 "$dir/warm.txt")
  warm_token_calls[$version]=$(awk '{ s += $7 } END { print s }' "$dir/warm.txt")
  # each empty-cache build against the warm build just before it: the pair shares the machine's state
  # empty-cache build i against the extension build of pair P - runs + i (the last pairs, the nearest in time), which
  # shares the machine's state more closely than the median of all does
  tail -n "$runs" "$dir/warm.txt" | paste -d' ' "$dir/cold.txt" - > "$dir/cold-pairs.txt"
  cold_extra[$version]=$(awk '{ print $1 - $4 }' "$dir/cold-pairs.txt" | median)
  cold_cpu_extra[$version]=$(awk '{ print $2 - $8 }' "$dir/cold-pairs.txt" | median)
  cold_token_calls[$version]=$(awk '{ s += $3 } END { print s }' "$dir/cold.txt")
done

# ---- 3. distance: mirror-everything at 0 ms, then the sample and mirror-everything at the set latency ------------

distance() { # <latency ms>
  for version in $distance_versions; do
    dir=$work/$version
    copy_project "$root/bench/sample" "$dir/ext-project" ext
    copy_project "$root/bench/sample" "$dir/doc-project" doc
    if [ "$1" != 0 ]; then
      # a new emulator issued the tokens: the extension's first warm-up build fetches one
      fresh_home "$dir/ext-home"
      say "Maven $version, $1 ms per request: bench/sample, $distance_pairs pairs after a warm-up pair"
      measure_pairs "$version" sample "$distance_pairs" "sample-$1ms" "$dir/sample-$1ms.txt" 1
      record_distance "$version" "sample, $1 ms" "$dir/sample-$1ms.txt"
    fi
    say "Maven $version, $1 ms per request: mirror-everything mvn compile from a local repository holding the extension alone," \
      "$distance_pairs pairs (the token cache filled by the sample's builds)"
    measure_pairs "$version" mirror "$distance_pairs" "mirror-$1ms" "$dir/mirror-$1ms.txt" 0
    record_distance "$version" "mirror-everything compile, $1 ms" "$dir/mirror-$1ms.txt"
  done
}
record_distance() { # <version> <label> <file>
  local key="$1|$2"
  far_ratio[$key]=$(ratio_median 1 2 "$3")
  far_ext[$key]=$(column_median 1 "$3")
  far_doc[$key]=$(column_median 2 "$3")
  far_ch_ext[$key]=$(column_median 3 "$3")
  far_ch_doc[$key]=$(column_median 4 "$3")
  far_tokens[$key]=$(awk '{ s += $7 } END { print s }' "$3")
  far_requests[$key]=$(column_median 8 "$3")
}
distance_keys=()
for version in $distance_versions; do
  distance_keys+=("$version|sample, 0 ms" "$version|mirror-everything compile, 0 ms" "$version|sample, $latency ms"
    "$version|mirror-everything compile, $latency ms")
  # the sample at 0 ms is the warm figure, when this version had one
  if contains "$versions" "$version"; then
    record_distance "$version" "sample, 0 ms" "$work/$version/warm.txt"
  else
    copy_project "$root/bench/sample" "$work/$version/ext-project" ext
    copy_project "$root/bench/sample" "$work/$version/doc-project" doc
    fresh_home "$work/$version/ext-home"
    fresh_home "$work/$version/doc-home"
    measure_pairs "$version" sample "$distance_pairs" sample-0ms "$work/$version/sample-0ms.txt" 1
    record_distance "$version" "sample, 0 ms" "$work/$version/sample-0ms.txt"
  fi
done
distance 0

# ---- count: token calls of processes started together, and of a parallel multi-module build ---------------------

for version in $count_versions; do
  dir=$work/$version
  maven=$root/target/it/maven/apache-maven-$version
  say "Maven $version: $processes Maven processes started at once, one HOME, empty token cache"
  fresh_home "$dir/together-home"
  for p in $(seq 1 "$processes"); do
    copy_project "$root/bench/sample" "$dir/together-project-$p" ext
    fresh_repository "$dir/together-repository-$p" seed
  done
  pids=()
  before=$(log_lines)
  tick; t0=$now
  for p in $(seq 1 "$processes"); do
    start_mvn "$maven" ext "$work/settings-ext.xml" "$dir/together-project-$p" "$dir/together-home" \
      "$dir/together-repository-$p" "$dir/logs/together-$p.log" package
    pids+=($!)
  done
  for p in $(seq 1 "$processes"); do
    wait "${pids[$(( p - 1 ))]}" || fail "Maven $version, process $p of $processes failed: $dir/logs/together-$p.log"
  done
  tick
  concurrent_calls[$version]=$(calls_since "$before" | count_token_calls)
  concurrent_s[$version]=$(awk -v us=$(( now - t0 )) 'BEGIN { printf "%.1f", us / 1e6 }')
  echo "    GetAuthorizationToken calls: ${concurrent_calls[$version]} (all done in ${concurrent_s[$version]} s)"
  for p in $(seq 1 "$processes"); do rm -rf "$dir/together-repository-$p" "$dir/together-project-$p"; done

  say "Maven $version: the 8-module project with -T 4, empty token cache"
  copy_project "$modules" "$dir/modules-project" ext
  fresh_home "$dir/modules-home"
  repository_kind=seed
  build "$maven" ext "$work/settings-ext.xml" "$dir/modules-project" "$dir/modules-home" "$work/repository" \
    "$dir/logs/modules.log" -T 4 package
  modules_calls[$version]=$token_calls
  echo "    GetAuthorizationToken calls: $token_calls ($ms ms)"
done

# The AWS CLI's own fetch, the step the documented flow runs before Maven: the cold figure's context.
aws_ms=""
aws_bin=$(command -v aws || true)
if [ -z "$aws_bin" ]; then
  say "AWS CLI not installed: no figure of the documented flow's fetch"
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
  say "AWS CLI ($aws_bin): 1 warm-up and 3 timed get-authorization-token calls against the emulator"
  : > "$work/aws-cli.txt"
  for i in 0 1 2 3; do
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

say "Restarting the CodeArtifact emulator with $latency ms per request"
start_emulator "$latency"
distance "$latency"

# ---- footprint: the extension jar, self-contained (the AWS SDK relocated inside, no runtime dependency) ----------

jars=1
bytes=$(stat -c %s "$extension_jar")

# ---- the tables --------------------------------------------------------------------------------------------------

verdict() { if [ "$1" = 1 ]; then echo "met"; else echo "NOT MET"; fi; }
seconds() { awk -v ms="$1" 'BEGIN { printf "%.2f s", ms / 1000 }'; }
# A first token costs something: a difference below zero says the run's spread is larger than the cost
cold_verdict() {
  if awk -v w="$1" -v c="$2" 'BEGIN { exit !(w < 0 || c < 0) }'; then echo "not resolved: below the run's spread"
  else verdict "$(awk -v w="$1" -v c="$2" 'BEGIN { print (w <= 300 && c <= 500) }')"; fi
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
at_most() { awk -v x="$1" -v limit="$2" 'BEGIN { print (x <= limit) }'; }
{
  echo "figure|measured|target|result"
  for version in $versions; do
    r=$(ratio "${load_xml[$version]}" "${load_none[$version]}")
    echo "load, .mvn/extensions.xml, Maven $version|$r ($(seconds "${load_xml[$version]}") vs" \
      "$(seconds "${load_none[$version]}"))|<= 1.03|$(verdict "$(at_most "$r" 1.03)")"
    r=$(ratio "${load_libext[$version]}" "${load_none[$version]}")
    echo "load, lib/ext, Maven $version|$r ($(seconds "${load_libext[$version]}"))|<= 1.03" \
      "|$(verdict "$(at_most "$r" 1.03)")"
  done
  for version in $versions; do
    echo "warm, Maven $version|$(awk -v r="${warm_ratio[$version]}" 'BEGIN { printf "%.3f", r }')" \
      "($(seconds "${warm_ext[$version]}") vs $(seconds "${warm_doc[$version]}"))|<= 1.00" \
      "|$(verdict "$(at_most "${warm_ratio[$version]}" 1.00)")"
  done
  for version in $versions; do
    echo "cold, Maven $version|$(seconds "${cold_extra[$version]}") wall, $(seconds "${cold_cpu_extra[$version]}") CPU" \
      "|<= 0.30 s wall, <= 0.50 s CPU" \
      "|$(cold_verdict "${cold_extra[$version]}" "${cold_cpu_extra[$version]}")"
  done
  for version in $count_versions; do
    echo "count, $processes processes at once, Maven $version|${concurrent_calls[$version]}|1" \
      "|$(verdict "$([ "${concurrent_calls[$version]}" = 1 ] && echo 1)")"
    echo "count, 8 modules -T 4, Maven $version|${modules_calls[$version]}|1" \
      "|$(verdict "$([ "${modules_calls[$version]}" = 1 ] && echo 1)")"
  done
  echo "footprint|$(awk -v b="$bytes" -v n="$jars" 'BEGIN { printf "%.2f MB (%d jar)", b / 1e6, n }')|< 8 MB" \
    "|$(verdict "$([ "$bytes" -lt 8000000 ] && echo 1)")"
} | sed 's/ |/|/g; s/| /|/g' > "$work/figures.txt"
{
  echo "Maven|no extension|.mvn/extensions.xml|empty extension in .mvn/extensions.xml|lib/ext"
  for version in $versions; do
    cells="$version"
    for variant in none xml empty libext; do
      case $variant in
        none) w=${load_none[$version]} c=${load_none_cpu[$version]} ;;
        xml) w=${load_xml[$version]} c=${load_xml_cpu[$version]} ;;
        empty) w=${load_empty[$version]} c=${load_empty_cpu[$version]} ;;
        libext) w=${load_libext[$version]} c=${load_libext_cpu[$version]} ;;
      esac
      if [ "$variant" = none ]; then
        cells="$cells|$(seconds "$w") (CPU $(seconds "$c"))"
      else
        cells="$cells|$(ratio "$w" "${load_none[$version]}") (CPU $(ratio "$c" "${load_none_cpu[$version]}"))"
      fi
    done
    echo "$cells"
  done
} | sed 's/ |/|/g; s/| /|/g' > "$work/load.txt"
{
  echo "Maven|401 challenges per build: extension|documented|CPU time ratio, warm|token calls: $pairs warm builds|$runs cold builds"
  for version in $versions; do
    echo "$version|${challenges_ext[$version]}|${challenges_doc[$version]}" \
      "|$(awk -v r="${cpu_ratio[$version]}" 'BEGIN { printf "%.3f", r }')" \
      "|${warm_token_calls[$version]}|${cold_token_calls[$version]}"
  done
} | sed 's/ |/|/g; s/| /|/g' > "$work/details.txt"
{
  echo "Maven|build, latency|warm ratio, extension / documented|extension|documented|401 challenges: extension|documented|repository requests (extension)|token calls"
  for key in "${distance_keys[@]}"; do
    echo "${key%%|*}|${key#*|}|$(awk -v r="${far_ratio[$key]}" 'BEGIN { printf "%.3f", r }')" \
      "|$(seconds "${far_ext[$key]}")|$(seconds "${far_doc[$key]}")|${far_ch_ext[$key]}|${far_ch_doc[$key]}" \
      "|${far_requests[$key]}|${far_tokens[$key]}"
  done
} | sed 's/ |/|/g; s/| /|/g' > "$work/distance.txt"

tick
cpu_model=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2> /dev/null | head -n 1)
echo
echo "Measured $(date -u +%Y-%m-%d) in $(( (now - started) / 60000000 )) min on $(nproc) cores (${cpu_model:-unknown CPU})," \
  "$("$java_home/bin/java" -version 2>&1 | head -n 1), load average $load_before at the start," \
  "$(cut -d' ' -f1-3 /proc/loadavg 2> /dev/null || echo "?") at the end"
echo
table < "$work/figures.txt"
echo
echo "load: median wall time of mvn -o validate with the extension / without (CPU time likewise below); warm: the"
echo "median of each pair's ratio, extension / documented (in brackets the median times); cold: the median, over the"
echo "builds with an empty token cache, of build i's time minus the extension build of pair P - runs + i."
echo
table < "$work/load.txt"
echo
table < "$work/details.txt"
echo
echo "Network distance: every answer of the emulator held back by the latency; the median of each pair's ratio, the"
echo "median times, 401 answers and repository requests per build; token calls of all measured extension builds."
echo
table < "$work/distance.txt"
if [ -n "$aws_ms" ]; then
  echo
  echo "AWS CLI get-authorization-token against the emulator: $(tr '\n' ' ' < "$work/aws-cli.txt")ms (median $aws_ms ms)."
fi
echo
echo "Logs: $work (Maven's under <version>/logs, the emulator's calls in emulator-<latency>ms.log)"
