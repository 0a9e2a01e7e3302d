#!/usr/bin/env bash
# Runs every test suite: domain, web integration (SQLite and PostgreSQL) and browser (Debian's Chromium).
# Needs the .NET 10 SDK, PostgreSQL's server binaries, Chromium, python3-aiosmtpd and poppler-utils (pdftoppm); installs them with apt-get when
# run as root, otherwise says exactly what to install. Starts a private PostgreSQL on 127.0.0.1 for the run.
# The app under test runs on a fixed fake clock (tests/Omvarld.Web.Tests/Infrastructure/TestClock.cs), never on the
# wall clock. To run every suite on another day, moved by years:  OMVARLD_TEST_NOW=2031-06-15 ./test.sh
# (a day, read as 09:00 UTC, or an ISO 8601 instant).
set -euo pipefail
cd "$(dirname "$0")"

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
# The reminder tests send mail to a real SMTP server on loopback (scripts/smtp-for-tests.py, Debian's aiosmtpd).
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || missing+=(python3-aiosmtpd)
[ -x /usr/bin/pdftoppm ] || missing+=(poppler-utils)  # the compilation PDF test renders pages with pdftoppm
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing ${missing[*]} from Debian…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "The tests need: ${missing[*]}. Install with:  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

if [ -z "${OMVARLD_TEST_POSTGRES:-}" ]; then
  OMVARLD_TEST_POSTGRES=$(scripts/postgres-for-tests.sh start | tail -n 1)
  export OMVARLD_TEST_POSTGRES
  trap 'scripts/postgres-for-tests.sh stop' EXIT
fi

# The suites start a few hundred app hosts; none needs its configuration files watched, and the watchers (inotify
# instances, 128 per user by default) run out when two suites run at once.
export DOTNET_hostBuilder__reloadConfigOnChange=false

echo "Test clock: ${OMVARLD_TEST_NOW:-the default fixed day} (OMVARLD_TEST_NOW)"
log=$(mktemp)
set +e
dotnet test Omvarld.slnx --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One line per suite, then the total, so a reader (and CI) sees that every suite ran.
echo
echo "Test suites:"
grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.* - ([^ ]+)\.dll.*/\1/' | while read -r suite; do
  line=$(grep -E "^(Passed|Failed)!.* - $suite\.dll" "$log" | tail -n 1)
  p=$(sed -E 's/.*Passed: *([0-9]+).*/\1/' <<<"$line"); f=$(sed -E 's/.*Failed: *([0-9]+),.*/\1/' <<<"$line"); s=$(sed -E 's/.*Skipped: *([0-9]+).*/\1/' <<<"$line")
  printf '  %-28s %4s passed, %s failed, %s skipped\n' "$suite" "$p" "$f" "$s"
done
awk '/^(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) { if ($i == "Passed:") p += $(i+1); if ($i == "Failed:") f += $(i+1); if ($i == "Skipped:") s += $(i+1) }
       n++ }
     END { gsub(",", "", p); printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s
           if (n < 3) { print "Expected 3 test suites, saw " n > "/dev/stderr"; exit 1 } }' "$log" || status=1
rm -f "$log"
exit "$status"
