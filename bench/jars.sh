# Sourced by the start-up benchmarks that compare the portal with bench/bare-app: sets $portal_jar
# (PORTAL_JAR, else target/'s jar, built if missing) and $bare_jar (built if missing), both absolute.
portal_jar=${PORTAL_JAR:-$(ls target/pchat-dr-portal-*.jar 2> /dev/null | head -n 1 || true)}
if [[ -z "$portal_jar" ]]; then
    echo "Building the portal's jar ..."
    mvn -B -q package -DskipTests
    portal_jar=$(ls target/pchat-dr-portal-*.jar | head -n 1)
fi
portal_jar=$(realpath "$portal_jar")
bare_jar=bench/bare-app/target/bare-app.jar
if [[ ! -f "$bare_jar" ]]; then
    echo "Building the bare application ..."
    mvn -B -q -f bench/bare-app/pom.xml package -DskipTests
fi
bare_jar=$(realpath "$bare_jar")
