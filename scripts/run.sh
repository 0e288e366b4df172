#!/usr/bin/env bash
# One entry point for a fresh Debian machine: installs what is missing, then builds or tests.
#   bash scripts/run.sh setup   -> only install (CI set-up step); then use .venv/bin/baocao
#   bash scripts/run.sh build   -> sample bundle from data/ into output/
#   bash scripts/run.sh test    -> the whole test suite
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-}"
case "$mode" in
  setup|build|test) shift ;;
  *) echo "Cách dùng: bash scripts/run.sh setup|build|test [tham số thêm]" >&2; exit 2 ;;
esac

# System packages WeasyPrint and the fonts need; the test suite also needs poppler, LibreOffice,
# Chromium and Tesseract with its Vietnamese data (tests/conftest.py refuses to run without them
# under CI, where a skipped test would pass unseen).
apt_pkgs=(fonts-liberation2 fonts-croscore fontconfig libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0)
if [ "$mode" = test ]; then
  apt_pkgs+=(poppler-utils libreoffice-writer-nogui chromium tesseract-ocr tesseract-ocr-vie)
fi
py="${PYTHON:-python3}"
# Debian's own python3 makes a virtual environment only with python3-venv (ensurepip).
if ! "$py" -c "import ensurepip, venv" >/dev/null 2>&1; then
  apt_pkgs+=(python3-venv)
fi
missing=()
for p in "${apt_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Cài gói hệ thống còn thiếu: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Python virtual environment with the project and its test extras.
if [ ! -x .venv/bin/python ]; then
  "$py" -m venv .venv
fi
stamp=.venv/.baocao-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'
  touch "$stamp"
fi

if [ "$mode" = setup ]; then
  echo "Đã cài xong: dùng .venv/bin/baocao"
  exit 0
fi
if [ "$mode" = build ]; then
  exec .venv/bin/baocao build data --verify "$@"
fi

# pytest exits 5 when it collects nothing: that is a failure here, as any non-zero exit is.
exec .venv/bin/python -m pytest "$@"
