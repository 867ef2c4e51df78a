"""How `summitbot slack --http` copes with a burst: N signed app_mention events sent at the same moment.

Starts a loopback Slack Web API (tests/fakes/slack_api.py) and the real bot (`summitbot slack --http`,
real model), waits until it listens, then POSTs N events concurrently from N threads, each from its own
user and channel. Prints the acknowledgement latency (max, median) against Slack's 3 s deadline, and the
time from the first send until every question was answered (chat.postMessage seen by the fake).

Run:  python benchmarks/bench_slack_burst.py [--events 20] [--rounds 3] [--strict]

--strict exits 1 if any acknowledgement took 3 s or more, or an event was not answered in 60 s.
Everything stays on 127.0.0.1; SUMMITBOT_HOME is a temporary folder, removed after.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fakes.slack_api import FakeSlack
from fakes.slack_payloads import Delivery, deliver, event_callback, mention
from fakes.slack_process import SIGNING_SECRET, BotProcess, bot_env, free_port

ACK_DEADLINE_SECONDS = 3.0
ANSWER_TIMEOUT_SECONDS = 60.0
QUESTIONS = ["what was agreed on fentanyl?", "who attended?", "what about AI?",
             "did they restore military communications?", "what did Xi say about Taiwan?"]


def burst(url: str, slack: FakeSlack, events: int, round_number: int) -> tuple[list[Delivery], float]:
    """Send `events` mentions at once; (the deliveries, seconds until all were answered)."""
    channels = [f"CB{round_number:02d}{i:03d}" for i in range(events)]
    bodies = [event_callback(mention(QUESTIONS[i % len(QUESTIONS)], channel=c, user=f"UB{round_number:02d}{i:03d}"))
              for i, c in enumerate(channels)]
    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=events) as pool:
        deliveries = list(pool.map(lambda body: deliver(url, SIGNING_SECRET, event=body), bodies))
    wanted = set(channels)
    slack.wait_for(lambda calls: [c for c in calls if c.method == "chat.postMessage"
                                  and c.body.get("channel") in wanted], count=events, timeout=ANSWER_TIMEOUT_SECONDS)
    answered = max(c.at for c in slack.calls_to("chat.postMessage") if c.body.get("channel") in wanted)
    return deliveries, answered - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20, help="events per burst (default 20)")
    parser.add_argument("--rounds", type=int, default=3, help="bursts, one after the other (default 3)")
    parser.add_argument("--strict", action="store_true", help="exit 1 if an ack missed 3 s")
    args = parser.parse_args()

    slack = FakeSlack().start()
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        port = free_port()
        env = bot_env(workdir / "home", slack.api_url, SLACK_BOT_TOKEN=slack.bot_token,
                      SLACK_SIGNING_SECRET=SIGNING_SECRET, SUMMITBOT_COOLDOWN_SECONDS="0")
        bot = BotProcess(["slack", "--http", "--port", str(port), "--host", "127.0.0.1"], env, workdir)
        worst_ack = 0.0
        try:
            started = time.monotonic()
            bot.wait_for_port(port)
            print(f"bot ready in {time.monotonic() - started:.1f} s (model and index loaded)")
            url = f"http://127.0.0.1:{port}/slack/events"
            for round_number in range(args.rounds):
                deliveries, all_answered = burst(url, slack, args.events, round_number)
                acks = [d.seconds for d in deliveries]
                worst_ack = max(worst_ack, *acks)
                statuses = sorted({d.status for d in deliveries})
                print(f"burst {round_number + 1}: {args.events} events, HTTP {statuses}, "
                      f"ack max {max(acks) * 1000:.0f} ms, median {statistics.median(acks) * 1000:.0f} ms; "
                      f"all {args.events} answered after {all_answered:.2f} s")
        finally:
            code, seconds = bot.terminate()
            print(f"SIGTERM: exit {code} after {seconds:.1f} s")
            slack.stop()
    verdict = "within" if worst_ack < ACK_DEADLINE_SECONDS else "OVER"
    print(f"worst acknowledgement {worst_ack * 1000:.0f} ms: {verdict} Slack's {ACK_DEADLINE_SECONDS:.0f} s deadline")
    return 1 if args.strict and worst_ack >= ACK_DEADLINE_SECONDS else 0


if __name__ == "__main__":
    sys.exit(main())
