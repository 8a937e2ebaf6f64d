#!/usr/bin/env bash
# Runs the archive job (org.dicomguard.spark.ScoreArchiveJob) on a local Spark, no Spark install needed.
#
#   guard-spark/run-local.sh ARCHIVE BUNDLE OUT [LABELS_CSV]
#
# Needs the README's build first (mvn -q -DskipTests package, from the repository root). Spark itself
# is resolved from Maven Central on first use (spark-sql at the parent pom's spark.version, through
# maven-dependency-plugin) into guard-spark/target/spark-classpath.txt.
# Environment: SPARK_MASTER (default local[2]), DRIVER_MEMORY (default 4g), JAVA (default java),
# JAVA_OPTS (extra JVM options, e.g. -Dspark.dicomguard.studiesPerTask=4 or -Dspark.dicomguard.drift=false),
# SPARK_CDS (default 1: class data sharing archive in guard-spark/target, made by the first run).
# OUT/contract holds the contract lines as text (part files: cat OUT/contract/part-*).
set -euo pipefail

if [ $# -lt 3 ] || [ $# -gt 4 ]; then
  echo "usage: $0 ARCHIVE BUNDLE OUT [LABELS_CSV]" >&2
  exit 2
fi
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
jar="$(ls "$here"/target/guard-spark-*-job.jar 2>/dev/null | head -1 || true)"
if [ -z "$jar" ]; then
  echo "no job jar in $here/target: build first with 'mvn -q -DskipTests package' in $root" >&2
  exit 2
fi
classpath_file="$here/target/spark-classpath.txt"
if [ ! -s "$classpath_file" ] || [ "$classpath_file" -ot "$root/pom.xml" ]; then
  echo "resolving Spark from Maven Central into $classpath_file" >&2
  # A throw-away pom under the dicom-guard parent: Spark at the parent's spark.version, with the
  # parent's dependency management (jackson-bom), so nothing of this project needs installing.
  version="$(sed -n '/<parent>/,/<\/parent>/s:.*<version>\(.*\)</version>.*:\1:p' "$here/pom.xml" | head -1)"
  mkdir -p "$here/target/spark-runtime"
  cat > "$here/target/spark-runtime/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>org.dicomguard</groupId>
    <artifactId>dicom-guard-parent</artifactId>
    <version>$version</version>
    <relativePath>../../../pom.xml</relativePath>
  </parent>
  <artifactId>guard-spark-runtime</artifactId>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.apache.spark</groupId>
      <artifactId>spark-sql_2.13</artifactId>
    </dependency>
  </dependencies>
</project>
POM
  mvn -q -B -f "$here/target/spark-runtime/pom.xml" dependency:build-classpath \
      -Dmdep.outputFile="$classpath_file" >&2
fi

# Class data sharing: the first run dumps the classes it loaded (Spark, Scala, the job) into an archive,
# later runs map it instead of loading and verifying some ten thousand classes again (seconds of CPU at
# every start). Rebuilt when the job jar or the Spark classpath is newer; SPARK_CDS=0 turns it off.
cds_opts=()
if [ "${SPARK_CDS:-1}" != 0 ]; then
  jsa="$here/target/spark-cds.jsa"
  if [ -f "$jsa" ] && { [ "$jsa" -ot "$jar" ] || [ "$jsa" -ot "$classpath_file" ]; }; then rm -f "$jsa"; fi
  if [ -f "$jsa" ]; then cds_opts=(-XX:SharedArchiveFile="$jsa"); else cds_opts=(-XX:ArchiveClassesAtExit="$jsa"); fi
fi

master="${SPARK_MASTER:-local[2]}"
local_opts=()
case "$master" in
  local*) local_opts=(-Dspark.driver.host=127.0.0.1 -Dspark.driver.bindAddress=127.0.0.1) ;;
esac

# ONNX Runtime 1.29 reads /proc/self/cmdline for telemetry when its environment starts and crashes
# (SIGSEGV) on command lines as long as this one's classpath; telemetry off avoids it.
export ORT_DISABLE_TELEMETRY=1

# Classpath order: the job jar (guard-spark, guard-core, ONNX Runtime, Jackson 2.22.4) first, then
# Spark. Both carry the Jackson version of the parent's jackson-bom, so jackson-databind and Spark's
# jackson-module-scala match whichever copy loads; a Spark distribution's older Jackson must not come
# first with this jar (jackson-module-scala refuses a databind of another minor version).
# shellcheck disable=SC2086
exec "${JAVA:-java}" -Xmx"${DRIVER_MEMORY:-4g}" "${cds_opts[@]}" \
  --add-opens=java.base/java.lang=ALL-UNNAMED \
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED \
  --add-opens=java.base/java.io=ALL-UNNAMED \
  --add-opens=java.base/java.net=ALL-UNNAMED \
  --add-opens=java.base/java.nio=ALL-UNNAMED \
  --add-opens=java.base/java.util=ALL-UNNAMED \
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED \
  --add-opens=java.base/sun.security.action=ALL-UNNAMED \
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
  -Djdk.reflect.useDirectMethodHandle=false \
  -Dspark.master="$master" -Dspark.ui.enabled=false "${local_opts[@]}" ${JAVA_OPTS:-} \
  -cp "$jar:$(cat "$classpath_file")" \
  org.dicomguard.spark.ScoreArchiveJob "$@"
