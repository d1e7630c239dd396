# shellcheck shell=bash
# Shared helpers for .ci/run and .ci/test-all. Source it; do not execute it.
#
# Every ensure_* function is idempotent: it checks first and only installs or
# starts what is missing. `apt-get update` runs at most once per process, and
# only when something has to be installed.

if [[ -n "${_HYS_CI_LIB_LOADED:-}" ]]; then
    return 0
fi
_HYS_CI_LIB_LOADED=1

PG_HOST=127.0.0.1
PG_PORT=5432
PG_CLUSTER=main
PG_ETC=/etc/postgresql
export PIP_ROOT_USER_ACTION=ignore

log() { printf '>> %s\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

# Run a command as root (CI runs as root; a developer may need sudo).
as_root() {
    if [[ "$(id -u)" -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "need root to run: $*"
    fi
}

# Run a command as the postgres OS user (for peer auth on the local socket).
as_postgres() {
    (cd /tmp && as_root runuser -u postgres -- "$@")
}

_APT_UPDATED=${_APT_UPDATED:-0}
_APT_LOG=${_APT_LOG:-${TMPDIR:-/tmp}/have-your-say-apt.log}
# apt's output goes to $_APT_LOG to keep the CI log readable; shown on failure.
apt_install() {
    if [[ "$_APT_UPDATED" != 1 ]]; then
        log "apt-get update"
        if ! as_root apt-get -o DPkg::Lock::Timeout=600 update -q >>"$_APT_LOG" 2>&1; then
            tail -n 40 "$_APT_LOG" >&2
            die "apt-get update failed (full log: $_APT_LOG)"
        fi
        _APT_UPDATED=1
        export _APT_UPDATED
    fi
    log "apt-get install $* (log: $_APT_LOG)"
    if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q "$@" >>"$_APT_LOG" 2>&1; then
        tail -n 40 "$_APT_LOG" >&2
        die "apt-get install $* failed (full log: $_APT_LOG)"
    fi
}

deb_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

pg_ready() {
    command -v pg_isready >/dev/null 2>&1 &&
        pg_isready -q -h "$PG_HOST" -p "$PG_PORT" >/dev/null 2>&1
}

# psql as the postgres role over TCP, never prompting for a password.
pg_tcp_psql() {
    psql -X -w -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U postgres "$@"
}

# Newest PostgreSQL major version with a cluster config (or installed binaries).
pg_version() {
    local v=""
    if [[ -d "$PG_ETC" ]]; then
        v=$(ls "$PG_ETC" | sort -V | tail -1)
    fi
    if [[ -z "$v" && -d /usr/lib/postgresql ]]; then
        v=$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -1)
    fi
    printf '%s' "$v"
}

# Put trust rules for local socket and 127.0.0.1 at the top of pg_hba.conf
# (first match wins), once. Returns 0 if the file was changed.
pg_trust_hba() {
    local hba="$PG_ETC/$1/$PG_CLUSTER/pg_hba.conf"
    [[ -f "$hba" ]] || return 1
    if grep -q '^# have-your-say CI: trust' "$hba"; then
        return 1
    fi
    log "adding trust auth to $hba"
    local tmp
    tmp=$(mktemp)
    {
        echo '# have-your-say CI: trust (local test machine only)'
        echo 'local   all   all                  trust'
        echo 'host    all   all   127.0.0.1/32   trust'
        echo 'host    all   all   ::1/128        trust'
        cat "$hba"
    } >"$tmp"
    as_root cp "$tmp" "$hba"
    rm -f "$tmp"
    as_root chown postgres:postgres "$hba" 2>/dev/null || true
    return 0
}

ensure_postgres() {
    if ! pg_ready; then
        log "PostgreSQL is not answering on $PG_HOST:$PG_PORT; starting it"
        if ! deb_installed postgresql; then
            apt_install postgresql
        fi
        local ver
        ver=$(pg_version)
        [[ -n "$ver" ]] || die "postgresql installed but no version found"
        if [[ ! -f "$PG_ETC/$ver/$PG_CLUSTER/postgresql.conf" ]]; then
            log "creating cluster $ver/$PG_CLUSTER"
            as_root pg_createcluster "$ver" "$PG_CLUSTER" -p "$PG_PORT" >/dev/null
        fi
        pg_trust_hba "$ver" || true
        as_root install -d -m 2775 -o postgres -g postgres /var/run/postgresql
        # "already running" exits non-zero; the readiness loop below decides.
        as_root pg_ctlcluster --skip-systemctl-redirect "$ver" "$PG_CLUSTER" start || true
        local i
        for ((i = 0; i < 30; i++)); do
            pg_ready && break
            sleep 1
        done
        pg_ready || die "PostgreSQL did not become ready on $PG_HOST:$PG_PORT within 30 s (see /var/log/postgresql/)"
    fi

    if ! command -v psql >/dev/null 2>&1; then
        apt_install postgresql-client
    fi

    # Trust auth on 127.0.0.1 for the postgres role (the tests connect as
    # postgres://postgres@127.0.0.1:5432/test without a password).
    if ! pg_tcp_psql -d postgres -Atc 'select 1' >/dev/null 2>&1; then
        local ver
        ver=$(pg_version)
        if [[ -n "$ver" ]] && pg_trust_hba "$ver"; then
            as_root pg_ctlcluster --skip-systemctl-redirect "$ver" "$PG_CLUSTER" reload ||
                as_postgres psql -X -d postgres -Atc 'select pg_reload_conf()' >/dev/null
            sleep 1
        fi
        pg_tcp_psql -d postgres -Atc 'select 1' >/dev/null ||
            die "cannot connect as postgres to $PG_HOST:$PG_PORT without a password (trust auth needed)"
    fi

    # Role root (superuser) and database test.
    if [[ "$(pg_tcp_psql -d postgres -Atc "select 1 from pg_roles where rolname = 'root'")" != 1 ]]; then
        log "creating PostgreSQL role root"
        pg_tcp_psql -d postgres -qc 'create role root superuser login'
    elif [[ "$(pg_tcp_psql -d postgres -Atc "select rolsuper from pg_roles where rolname = 'root'")" != t ]]; then
        pg_tcp_psql -d postgres -qc 'alter role root superuser login'
    fi
    if [[ "$(pg_tcp_psql -d postgres -Atc "select 1 from pg_database where datname = 'test'")" != 1 ]]; then
        log "creating PostgreSQL database test"
        pg_tcp_psql -d postgres -qc 'create database test'
    fi
    log "PostgreSQL ready: $(pg_tcp_psql -d test -Atc 'show server_version')"
}

ensure_aiosmtpd() {
    local check=(python3 -c 'import aiosmtpd')
    command -v python3 >/dev/null 2>&1 || apt_install python3
    if "${check[@]}" >/dev/null 2>&1; then
        return 0
    fi
    log "installing Python package aiosmtpd"
    if python3 -m pip --version >/dev/null 2>&1; then
        python3 -m pip install -q aiosmtpd ||
            python3 -m pip install -q --break-system-packages aiosmtpd || true
    fi
    if ! "${check[@]}" >/dev/null 2>&1 && [[ "$(command -v python3)" == /usr/bin/python3 ]]; then
        # Debian's own python: its packaged module is the cleanest fit.
        apt_install python3-aiosmtpd || true
    fi
    if ! "${check[@]}" >/dev/null 2>&1 && ! python3 -m pip --version >/dev/null 2>&1; then
        apt_install python3-pip
        python3 -m pip install -q aiosmtpd ||
            python3 -m pip install -q --break-system-packages aiosmtpd || true
    fi
    "${check[@]}" || die "could not make aiosmtpd importable by $(command -v python3)"
}

ensure_chromium() {
    if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
        return 0
    fi
    apt_install chromium chromium-driver
    [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]] ||
        die "chromium/chromedriver still missing after install"
}

# Dovecot's IMAP server, for the inbound-mail tests (tests/it/inbound.rs): each test starts its
# own dovecot as the current user with a throwaway config on a loopback port; the packaged
# service is never started here.
ensure_dovecot() {
    if [[ -x /usr/sbin/dovecot ]]; then
        return 0
    fi
    apt_install dovecot-imapd
    [[ -x /usr/sbin/dovecot ]] || die "dovecot still missing after installing dovecot-imapd"
}

ensure_nextest() {
    if cargo nextest --version >/dev/null 2>&1; then
        return 0
    fi
    log "installing cargo-nextest (cargo install, takes a few minutes)"
    cargo install cargo-nextest --locked
}

# axe-core (npm) for the accessibility tests, in .ci/axe (git-ignored). Node.js and npm come
# from Debian when absent.
ensure_axe() {
    local dir
    dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/axe"
    if [[ -f "$dir/node_modules/axe-core/axe.min.js" ]]; then
        return 0
    fi
    if ! command -v npm >/dev/null 2>&1; then
        apt_install nodejs npm
    fi
    echo ">> installing axe-core from npm"
    npm install --prefix "$dir" axe-core@4 --no-audit --no-fund --loglevel=error
}

# schemathesis (PyPI) for the JSON API's contract test, in a virtualenv of its
# own so its many dependencies never meet the system's or aiosmtpd's. Pinned
# to 4.x: the CLI's flags changed between majors.
SCHEMATHESIS_VENV=${SCHEMATHESIS_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/have-your-say/schemathesis}
SCHEMATHESIS="$SCHEMATHESIS_VENV/bin/schemathesis"
ensure_schemathesis() {
    if [[ -x "$SCHEMATHESIS" ]] && "$SCHEMATHESIS" --version >/dev/null 2>&1; then
        return 0
    fi
    command -v python3 >/dev/null 2>&1 || apt_install python3
    log "installing schemathesis into $SCHEMATHESIS_VENV"
    rm -rf "$SCHEMATHESIS_VENV"
    if ! python3 -m venv "$SCHEMATHESIS_VENV" >/dev/null 2>&1; then
        # Debian's own python3 needs python3-venv (ensurepip) to make a virtualenv.
        rm -rf "$SCHEMATHESIS_VENV"
        apt_install python3-venv
        python3 -m venv "$SCHEMATHESIS_VENV" ||
            die "cannot create a virtualenv at $SCHEMATHESIS_VENV"
    fi
    "$SCHEMATHESIS_VENV/bin/python" -m pip install -q 'schemathesis>=4,<5' ||
        die "pip install schemathesis failed"
    "$SCHEMATHESIS" --version >/dev/null || die "schemathesis installed but does not run"
}

ensure_all() {
    ensure_postgres
    ensure_aiosmtpd
    ensure_chromium
    ensure_dovecot
    ensure_nextest
    ensure_axe
    ensure_schemathesis
}
