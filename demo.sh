#!/usr/bin/env bash
# The main job: a real Maven build of demo/ through the extension, against the bundled CodeArtifact emulator.
# It needs no AWS account: the emulator speaks CodeArtifact's and STS's wire protocols over HTTPS on loopback
# port 443, and the Maven JVM resolves the real AWS host names to it (-Djdk.net.hosts.file) and trusts its
# certificate. Nothing leaves this machine except the first build's downloads from the Maven registry.
#
#   ./demo.sh                         Maven 3.9.16 (downloaded by the build)
#   DEMO_MAVEN_VERSION=4.0.0-rc-4 ./demo.sh   also 3.8.8 or 3.10.0
set -euo pipefail
cd "$(dirname "$0")"
root=$PWD
work=$root/target/demo
version=${DEMO_MAVEN_VERSION:-3.9.16}

echo "==> Building the extension, the emulator and Maven $version (tests skipped)"
mvn -B -q verify -DskipTests
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$root/target/demo-classpath.txt"
maven_home=$root/target/it/maven/apache-maven-$version
[ -d "$maven_home" ] || { echo "Maven $version is not among the built distributions (target/it/maven)"; exit 1; }

rm -rf "$work" && mkdir -p "$work/home/.aws" "$work/aws"
: > "$work/home/.aws/config"
: > "$work/home/.aws/credentials"

echo "==> Starting the CodeArtifact emulator"
java -cp "$root/target/test-classes:$root/target/classes:$(cat "$root/target/demo-classpath.txt")" \
  io.github.mavenaws.codeartifact.fake.FakeAwsMain "$work/aws" > "$work/emulator.log" 2>&1 &
emulator=$!
trap 'kill $emulator 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  grep -q '^Maven JVM options:' "$work/emulator.log" 2>/dev/null && break
  kill -0 $emulator 2>/dev/null || { cat "$work/emulator.log"; exit 1; }
  sleep 0.2
done
jvm_options=$(sed -n 's/^Maven JVM options: *//p' "$work/emulator.log")
[ -n "$jvm_options" ] || { cat "$work/emulator.log"; exit 1; }

# A user who has the extension installed (a copy of the build's seed repository) and no token anywhere.
cp -r "$root/target/it/seed-repo" "$work/m2"
cat > "$work/settings.xml" <<XML
<settings>
  <localRepository>$work/m2</localRepository>
  <mirrors>
    <!-- Plugins come from the seed repository: this machine's Maven registry access is not needed here. -->
    <mirror><id>seed</id><mirrorOf>central</mirrorOf><url>file://$root/target/it/seed-repo</url></mirror>
  </mirrors>
</settings>
XML
cp -r "$root/demo" "$work/project"

echo "==> mvn deploy on demo/ with Maven $version: AWS credentials in the environment, nothing else"
java_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
(cd "$work/project" && env -i PATH="$PATH" JAVA_HOME="${JAVA_HOME:-$java_home}" HOME="$work/home" \
  AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY \
  AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE="$work/home/.aws/config" \
  AWS_SHARED_CREDENTIALS_FILE="$work/home/.aws/credentials" MAVEN_OPTS="$jvm_options" \
  sh "$maven_home/bin/mvn" -B -s "$work/settings.xml" deploy)

echo "==> What the emulated AWS saw"
grep '^fake-aws:' "$work/emulator.log" | sed 's/^fake-aws: /  /'
