# Sourced by the project's scripts: exports JAVA_HOME as a JDK 25 (the given JAVA_HOME when it is one,
# else the first under /usr/lib/jvm) and puts it first on PATH; fails with a clear message when none exists.
is_jdk25() { [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && "$1/bin/java" -version 2>&1 | grep -qE 'version "25(\.|")'; }
if [ -z "${JAVA_HOME:-}" ] || ! is_jdk25 "$JAVA_HOME"; then
  JAVA_HOME=""
  for candidate in /usr/lib/jvm/*; do
    if is_jdk25 "$candidate"; then JAVA_HOME="$candidate"; break; fi
  done
fi
if [ -z "$JAVA_HOME" ]; then
  echo "no JDK 25 found: set JAVA_HOME to a JDK 25, or install one under /usr/lib/jvm" >&2
  return 1 2>/dev/null || exit 1
fi
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
