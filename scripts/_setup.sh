# Shared by serve.sh and test.sh: make .venv, install a requirements file
# (pinned by constraints.txt), and install this project into it, so that
# staff commands work as `.venv/bin/microcare check`.
# Works on a fresh Debian machine that has only python3: Debian ships venv and
# pip separately (python3-venv), so install that first when it is missing.

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@"
}

setup_venv() {
  requirements="$1"
  if [ ! -x .venv/bin/pip ]; then
    rm -rf .venv
    if ! python3 -m venv .venv 2>/dev/null; then
      rm -rf .venv
      echo "Installing Debian's python3-venv so that Python can make a virtual environment..."
      apt_install python3-venv
      python3 -m venv .venv
    fi
  fi
  .venv/bin/pip install --quiet --disable-pip-version-check -r "$requirements" -c constraints.txt
  # Editable: the command runs this folder's code, and reads its data/ and providers/.
  .venv/bin/pip install --quiet --disable-pip-version-check --no-deps -e .
}
