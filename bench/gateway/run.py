#!/usr/bin/env python3
"""Gateway benchmark: load from wrk against the upstream simulator directly, through nginx as a reverse proxy,
through Portkey's open-source gateway (the peer), and through modelguard-gateway with auth, limits, risk scoring
and watermarking on. Prints requests/s and the latency each proxy adds (p50/p99 at one connection), throughput at
many connections, and the gateway's resident memory with 10,000 keys. Not a test: figures depend on the machine.

    bench/gateway/run.py [--build-dir build/release] [--duration 10] [--connections 32]

Needs wrk and nginx (Debian, installed by scripts/setup.sh) and the peer's node_modules
(`npm ci` in bench/gateway; the script runs it when they are missing).
"""
import argparse
import concurrent.futures
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BODY = json.dumps({"model": "sim-gpt-1", "max_tokens": 16,
                   "messages": [{"role": "user", "content": "Write one sentence about the sea."}]})


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listens on port {port}")


def wrk(url, headers, connections, threads, duration, work):
    script = os.path.join(work, "post.lua")
    with open(script, "w") as f:
        f.write('wrk.method = "POST"\n')
        f.write("wrk.body = %s\n" % json.dumps(BODY))
        f.write('wrk.headers["Content-Type"] = "application/json"\n')
        for k, v in headers.items():
            f.write('wrk.headers["%s"] = "%s"\n' % (k, v))
    out = subprocess.run(["wrk", "--latency", "-t", str(threads), "-c", str(connections), "-d", f"{duration}s",
                          "-s", script, url], capture_output=True, text=True, check=True).stdout
    def ms(label):
        m = re.search(r"^\s*%s\s+([\d.]+)(us|ms|s)\s*$" % re.escape(label), out, re.M)
        if not m:
            return float("nan")
        v, unit = float(m.group(1)), m.group(2)
        return v / 1000 if unit == "us" else v * 1000 if unit == "s" else v
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": rps, "p50_ms": ms("50%"), "p99_ms": ms("99%"), "non2xx": int(errors.group(1)) if errors else 0}


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def admin(port, token, method, path, body=None):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", method=method,
                                 data=None if body is None else json.dumps(body).encode(),
                                 headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.loads(r.read())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build-dir", default=os.path.join(ROOT, "build/release"))
    ap.add_argument("--duration", type=int, default=10)
    ap.add_argument("--connections", type=int, default=32)
    ap.add_argument("--keys", type=int, default=10000)
    args = ap.parse_args()
    cli = os.path.join(args.build_dir, "app/cli/modelguard-cli")
    gateway = os.path.join(args.build_dir, "app/gateway/modelguard-gateway")
    for tool in ("wrk", "nginx"):
        if not shutil.which(tool) and not os.path.exists(f"/usr/sbin/{tool}"):
            sys.exit(f"bench/gateway: {tool} is missing (scripts/setup.sh installs it)")
    if not os.path.isdir(os.path.join(HERE, "node_modules/@portkey-ai/gateway")):
        # As scripts/node-deps.sh: the lock file's integrity hashes verify every package, so a registry certificate
        # that an intercepting proxy re-signed may be accepted on the second try.
        if subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=HERE).returncode != 0:
            subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--strict-ssl=false"], cwd=HERE, check=True)

    work = tempfile.mkdtemp(prefix="modelguard-bench-")
    procs = []
    try:
        up = subprocess.Popen([cli, "sim", "upstream", "--port", "0", "--print-port", "--threads", "2"],
                              stdout=subprocess.PIPE, text=True)
        procs.append(up)
        up_port = int(up.stdout.readline())

        nginx_port = free_port()
        conf = os.path.join(work, "nginx.conf")
        with open(conf, "w") as f:
            f.write(f"""daemon off; worker_processes 1; pid {work}/nginx.pid; error_log {work}/nginx.err;
events {{ worker_connections 4096; }}
http {{ access_log off; client_body_temp_path {work}; proxy_temp_path {work};
  upstream sim {{ server 127.0.0.1:{up_port}; keepalive 64; }}
  server {{ listen 127.0.0.1:{nginx_port};
    location / {{ proxy_pass http://sim; proxy_http_version 1.1; proxy_set_header Connection ""; }} }} }}
""")
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        procs.append(subprocess.Popen([nginx, "-c", conf, "-p", work], stderr=subprocess.DEVNULL))

        portkey_port = free_port()
        procs.append(subprocess.Popen(["node", os.path.join(HERE, "node_modules/@portkey-ai/gateway/build/start-server.js"),
                                       f"--port={portkey_port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))

        db = os.path.join(work, "gateway.db")
        token = subprocess.run([gateway, "bootstrap-token", "--db", db], capture_output=True, text=True,
                               check=True).stdout.strip()
        ready = os.path.join(work, "ready.json")
        gw = subprocess.Popen([gateway, "--upstream", f"http://127.0.0.1:{up_port}", "--db", db, "--listen",
                               "127.0.0.1:0", "--admin-listen", "127.0.0.1:0", "--threads", "1", "--ready-file", ready],
                              stderr=subprocess.DEVNULL)
        procs.append(gw)
        while not os.path.exists(ready):
            time.sleep(0.05)
        ports = json.load(open(ready))
        for p in (nginx_port, portkey_port, ports["data_port"]):
            wait_port(p)
        key = admin(ports["admin_port"], token, "POST", "/admin/v1/keys", {"client": "bench"})["secret"]
        # Limits on (generous, so they are checked but never refuse), watermark both schemes, risk scoring on.
        admin(ports["admin_port"], token, "PUT", "/admin/v1/clients/bench/limits",
              {"requests_per_second": 1e6, "tokens_per_minute": 10**12, "tokens_per_day": 10**13})

        targets = [
            ("simulator (direct)", f"http://127.0.0.1:{up_port}/v1/chat/completions", {}),
            ("nginx reverse proxy", f"http://127.0.0.1:{nginx_port}/v1/chat/completions", {}),
            ("Portkey gateway 1.15.2", f"http://127.0.0.1:{portkey_port}/v1/chat/completions",
             {"x-portkey-provider": "openai", "x-portkey-custom-host": f"http://127.0.0.1:{up_port}/v1",
              "Authorization": "Bearer sk-bench"}),
            ("modelguard-gateway", f"http://127.0.0.1:{ports['data_port']}/v1/chat/completions",
             {"Authorization": f"Bearer {key}"}),
        ]
        results = []
        for name, url, headers in targets:
            wrk(url, headers, 1, 1, 2, work)  # warm-up
            low = wrk(url, headers, 1, 1, args.duration, work)
            high = wrk(url, headers, args.connections, 2, args.duration, work)
            results.append({"target": name, "c1": low, f"c{args.connections}": high})

        rss_before = rss_mib(gw.pid)
        with concurrent.futures.ThreadPoolExecutor(16) as pool:
            list(pool.map(lambda i: admin(ports["admin_port"], token, "POST", "/admin/v1/keys",
                                          {"client": f"tenant-{i % 1000}", "name": f"k{i}"}), range(args.keys)))
        rss_after = rss_mib(gw.pid)

        base = results[0]["c1"]
        print(f"\n{'target':<26}{'req/s c=1':>11}{'p50 ms':>9}{'p99 ms':>9}{'+p50 ms':>9}{'+p99 ms':>9}"
              f"{'req/s c=' + str(args.connections):>13}{'non-2xx':>9}")
        for r in results:
            c1, ch = r["c1"], r[f"c{args.connections}"]
            print(f"{r['target']:<26}{c1['rps']:>11.0f}{c1['p50_ms']:>9.3f}{c1['p99_ms']:>9.3f}"
                  f"{c1['p50_ms'] - base['p50_ms']:>9.3f}{c1['p99_ms'] - base['p99_ms']:>9.3f}{ch['rps']:>13.0f}"
                  f"{c1['non2xx'] + ch['non2xx']:>9}")
        nginx_rps = results[1][f"c{args.connections}"]["rps"]
        mg_rps = results[3][f"c{args.connections}"]["rps"]
        pk_rps = results[2][f"c{args.connections}"]["rps"]
        print(f"\nmodelguard-gateway throughput: {mg_rps / nginx_rps:.2f} x nginx, {mg_rps / pk_rps:.2f} x Portkey "
              f"(targets: >= 0.70 x nginx, > 1 x Portkey)")
        print(f"modelguard-gateway resident memory: {rss_before:.1f} MiB, {rss_after:.1f} MiB with {args.keys} more keys "
              f"(target <= 100 MiB)")
        print(json.dumps({"results": results, "rss_mib": rss_after, "keys": args.keys}))
    finally:
        for p in reversed(procs):
            p.send_signal(signal.SIGTERM)
        for p in procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
